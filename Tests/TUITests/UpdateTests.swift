import Engine
import Foundation
import Learning
import Testing

@testable import TUI

@Suite struct UpdateTests {
    func state() -> AppState { AppState(spec: RunSpec.defaultPreset) }

    /// `s` after a snapshot of a fresh run of its spec (running or paused).
    func withRun(_ s: inout AppState, running: Bool) throws {
        let t = try Trainer(spec: s.spec)
        let runs = [RunSnapshot(t, history: MetricHistory())]
        _ = update(&s, .snapshot(SessionSnapshot(sequence: 1, runs: runs, running: running, stepsPerSecond: 0, message: nil)))
    }

    @Test func spaceTogglesRunAndPause() throws {
        var s = state()
        #expect(update(&s, .key(.character(" "))) == [.send(.run)])
        // the other direction: a running session pauses
        try withRun(&s, running: true)
        #expect(s.running)
        #expect(update(&s, .key(.character(" "))) == [.send(.pause)])
    }

    /// `G` with a run and no landscape yet starts a computation; its flash still says the new state.
    @Test func autoRefreshFlashSurvivesTheFirstComputation() throws {
        var s = state()
        try withRun(&s, running: false)
        let effects = update(&s, .key(.character("G")))
        #expect(effects.count == 1)
        #expect(s.currentFlash?.contains("auto-refresh") == true && s.currentFlash?.contains(": on") == true)
        #expect(s.currentFlash?.contains("computing") == true)
        _ = update(&s, .key(.character("G")))
        #expect(s.currentFlash?.hasSuffix(": off") == true)
    }

    @Test func learningRateKeysDoubleAndHalveWithoutRestart() {
        var s = state()
        func lr(_ x: Double) -> [Effect] {
            var o = s.spec.optimizer
            o.learningRate = x
            return [.send(.setOptimizer(o, run: 0))]
        }
        #expect(update(&s, .key(.character("+"))) == lr(0.02))
        #expect(update(&s, .key(.character("-"))) == lr(0.01))
        #expect(update(&s, .key(.character("-"))) == lr(0.005))
        #expect(s.currentFlash?.contains("learning rate") == true)
    }

    @Test func lossKeysCycleThroughLossesOfTheFamily() {
        var s = state()
        let effects = update(&s, .key(.character("l")))
        #expect(s.spec.loss.name != "cross_entropy")
        #expect(effects == [.send(.setLoss(s.spec.loss, run: 0))])
        _ = update(&s, .key(.character("L")))
        #expect(s.spec.loss.name == "cross_entropy")
        // only classification losses on a classification dataset
        for _ in 0..<40 {
            _ = update(&s, .key(.character("l")))
            #expect(LossCatalog.entry(s.spec.loss.name)?.info.family == .classification)
        }
    }

    @Test func datasetKeyRestartsTheRunWithAValidSetup() {
        var s = state()
        for _ in 0..<DatasetKind.allCases.count {
            let effects = update(&s, .key(.character("d")))
            guard case .send(.replace(let session, _)) = effects.first, let spec = session.runs.first?.spec else {
                Issue.record("no replace for \(s.spec.data.kind)")
                return
            }
            #expect(throws: Never.self) { try spec.data.validate() }
            #expect(LossCatalog.entry(spec.loss.name)?.info.family == spec.family)
            if spec.data.kind == .sine { #expect(spec.model.features == [.x1]) }
            #expect(s.currentFlash?.contains("run restarted") == true)
        }
        #expect(s.spec.data.kind != .csv, "csv only when the preset had a file")
    }

    @Test func optimizerKeyKeepsTheWeights() {
        var s = state()
        let effects = update(&s, .key(.character("o")))
        #expect(effects == [.send(.setOptimizer(s.spec.optimizer, run: 0))])
        #expect(s.spec.optimizer.kind == .adamw)
    }

    @Test func reinitialiseAndRegenerateChangeOnlyTheirSeeds() {
        var s = state()
        let before = s.spec
        #expect(update(&s, .key(.character("r"))) == [.send(.restart)])
        #expect(s.spec == before, "r restarts with the same initial weights")
        _ = update(&s, .key(.character("i")))
        #expect(s.spec.initSeed == before.seed + 1 && s.spec.data == before.data)
        _ = update(&s, .key(.character("R")))
        #expect(s.spec.data.seed == before.seed + 1 && s.spec.initSeed == before.seed + 1)
    }

    @Test func arrowsMoveTheFocusAndChangeTheFocusedField() {
        var s = state()
        #expect(s.focusedField == .dataKind)
        _ = update(&s, .key(.down))
        #expect(s.focusedField == .classes)
        let effects = update(&s, .key(.right))
        #expect(s.spec.data.classes == 3)
        #expect(effects == [.send(.replace(SessionSpec(runs: s.runs, speed: s.speed), baseDirectory: nil))])
        _ = update(&s, .key(.up))
        _ = update(&s, .key(.up))
        #expect(s.focusedField == SetupField.all(for: s.spec).last)
    }

    @Test func helpSwallowsKeysUntilClosed() {
        var s = state()
        _ = update(&s, .key(.character("?")))
        #expect(s.showHelp)
        #expect(update(&s, .key(.character("l"))).isEmpty)
        _ = update(&s, .key(.escape))
        #expect(!s.showHelp)
    }

    @Test func togglesScreenshotPresetAndQuit() {
        var s = state()
        _ = update(&s, .key(.character("y")))
        _ = update(&s, .key(.character("a")))
        #expect(s.logY && s.showAccuracy)
        _ = update(&s, .key(.character("y")))
        _ = update(&s, .key(.character("a")))
        #expect(!s.logY && !s.showAccuracy, "both toggle back")
        _ = update(&s, .key(.character("Y")))
        #expect(!s.landscape.logScale && s.currentFlash?.contains("linear") == true)
        _ = update(&s, .key(.character("Y")))
        #expect(s.landscape.logScale && s.currentFlash?.contains("log") == true)
        _ = update(&s, .key(.character("G")))
        #expect(s.landscape.autoRefresh && s.currentFlash?.contains("on") == true)
        _ = update(&s, .key(.character("G")))
        #expect(!s.landscape.autoRefresh && s.currentFlash?.contains("off") == true)
        #expect(update(&s, .key(.character("s"))) == [.screenshot])
        #expect(update(&s, .key(.character("w"))) == [.writePreset])
        #expect(update(&s, .key(.character("q"))) == [.quit] && s.quit)
    }

    @Test func resizeChangesTheSize() {
        var s = state()
        _ = update(&s, .key(.resize(width: 0, height: 0)))
        #expect(s.width == 0 && s.height == 0)
    }

    @Test func refusedChangeRevertsToWhatRuns() throws {
        var s = state()
        let t = try Trainer(spec: s.spec)
        var edited = s.spec
        edited.data.samples = 12345
        s.spec = edited
        let snap = SessionSnapshot(
            sequence: 9, runs: [RunSnapshot(t, history: MetricHistory())], running: true,
            stepsPerSecond: 0, message: "data.samples: refused")
        _ = update(&s, .snapshot(snap))
        #expect(s.spec == t.spec)
        #expect(s.currentFlash == "data.samples: refused")
    }

    @Test func ladders() {
        #expect(Ladder.step(3, in: [1, 2, 5, 10], +1) == 5)
        #expect(Ladder.step(3, in: [1, 2, 5, 10], -1) == 2)
        #expect(Ladder.step(10, in: [1, 2, 5, 10], +1) == 10)
        #expect(Ladder.oneTwoFive(from: 0.01, to: 1) == [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1])
        #expect(Ladder.linear(0.1, step: 0.05, lo: 0, hi: 0.5, -1) == 0.05)
        #expect(Ladder.cycle("b", in: ["a", "b", "c"], 1) == "c" && Ladder.cycle("a", in: ["a", "b", "c"], -1) == "c")
    }
}

@Suite struct RefusalTests {
    /// The engine repeats its latest message in every snapshot: the UI must
    /// revert and flash once per message, not undo later edits.
    @Test func aRepeatedMessageDoesNotUndoLaterEdits() throws {
        var s = AppState(spec: RunSpec.defaultPreset)
        let t = try Trainer(spec: s.spec)
        func snap(_ seq: Int, _ id: Int) -> SessionSnapshot {
            SessionSnapshot(
                sequence: seq, runs: [RunSnapshot(t, history: MetricHistory())], running: true,
                stepsPerSecond: 0, message: "loss.name: refused", messageID: id)
        }
        _ = update(&s, .snapshot(snap(1, 1)))
        _ = update(&s, .key(.character("+")))
        #expect(s.spec.optimizer.learningRate == 0.02)
        _ = update(&s, .snapshot(snap(2, 1)))  // the same message again
        #expect(s.spec.optimizer.learningRate == 0.02, "a repeated message must not revert the edit")
    }
}

@Suite struct ReviewRegressionTests {
    @Test func keysNeverMoveAValueAgainstTheirDirection() {
        var s = AppState(spec: RunSpec.defaultPreset)
        s.spec.optimizer.learningRate = 100
        _ = update(&s, .key(.character("+")))
        #expect(s.spec.optimizer.learningRate == 100)
        _ = update(&s, .key(.character("-")))
        #expect(s.spec.optimizer.learningRate == 50)
        #expect(Ladder.step(1_000_000, in: [50, 100, 5000], +1) == 1_000_000)
        #expect(Ladder.step(1, in: [50, 100, 5000], -1) == 1)
        #expect(Ladder.linear(3, step: 0.05, lo: 0, hi: 1, +1) == 3)
        #expect(Ladder.linear(3, step: 0.05, lo: 0, hi: 1, -1) == 1)
    }

    @Test func seedsStayStorableInAPreset() {
        #expect(Ladder.nextSeed(0, -1) == UInt64(Int64.max))
        #expect(Ladder.nextSeed(UInt64(Int64.max), +1) == 0)
        #expect(Ladder.nextSeed(UInt64.max, -1) == UInt64(Int64.max) - 1)
        var s = AppState(spec: RunSpec.defaultPreset)
        s.spec.seed = 0
        s.focus = SetupField.all(for: s.spec).firstIndex(of: .regenerate)!
        _ = update(&s, .key(.left))
        #expect(s.spec.data.seed == UInt64(Int64.max))
    }

    @Test func aRestartForgetsTheOldLandscape() throws {
        var s = AppState(spec: RunSpec.defaultPreset)
        s.landscapeProgress = LandscapeWorker.Progress(
            generation: 1, coordinates: [0], rows: [], pcaPath: nil,
            explainedVariance: nil, cosine: nil, center: nil, step: 0,
            options: LandscapeOptions())
        _ = update(&s, .key(.character("d")))
        #expect(s.landscapeProgress == nil)
    }

    @Test func switchingRegressionToClassificationRedrawsWithoutCrashing() throws {
        let cache = ViewCache()
        var spec = RunSpec.defaultPreset
        spec.data = DataSpec(kind: .plane, samples: 60)
        spec.loss = LossSpec(name: "mse")
        for next in [spec, RunSpec.defaultPreset] {
            let t = try Trainer(spec: next)
            var s = AppState(spec: next, width: 120, height: 40, colorMode: .ansi256)
            _ = update(
                &s,
                .snapshot(
                    SessionSnapshot(
                        sequence: 1, runs: [RunSnapshot(t, history: MetricHistory())],
                        running: true, stepsPerSecond: 0, message: nil)))
            let f = Screen.render(s, cache: cache)  // same cache, same size: the field must be recomputed
            #expect(f == Screen.render(s, cache: ViewCache()), "the shared cache draws what a fresh one draws")
        }
    }

    @Test func csvRegressionIsRegressionInTheSetup() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("losscape-csvreg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = (0..<40).map { i in "\(Double(i) / 10),0,\(Double(i) / 20)" }
        try (["x1,x2,y"] + rows).joined(separator: "\n").write(to: dir.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        try "[data]\nkind = \"csv\"\npath = \"r.csv\"\n".write(to: dir.appendingPathComponent("p.toml"), atomically: true, encoding: .utf8)
        let spec = try Preset.load(path: dir.appendingPathComponent("p.toml").path).base
        #expect(spec.loss.name == "mse", "a regression CSV without [loss] gets mse")
        let t = try Trainer(spec: spec, baseDirectory: dir.path)
        var s = AppState(spec: t.spec, baseDirectory: dir.path)
        #expect(SetupField.all(for: s.spec).contains(.outliers) && !SetupField.all(for: s.spec).contains(.labelNoise))
        _ = update(&s, .key(.character("l")))
        #expect(LossCatalog.entry(s.spec.loss.name)?.info.family == .regression)
    }
}

/// Comparison and pacing keys: c adds a run, x removes one, Tab selects; < > move the speed.
@Suite struct CompareKeyTests {
    func state() -> AppState { AppState(spec: RunSpec.defaultPreset) }

    @Test func cAddsACopyOfTheSelectedRunAndSelectsIt() {
        var s = state()
        let effects = update(&s, .key(.character("c")))
        #expect(s.runs.count == 2 && s.selected == 1)
        #expect(s.runs[1].spec == s.runs[0].spec && s.runs[1].label != s.runs[0].label)
        #expect(effects == [.send(.addRun(copying: 0, label: s.runs[1].label))])
        #expect(s.currentFlash?.contains("restarted at step 0") == true)
        _ = update(&s, .key(.character("c")))
        _ = update(&s, .key(.character("c")))
        #expect(s.runs.count == 4 && Set(s.runs.map(\.label)).count == 4)
        #expect(update(&s, .key(.character("c"))).isEmpty && s.runs.count == 4, "at most four runs")
    }

    @Test func tabSelectsRunsAndEditsApplyToTheSelectedOne() {
        var s = state()
        _ = update(&s, .key(.character("c")))
        _ = update(&s, .key(.tab))
        #expect(s.selected == 0)
        _ = update(&s, .key(.backTab))
        #expect(s.selected == 1)
        let effects = update(&s, .key(.character("l")))
        #expect(effects == [.send(.setLoss(s.runs[1].spec.loss, run: 1))])
        #expect(s.runs[0].spec.loss.name == "cross_entropy" && s.runs[1].spec.loss.name != "cross_entropy")
        _ = update(&s, .key(.character("+")))
        #expect(s.runs[1].spec.optimizer.learningRate == 0.02 && s.runs[0].spec.optimizer.learningRate == 0.01)
    }

    @Test func dataEditsApplyToEveryRunAndRestartThem() {
        var s = state()
        _ = update(&s, .key(.character("c")))
        let effects = update(&s, .key(.character("d")))
        guard case .send(.replace(let session, _)) = effects.first else { Issue.record("no restart"); return }
        #expect(session.runs.count == 2 && session.runs[0].spec.data == session.runs[1].spec.data)
        #expect(s.runs[0].spec.data.kind == s.runs[1].spec.data.kind)
        #expect(s.currentFlash?.contains("all runs restarted") == true)
    }

    @Test func xRemovesTheSelectedRunButNeverTheLast() {
        var s = state()
        #expect(update(&s, .key(.character("x"))).isEmpty && s.runs.count == 1)
        _ = update(&s, .key(.character("c")))
        #expect(update(&s, .key(.character("x"))) == [.send(.removeRun(1))])
        #expect(s.runs.count == 1 && s.selected == 0)
    }

    @Test func speedKeysMoveAlongTheLadder() {
        var s = state()
        #expect(s.speed == .stepsPerSecond(100), "steps 1000: the ladder value nearest to 100")
        #expect(update(&s, .key(.character(">"))) == [.send(.setSpeed(.stepsPerSecond(200)))])
        _ = update(&s, .key(.character(".")))
        #expect(s.speed == .stepsPerSecond(500))
        _ = update(&s, .key(.character("<")))
        _ = update(&s, .key(.character(",")))
        #expect(s.speed == .stepsPerSecond(100))
        for _ in 0..<20 { _ = update(&s, .key(.character(">"))) }
        #expect(s.speed == .max)
        for _ in 0..<20 { _ = update(&s, .key(.character("<"))) }
        #expect(s.speed == .stepsPerSecond(1))
        #expect(PlaybackSpeed.forSteps(2000) == .stepsPerSecond(200) && PlaybackSpeed.forSteps(30) == .stepsPerSecond(2))
        #expect(PlaybackSpeed.forSteps(300) == .stepsPerSecond(20), "30/s is nearer 20 than 50 on a log scale")
    }

    @Test func vCyclesTheViewSlot() {
        var s = state()
        s.width = 80
        s.height = 24
        #expect(s.shownSlot == .decisionBoundary)
        _ = update(&s, .key(.character("v")))
        #expect(s.shownSlot == .lossShape)
        _ = update(&s, .key(.character("v")))
        #expect(s.shownSlot == .landscape)
        _ = update(&s, .key(.character("V")))
        _ = update(&s, .key(.character("V")))
        #expect(s.shownSlot == .decisionBoundary)
        s.width = 120
        s.height = 40
        #expect(s.shownSlot == .lossShape, "the full layout shows the boundary elsewhere")
    }
}

/// The analysis views' keys: v reaches every view, t toggles the split, h and z change the boundary,
/// Signals asks the engine to track the sharpness while it shows.
@Suite struct AnalysisKeyTests {
    @Test func vReachesEveryViewAndSignalsTracksTheSharpness() {
        var s = AppState(spec: RunSpec.defaultPreset)
        var seen: [SlotView] = [s.shownSlot]
        var effects: [[Effect]] = []
        for _ in 0..<5 {
            effects.append(update(&s, .key(.character("v"))))
            seen.append(s.shownSlot)
        }
        #expect(seen == [.lossShape, .calibration, .margins, .classes, .signals, .regions])
        #expect(effects[3] == [.send(.trackSharpness(every: 0))], "Signals shown: adaptive tracking")
        #expect(effects[4] == [.send(.trackSharpness(every: nil))], "Signals hidden: tracking stops")
        _ = update(&s, .key(.character("v")))
        #expect(s.shownSlot == .lossShape, "and back")
        _ = update(&s, .key(.character("V")))
        #expect(s.shownSlot == .regions)
    }

    @Test func tTogglesTheSplitOfCalibrationAndMargins() {
        var s = AppState(spec: RunSpec.defaultPreset)
        s.slot = .calibration
        #expect(s.analysisTest(for: .calibration))
        _ = update(&s, .key(.character("t")))
        #expect(!s.analysisTest(for: .calibration) && s.currentFlash?.contains("train split") == true)
        s.slot = .margins
        #expect(!s.analysisTest(for: .margins))
        _ = update(&s, .key(.character("t")))
        #expect(s.analysisTest(for: .margins))
        _ = update(&s, .key(.character("t")))
        #expect(!s.analysisTest(for: .margins))
    }

    @Test func hAndZChangeTheBoundary() {
        var s = AppState(spec: RunSpec.defaultPreset)
        var shown: [PointsShown] = []
        for _ in 0..<4 {
            _ = update(&s, .key(.character("h")))
            shown.append(s.points)
        }
        #expect(shown == [.train, .test, .none, .all])
        _ = update(&s, .key(.character("z")))
        #expect(s.discretised)
        _ = update(&s, .key(.character("z")))
        #expect(!s.discretised)
    }
}

/// Setup with an embedding loss (issue #13): the embedding width is a field (2–8, a restart), class
/// weighting disappears for pair losses and is reset when the loss becomes one, and `e` toggles the
/// Embedding view's radius.
@Suite struct EmbeddingSetupTests {
    @Test func embeddingFieldsAndKeys() {
        var spec = RunSpec.defaultPreset
        #expect(!SetupField.sections(for: spec).flatMap(\.fields).contains(.embeddingDim))
        spec.loss = LossSpec(name: "arcface")
        let fields = SetupField.sections(for: spec).flatMap(\.fields)
        #expect(fields.contains(.embeddingDim) && fields.contains(.weighting))
        #expect(SetupField.embeddingDim.adjust(&spec, +1) == .restart && spec.model.embeddingDim == 3)
        for _ in 0..<10 { _ = SetupField.embeddingDim.adjust(&spec, +1) }
        #expect(spec.model.embeddingDim == 8)
        spec.loss = LossSpec(name: "contrastive", weighting: .inverse)
        #expect(!SetupField.sections(for: spec).flatMap(\.fields).contains(.weighting))
        var cycling = RunSpec.defaultPreset
        cycling.loss = LossSpec(name: "circle", weighting: .sqrt)
        _ = SetupField.loss.adjust(&cycling, +1)  // circle → cosine_contrastive (a cosine head keeps its weighting)
        #expect(cycling.loss.name == "cosine_contrastive" && cycling.loss.weighting == .sqrt)
        _ = SetupField.loss.adjust(&cycling, +1)  // → contrastive, a pair loss: weighting reset
        #expect(cycling.loss.name == "contrastive" && cycling.loss.weighting == .none)

        var state = AppState(spec: spec, width: 120, height: 40, colorMode: .none)
        #expect(!state.embeddingOnCircle)
        _ = update(&state, .key(.character("e")))
        #expect(state.embeddingOnCircle)
    }
}
