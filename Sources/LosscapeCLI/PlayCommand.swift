import ArgumentParser
import Engine
import Foundation

/// `losscape [PRESET]`: the interactive playground.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive playground (the default when no subcommand is given).")

    @Argument(help: "A preset file, or the name of one in ./presets (default: the default preset).")
    var preset: String?

    @Option(help: "Colours: auto, never, 256 or truecolor (NO_COLOR turns them off in auto).")
    var color: ColorModeRequest = .auto

    @Flag(help: "ASCII only: no braille or block glyphs.")
    var ascii = false

    @Option(help: "Folder for screenshots and written presets (default: the current folder).")
    var shots: String?

    func run() throws {
        try checkCPU()
        // Everything that can fail on bad input fails here, before curses owns the screen.
        let (trainer, base): (Trainer, String?)
        do { (trainer, base) = try PresetLookup.trainer(preset) } catch { throw fail("\(error)") }
        if let shots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: shots, isDirectory: &isDir), isDir.boolValue else {
                throw fail("--shots: \(shots) is not a folder")
            }
        }
        guard isTerminal(0) && isTerminal(1) else {
            throw fail("the playground needs a terminal (try `losscape run` or `losscape snapshot`)")
        }
        let loop = PlaygroundLoop(trainer: trainer, baseDirectory: base, output: shots ?? ".", ascii: ascii)
        let status = try loop.run(colorRequest: color)
        if status != 0 { throw ExitCode(status) }
    }
}
