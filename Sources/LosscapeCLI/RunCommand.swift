import ArgumentParser
import Dispatch
import Engine
import Foundation
import Learning

/// `losscape run PRESET`: trains headless, optionally writing a run folder
/// (or, for a comparison, one run folder per run and summary.csv).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a preset without the UI; print a summary, optionally write a run folder.",
        discussion: """
            The run folder holds config.toml (the fully resolved preset: `losscape run DIR/config.toml` \
            reproduces the run exactly), data.csv, weights-init.json, weights-final.json, metrics.jsonl and \
            analysis.json (the analyses at the final step). \
            A preset with [[compare]] tables writes DIR/runs/<k>-<label>/ for each run (each a complete run \
            folder) and DIR/summary.csv, and prints the summary as a table.
            Exit status: 0 done, 1 bad preset/data/option values, 3 a run diverged (the folders are still \
            written), 64 command-line usage errors, 130 interrupted (nothing written).
            """)

    @Argument(help: "A preset file, or the name of one in ./presets.")
    var preset: String

    @Option(parsing: .unconditional, help: "Training steps (overrides the preset's `steps`).")
    var steps: Int?

    @Option(help: "Seed (overrides the preset's `seed`).")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: "Override a preset key by its dotted path: --set loss.gamma=2 (repeatable).")
    var sets: [String] = []

    @Option(help: "Write a run folder here (a new or empty folder).")
    var out: String?

    @Option(help: "Log metrics every K steps (the last step, events and sharpness steps are always logged).")
    var logEvery: Int = 1

    @Option(
        help:
            "Track the sharpness (top Hessian eigenvalue of the training loss) every K steps and at the end, as `sharpness` in metrics.jsonl (those steps are logged whatever --log-every)."
    )
    var sharpnessEvery: Int?

    func validate() throws {
        if let steps, steps < 0 || steps > Preset.maxSteps { throw ValidationError("--steps must be in 0…\(Preset.maxSteps)") }
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be in 0…\(Int64.max) (presets store 64-bit signed integers)") }
        if logEvery < 1 { throw ValidationError("--log-every must be ≥ 1") }
        if let k = sharpnessEvery, k < 1 { throw ValidationError("--sharpness-every must be ≥ 1") }
    }

    /// `--steps`/`--seed` as overrides (after `--set`, so they win).
    var overrides: [String] { sets + (steps.map { ["steps=\($0)"] } ?? []) + (seed.map { ["seed=\($0)"] } ?? []) }

    func run() throws {
        try checkCPU()
        let session: SessionSpec, drivers: [RunDriver], base: String?
        do { (session, drivers, base) = try PresetLookup.session(preset, overrides: overrides, history: false) } catch { throw fail("\(error)") }
        let compare = drivers.count > 1
        let writer: RunFolderWriter?
        do { writer = try out.map { try RunFolderWriter(path: $0) } } catch { throw fail("\(error)") }
        let interrupt = Interrupt()
        let progress = isTerminal(2) ? ProgressBar(total: drivers.reduce(0) { $0 + $1.spec.steps }) : nil
        let start = DispatchTime.now().uptimeNanoseconds
        var done = 0
        var metrics: [String] = []
        var seconds: [Double] = []
        for d in drivers {
            d.sharpnessEvery = sharpnessEvery
            let t0 = DispatchTime.now().uptimeNanoseconds
            metrics.append(
                d.trainHeadless(logEvery: logEvery, cancel: { interrupt.happened }) { step in
                    progress?.update(done + step, start: start)
                })
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            done += d.spec.steps
            if interrupt.happened { break }
        }
        progress?.finish()
        if interrupt.happened {
            writer?.abandon()
            let at = drivers.map { "\($0.step)" }.joined(separator: "/")
            throw fail("interrupted at step \(at); nothing written", code: 130)
        }
        if let writer {
            do {
                for (k, d) in drivers.enumerated() {
                    let folder = compare ? "runs/\(k + 1)-\(RunEntry.slug(d.label))/" : ""
                    if compare { try writer.makeFolder(folder) }
                    for (name, text) in RunFolderContents.files(d, metrics: metrics[k], session: session, baseDirectory: base) {
                        try writer.write(folder + name, text)
                    }
                }
                if compare {
                    try writer.write("summary.csv", CSVText.line(RunSummary.header) + drivers.map { CSVText.line(RunSummary($0).cells) }.joined())
                }
                try writer.commit()
            } catch {
                writer.abandon()
                throw fail("\(error)")
            }
        }
        if compare {
            print(CSVText.table([RunSummary.header] + drivers.map { RunSummary($0).cells }), terminator: "")
        } else {
            print(summary(drivers[0], seconds: seconds[0]))
        }
        let diverged = drivers.compactMap { d -> String? in
            guard case .diverged(let step, let reason) = d.health else { return nil }
            return compare ? "\(d.label) diverged at step \(step): \(reason)" : "diverged at step \(step): \(reason)"
        }
        if !diverged.isEmpty { throw fail(diverged.joined(separator: "; "), code: 3) }
    }

    func summary(_ d: RunDriver, seconds: Double) -> String {
        let r = d.finalRecord
        let rate = seconds > 0 ? Double(d.step) / seconds : 0
        var out = "\(d.spec.name): \(d.step) steps in \(String(format: "%.2f", seconds)) s (\(fixedRate(rate)) steps/s)"
        func loss(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "–" }
        func acc(_ x: Double?) -> String { x.map { String(format: "  acc %.1f%%", $0 * 100) } ?? "" }
        out += "\n  train loss \(loss(r?.trainLoss))\(acc(r?.trainAccuracy))"
        if let c = r?.cleanTrainAccuracy { out += String(format: "  (clean labels %.1f%%)", c * 100) }
        if d.trainer.dataset.test.count > 0 { out += "\n  test  loss \(loss(r?.testLoss))\(acc(r?.testAccuracy))" }
        return out
    }
}

/// A rate as a whole number (0 when not finite).
func fixedRate(_ r: Double) -> String { r.isFinite && r < 1e15 ? String(Int(r.rounded())) : "0" }
