import ArgumentParser
import Engine
import Foundation
import Render
import TUI

/// `losscape snapshot`: the playground's screen after N steps, without a terminal.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train N steps and print the playground's screen as text (no terminal needed).",
        discussion: "Sizes below the minimum render the too-small screen; a zero size is refused.")

    @Argument(help: "A preset file, or the name of one in ./presets.")
    var preset: String

    @Option(parsing: .unconditional, help: "Training steps before the picture (default: the preset's steps).")
    var steps: Int?

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Flag(help: "Keep colours as ANSI SGR codes (256 colours).")
    var ansi = false

    @Flag(help: "ASCII glyphs only (no braille or blocks).")
    var ascii = false

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Flag(help: "Also compute the loss landscape (the playground's `g`) for the picture.")
    var landscape = false

    func validate() throws {
        if let steps, steps < 0 || steps > Preset.maxSteps { throw ValidationError("--steps must be in 0…\(Preset.maxSteps)") }
        _ = try parsedSize()
    }

    func parsedSize() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw ValidationError("--size must look like 120x40, got \(size)")
        }
        guard w > 0 && h > 0 else { throw ValidationError("--size must be at least 1x1, got \(size)") }
        guard w <= 1000 && h <= 1000 else { throw ValidationError("--size must be at most 1000x1000, got \(size)") }
        return (w, h)
    }

    /// The whole surface (and sharpness) computed synchronously, as the worker would publish it.
    static func landscape(_ run: RunSnapshot, _ settings: LandscapeSettings) -> LandscapeWorker.Progress {
        let worker = LandscapeWorker()
        worker.start(run: run, options: settings.options, oneDimensional: settings.oneDimensional)
        while true {
            if let p = worker.latest(), p.done, p.error != nil || p.sharpness != nil || p.rows.isEmpty { return p }
            usleep(2000)
        }
    }

    func run() throws {
        try checkCPU()
        let (w, h) = try parsedSize()
        let (trainer, base): (Trainer, String?)
        // trains exactly as `losscape run --steps N` (the schedule's horizon included)
        do { (trainer, base) = try PresetLookup.trainer(preset) { if let steps { $0.steps = steps } } } catch {
            throw fail("\(error)")
        }
        let spec = trainer.spec
        var history = MetricHistory()
        trainer.train(until: spec.steps, history: &history)
        let snapshot = SessionSnapshot(sequence: 1, runs: [RunSnapshot(trainer, history: history)], running: false,
                                       stepsPerSecond: 0, message: nil)
        var state = AppState(spec: spec, baseDirectory: base, width: w, height: h,
                             colorMode: ansi ? .ansi256 : .none, ascii: ascii)
        _ = update(&state, .snapshot(snapshot))
        if landscape { _ = update(&state, .landscape(Snapshot.landscape(snapshot.runs[0], state.landscape))) }
        let frame = Screen.render(state, cache: ViewCache())
        let text = (ansi ? TextExport.ansi(frame, mode: .ansi256) : TextExport.plain(frame)) + "\n"
        if let out {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                throw fail("--out: cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }
}
