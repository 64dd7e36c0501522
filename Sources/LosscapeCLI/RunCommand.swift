import ArgumentParser
import Dispatch
import Engine
import Foundation
import Learning

/// `losscape run PRESET`: trains headless, optionally writing a run folder.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a preset without the UI; print a summary, optionally write a run folder.",
        discussion: """
            The run folder holds config.toml (the fully resolved preset: `losscape run DIR/config.toml` \
            reproduces the run exactly), data.csv, weights-init.json, weights-final.json and metrics.jsonl.
            Exit status: 0 done, 1 bad preset/data/option values, 3 the run diverged (the folder is still written), \
            64 command-line usage errors, 130 interrupted (nothing written).
            """)

    @Argument(help: "A preset file, or the name of one in ./presets.")
    var preset: String

    @Option(parsing: .unconditional, help: "Training steps (overrides the preset's `steps`).")
    var steps: Int?

    @Option(help: "Seed (overrides the preset's `seed`).")
    var seed: UInt64?

    @Option(help: "Write a run folder here (a new or empty folder).")
    var out: String?

    @Option(help: "Log metrics every K steps (the last step is always logged).")
    var logEvery: Int = 1

    @Option(help: "Track the sharpness (top Hessian eigenvalue of the training loss) every K steps and at the end, as `sharpness` in metrics.jsonl (those steps are logged whatever --log-every).")
    var sharpnessEvery: Int?

    func validate() throws {
        if let steps, steps < 0 || steps > Preset.maxSteps { throw ValidationError("--steps must be in 0…\(Preset.maxSteps)") }
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be in 0…\(Int64.max) (presets store 64-bit signed integers)") }
        if logEvery < 1 { throw ValidationError("--log-every must be ≥ 1") }
        if let k = sharpnessEvery, k < 1 { throw ValidationError("--sharpness-every must be ≥ 1") }
    }

    func run() throws {
        try checkCPU()
        let (trainer, base): (Trainer, String?)
        do {
            (trainer, base) = try PresetLookup.trainer(preset) { spec in
                if let steps { spec.steps = steps }
                if let seed { spec.seed = seed }
            }
        } catch { throw fail("\(error)") }
        var writer: RunFolderWriter?
        if let out {
            do { writer = try RunFolderWriter(path: out) } catch { throw fail("\(error)") }
        }
        let interrupt = Interrupt()
        let outcome = train(trainer, writer: writer, interrupt: interrupt)
        if interrupt.happened {
            writer?.abandon()
            throw fail("interrupted at step \(trainer.step); nothing written", code: 130)
        }
        if let writer {
            do {
                try writer.write("config.toml", PresetWriter.toml(resolvedForFolder(trainer.spec, base: base)))
                try writer.write("data.csv", DataFile.csv(trainer.dataset, labelNoise: trainer.spec.data.labelNoise > 0 && trainer.dataset.task.isClassification))
                try writer.write("weights-init.json", WeightsFile.json(trainer.initialModel))
                try writer.write("weights-final.json", WeightsFile.json(trainer.model))
                try writer.write("metrics.jsonl", outcome.metrics)
                try writer.commit()
            } catch {
                writer.abandon()
                throw fail("\(error)")
            }
        }
        print(summary(trainer, seconds: outcome.seconds))
        if case .diverged(let step, let reason) = trainer.health {
            throw fail("diverged at step \(step): \(reason)", code: 3)
        }
    }

    /// The preset as run, with a CSV path made absolute (config.toml lives elsewhere).
    func resolvedForFolder(_ spec: RunSpec, base: String?) -> RunSpec {
        var s = spec
        if let p = s.data.resolvedPath(baseDirectory: base) {
            s.data.path = URL(fileURLWithPath: p).standardizedFileURL.path
        }
        return s
    }

    /// Trains to `steps`, logging every `logEvery` steps and the last.
    func train(_ t: Trainer, writer: RunFolderWriter?, interrupt: Interrupt) -> (metrics: String, seconds: Double) {
        let total = t.spec.steps
        var lines: [String] = []
        let progress = isTerminal(2) ? ProgressBar(total: total) : nil
        let start = DispatchTime.now().uptimeNanoseconds
        // warm-started power iterations along training (SharpnessTracker)
        var tracker = SharpnessTracker(iterations: 20)
        func sharpness(at step: Int) -> Double? {
            guard let k = sharpnessEvery, step % k == 0 || step == total,
                  let objective = try? LandscapeSetup.trainingLoss(model: t.model, dataset: t.dataset, spec: t.spec)
            else { return nil }
            return tracker.update(objective, step: step)
        }
        while t.step < total && !interrupt.happened {
            let step = t.step
            let sharp = sharpness(at: step)  // at θ_step, before the update
            let logging = step % logEvery == 0 || sharp != nil  // a tracked step is always logged
            let ok = t.trainStep(logging: logging)
            if logging || !ok, let r = t.lastRecord, r.step == step { lines.append(MetricsFile.line(r, sharpness: sharp)) }
            if !ok { break }
            progress?.update(t.step, start: start)
        }
        if !t.health.isDiverged && !interrupt.happened {
            lines.append(MetricsFile.line(t.currentRecord(), sharpness: sharpness(at: t.step)))
        }
        progress?.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), seconds)
    }

    func summary(_ t: Trainer, seconds: Double) -> String {
        let r = t.lastRecord
        let rate = seconds > 0 ? Double(t.step) / seconds : 0
        var out = "\(t.spec.name): \(t.step) steps in \(String(format: "%.2f", seconds)) s (\(Int(rate.rounded())) steps/s)"
        func loss(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "–" }
        func acc(_ x: Double?) -> String { x.map { String(format: "  acc %.1f%%", $0 * 100) } ?? "" }
        out += "\n  train loss \(loss(r?.trainLoss))\(acc(r?.trainAccuracy))"
        if let c = r?.cleanTrainAccuracy { out += String(format: "  (clean labels %.1f%%)", c * 100) }
        if t.dataset.test.count > 0 { out += "\n  test  loss \(loss(r?.testLoss))\(acc(r?.testAccuracy))" }
        return out
    }
}
