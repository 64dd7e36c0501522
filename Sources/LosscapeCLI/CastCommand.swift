import ArgumentParser
import Engine
import Foundation
import Platform
import Render
import TUI

/// `losscape cast`: the playground rendered headlessly every K steps into an asciicast v2 file.
struct Cast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a preset's training as an asciicast v2 file (no terminal needed).",
        discussion: """
            The screen (the renderer `snapshot` uses) every K steps, one frame each, at F frames per \
            second: a header line {"version": 2, "width": W, "height": H, "title": …}, then one \
            [time, "o", text] line per frame with time = frame index / F. Each frame redraws the screen \
            from the home position, so any asciicast player (`asciinema play FILE.cast`) shows it. The \
            last frame is the screen of `losscape snapshot PRESET --steps N --ansi`.
            """)

    @Argument(help: "A preset file, or the name of one in ./presets.")
    var preset: String

    @Option(parsing: .unconditional, help: "Training steps (default: the preset's steps).")
    var steps: Int?

    @Option(help: "A frame every K steps (default: about 200 frames over the run).")
    var every: Int?

    @Option(help: "Frames per second of the recording.")
    var fps: Double = 10

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Flag(help: "Recompute the loss landscape for every frame (slow).")
    var landscape = false

    @Option(name: .customLong("set"), help: "Override a preset key by its dotted path: --set loss.gamma=2 (repeatable).")
    var sets: [String] = []

    @Option(help: "The .cast file to write (a new file).")
    var out: String

    func validate() throws {
        if let steps, steps < 0 || steps > Preset.maxSteps { throw ValidationError("--steps must be in 0…\(Preset.maxSteps)") }
        if let every, every < 1 { throw ValidationError("--every must be ≥ 1") }
        if !(fps > 0 && fps <= 1000) { throw ValidationError("--fps must be in (0, 1000]") }
    }

    /// The steps of the frames: 0, K, 2K, …, and the last step.
    static func frameSteps(total: Int, every: Int) -> [Int] {
        var out = Array(stride(from: 0, to: total, by: max(every, 1)))
        out.append(total)
        return out
    }

    func run() throws {
        try checkCPU()
        let (w, h): (Int, Int)
        do { (w, h) = try parseScreenSize(size) } catch { throw fail("\(error)") }
        if FileManager.default.fileExists(atPath: out) { throw fail("--out: \(out) exists (choose a new file)") }
        var screen = try headlessScreen(preset, sets: sets, steps: steps, width: w, height: h, colorMode: .ansi256, ascii: false)
        let total = screen.session.base.steps
        let k = every ?? max(1, total / 200)
        let interrupt = Interrupt()
        var lines = [Asciicast.header(width: w, height: h, title: "losscape \(screen.session.base.name)")]
        for (i, step) in Self.frameSteps(total: total, every: k).enumerated() {
            screen.advance(until: step)
            screen.refresh(sequence: i + 1, landscape: landscape)
            lines.append(Asciicast.event(time: Double(i) / fps, text: Asciicast.frameText(screen.frame(), mode: .ansi256, first: i == 0)))
            if interrupt.happened { throw fail("interrupted at step \(step); nothing written", code: 130) }
        }
        // all or nothing: the file appears complete
        let tmp = out + ".partial-\(SystemProcess.id)"
        do {
            try (lines.joined(separator: "\n") + "\n").write(toFile: tmp, atomically: false, encoding: .utf8)
            try FileManager.default.moveItem(atPath: tmp, toPath: out)
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw fail("--out: cannot write \(out): \(error.localizedDescription)")
        }
    }
}
