import ArgumentParser
import Engine
import Foundation
import Learning

/// `losscape landscape PRESET`: trains headless, then prints a 2-D slice of
/// the loss surface around the final weights (issue #5), optionally writing
/// it to a folder.
struct Landscape: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a preset, then print a 2-D slice of the loss landscape around the weights.",
        discussion: """
            f(α, β) = L(θ + α·d1 + β·d2) on a GRID×GRID grid over [−SPAN, SPAN]², with seeded random \
            directions (filter-normalized as Li et al. 2018; biases not perturbed) or the top two \
            principal components of the training path. Training is exactly `losscape run`'s. \
            With --out, the folder holds landscape.json, data.csv and weights-final.json.
            Exit status: 0 done, 1 bad preset/arguments, 3 the run diverged, 130 interrupted (nothing written).
            """)

    @Argument(help: "A preset file, or the name of one in ./presets.")
    var preset: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Training steps before the slice (default: the preset's steps).", valueName: "n"))
    var steps: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Grid points per axis, 2…401 (default 41).", valueName: "n"))
    var grid: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Half the side of the square (default 1; PCA: wide enough for the path).", valueName: "s"))
    var span: String?

    @Option(help: ArgumentHelp("random or pca (default random).", valueName: "kind"))
    var directions: String?

    @Option(help: ArgumentHelp("Random directions' normalization: filter, layer or none (default filter).", valueName: "kind"))
    var norm: String?

    @Flag(help: "Perturb biases too (their directions normalized as whole vectors) instead of ignoring them.")
    var normalizeBiases = false

    @Option(help: ArgumentHelp("train or test (default train).", valueName: "split"))
    var split: String?

    @Option(help: ArgumentHelp("loss or accuracy (default loss).", valueName: "metric"))
    var metric: String?

    @Option(help: "Write landscape.json, data.csv and weights-final.json here (a new or empty folder).")
    var out: String?

    @Option(name: .customLong("set"), help: "Override a preset key by its dotted path: --set loss.gamma=2 (repeatable).")
    var sets: [String] = []

    /// The options from the flags, or a one-line error naming the flag.
    func options() throws -> (LandscapeOptions, steps: Int?) {
        var o = LandscapeOptions()
        func choice<T: RawRepresentable & CaseIterable>(_ value: String?, _ flag: String, _ type: T.Type) throws -> T?
        where T.RawValue == String {
            guard let value else { return nil }
            guard let v = T(rawValue: value) else {
                throw fail(
                    "--\(flag): expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \(value)\(Suggestion.didYouMean(value, among: T.allCases.map(\.rawValue)))"
                )
            }
            return v
        }
        var n: Int?
        if let steps {
            guard let s = Int(steps), s >= 0 else { throw fail("--steps: expected a whole number ≥ 0, got \(steps)") }
            n = s
        }
        if let grid {
            guard let g = Int(grid), LandscapeGrid.countRange.contains(g) else {
                throw fail("--grid: expected a whole number in 2…401, got \(grid)")
            }
            o.grid = g
        }
        if let span {
            guard let s = Double(span), s > 0, s.isFinite else { throw fail("--span: expected a positive number, got \(span)") }
            o.span = s
        }
        if let d = try choice(directions, "directions", LandscapeDirectionKind.self) { o.directions = d }
        if let d = try choice(norm, "norm", DirectionNormalization.self) { o.normalization = d }
        if let d = try choice(split, "split", LandscapeSplit.self) { o.split = d }
        if let d = try choice(metric, "metric", LandscapeMetric.self) { o.metric = d }
        if normalizeBiases { o.biases = .normalize }
        o.threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return (o, n)
    }

    func run() throws {
        try checkCPU()
        let (options, steps) = try self.options()
        let driver: RunDriver
        do {
            let (session, base) = try PresetLookup.load(preset, overrides: sets + (steps.map { ["steps=\($0)"] } ?? []))
            let every = options.directions == .pca ? WeightTrajectory.stride(steps: session.base.steps) : nil
            // the landscape is of the first run (of a comparison: the same directions fit every run)
            driver = try PresetLookup.drivers(session, baseDirectory: base, preset: preset, trajectoryEvery: every, history: false)[0]
        } catch {
            throw fail("\(error)")
        }
        let trainer = driver.trainer
        // refuse options that cannot fit this run before training
        if options.metric == .accuracy && !trainer.dataset.task.isClassification {
            throw fail("--metric: accuracy needs a classification dataset (this one is regression)")
        }
        if options.split == .test && trainer.dataset.test.count == 0 {
            throw fail("--split: the test split is empty (the preset's test_fraction is 0)")
        }
        var writer: RunFolderWriter?
        if let out {
            do { writer = try RunFolderWriter(path: out) } catch { throw fail("\(error)") }
        }
        let interrupt = Interrupt()
        driver.advance(until: driver.spec.steps, cancel: { interrupt.happened })
        if !interrupt.happened { driver.finish() }
        let trajectory = driver.trajectory
        if interrupt.happened {
            writer?.abandon()
            throw fail("interrupted at step \(trainer.step); nothing written", code: 130)
        }
        if case .diverged(let step, let reason) = trainer.health {
            writer?.abandon()
            throw fail("diverged at step \(step): \(reason); no landscape", code: 3)
        }
        let setup: LandscapeSetup
        do {
            setup = try LandscapeSetup(trainer: trainer, trajectory: options.directions == .pca ? trajectory : nil, options: options)
        } catch {
            writer?.abandon()
            throw fail("\(error)")
        }
        guard let surface = setup.computation.compute(isCancelled: { interrupt.happened }) else {
            writer?.abandon()
            throw fail("interrupted while computing the landscape; nothing written", code: 130)
        }
        let sharpness = setup.sharpness().eigenvalue
        print(LandscapeText.render(setup, surface: surface, sharpness: sharpness, name: trainer.spec.name), terminator: "")
        if let writer {
            do {
                try writer.write("landscape.json", LandscapeFile.json(setup, surface: surface, sharpness: sharpness))
                try writer.write(
                    "data.csv", DataFile.csv(trainer.dataset, labelNoise: trainer.spec.data.labelNoise > 0 && trainer.dataset.task.isClassification))
                try writer.write("weights-final.json", WeightsFile.json(trainer.model))
                try writer.commit()
            } catch {
                writer.abandon()
                throw fail("\(error)")
            }
        }
    }
}
