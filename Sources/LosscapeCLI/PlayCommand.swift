import ArgumentParser
import Engine
import Foundation
import TUI

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

    @Option(
        help:
            "Target training speed: \(PlaybackSpeed.ladder.map(String.init).joined(separator: ", ")) steps/s or max (overrides the preset's `speed`)."
    )
    var speed: String?

    @Flag(help: "Start paused (overrides the preset's `start`).")
    var paused = false

    @Option(name: .customLong("set"), help: "Override a preset key by its dotted path: --set loss.gamma=2 (repeatable).")
    var sets: [String] = []

    @Option(help: "Record what the screen shows to this asciicast v2 file (a new file).")
    var record: String?

    func run() throws {
        try checkCPU()
        // Everything that can fail on bad input fails here, before curses owns the screen.
        var session: SessionSpec, drivers: [RunDriver], base: String?
        do { (session, drivers, base) = try PresetLookup.session(preset, overrides: sets, trajectoryEvery: 1) } catch {
            throw fail("\(error)")
        }
        if let speed {
            guard let s = PlaybackSpeed(text: speed) else {
                throw fail("--speed: expected one of \(PlaybackSpeed.ladder.map(String.init).joined(separator: ", ")) or max, got \(speed)")
            }
            session.speed = s
        }
        if paused { session.startPaused = true }
        if let shots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: shots, isDirectory: &isDir), isDir.boolValue else {
                throw fail("--shots: \(shots) is not a folder")
            }
        }
        guard isTerminal(0) && isTerminal(1) else {
            throw fail("the playground needs a terminal (try `losscape run` or `losscape snapshot`)")
        }
        if let record, FileManager.default.fileExists(atPath: record) { throw fail("--record: \(record) exists (choose a new file)") }
        let engine = TrainingSession(runs: drivers, baseDirectory: base, speed: session.effectiveSpeed, pauseAt: session.base.steps)
        let backend = CursesBackend(colorMode: color)
        do { try backend.start() } catch { throw fail("\(error)") }
        defer { backend.stop() }
        var state = AppState(session: session, baseDirectory: base, colorMode: backend.colorMode, ascii: ascii)
        if let note = backend.note { state.say(note) }
        let loop = PlaygroundLoop(backend: backend, session: engine, state: state, output: shots ?? ".")
        if let record {
            let (w, h) = backend.size
            do {
                loop.recorder = try CastRecorder(
                    path: record, width: w, height: h, mode: backend.colorMode,
                    title: "losscape \(preset ?? "default")")
            } catch {
                backend.stop()
                throw fail("\(error)")
            }
        }
        let status = loop.run()
        if status != 0 { throw ExitCode(status) }
    }
}
