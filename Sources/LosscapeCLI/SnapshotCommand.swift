import ArgumentParser
import Engine
import Foundation
import Learning
import Render
import TUI

/// `losscape snapshot`: the playground's screen after N steps, without a terminal.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train N steps and print the playground's screen as text (no terminal needed).",
        discussion: "Sizes below the playground's minimum (60x20) are refused.")

    @Argument(help: "A preset file, or the name of one in ./presets.")
    var preset: String

    @Option(parsing: .unconditional, help: "Training steps before the picture (default: the preset's steps).")
    var steps: Int?

    @Option(name: .customLong("set"), help: "Override a preset key by its dotted path: --set loss.gamma=2 (repeatable).")
    var sets: [String] = []

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

    @Option(help: "The view panel's view: \(SlotView.allCases.map(\.rawValue).joined(separator: ", ")) (the playground's v).")
    var view: String?

    @Option(help: "Also write the picture as an SVG file (text in its colours; braille and blocks as shapes).")
    var svg: String?

    func validate() throws {
        if let steps, steps < 0 || steps > Preset.maxSteps { throw ValidationError("--steps must be in 0…\(Preset.maxSteps)") }
    }

    func run() throws {
        try checkCPU()
        let (w, h): (Int, Int)
        do { (w, h) = try parseScreenSize(size) } catch { throw fail("\(error)") }
        var screen = try headlessScreen(
            preset, sets: sets, steps: steps, width: w, height: h,
            colorMode: ansi ? .ansi256 : .none, ascii: ascii)
        if let view {
            guard let v = SlotView(rawValue: view) else {
                throw fail(
                    "--view: expected one of \(SlotView.allCases.map(\.rawValue).joined(separator: ", ")), got \(view)\(Suggestion.didYouMean(view, among: SlotView.allCases.map(\.rawValue)))"
                )
            }
            screen.state.slot = v
            if v == .signals { for d in screen.drivers { d.sharpnessEvery = max(1, screen.session.base.steps / 50) } }
        }
        screen.advance(until: screen.session.base.steps)
        screen.refresh(sequence: 1, landscape: landscape)
        let frame = screen.frame()
        if let svg {
            // the SVG is always in colour (the frame was rendered with colours when asked for)
            var colored = screen
            colored.state.colorMode = .truecolor
            do { try SVGExport.svg(colored.frame(), mode: .truecolor).write(toFile: svg, atomically: true, encoding: .utf8) } catch {
                throw fail("--svg: cannot write \(svg): \(error.localizedDescription)")
            }
        }
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

/// A preset (with `--set` and `--steps`) ready to render headlessly. Runs record their
/// weight trajectory for the landscape's PCA path.
func headlessScreen(
    _ preset: String, sets: [String], steps: Int?, width: Int, height: Int, colorMode: ColorMode,
    ascii: Bool
) throws -> HeadlessScreen {
    let overrides = sets + (steps.map { ["steps=\($0)"] } ?? [])
    do {
        let (session, base) = try PresetLookup.load(preset, overrides: overrides)
        let every = WeightTrajectory.stride(steps: session.base.steps)
        let drivers = try PresetLookup.drivers(session, baseDirectory: base, preset: preset, trajectoryEvery: every)
        return HeadlessScreen(
            session: session, drivers: drivers, baseDirectory: base, width: width, height: height,
            colorMode: colorMode, ascii: ascii)
    } catch {
        throw fail("\(error)")
    }
}
