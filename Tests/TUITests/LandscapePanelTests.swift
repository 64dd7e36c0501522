import Engine
import Learning
import Render
import Testing

@testable import TUI

@Suite struct LandscapePanelTests {
    func state() throws -> AppState {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 100
        let t = try Trainer(spec: spec)
        var s = AppState(spec: spec, width: 120, height: 40, colorMode: .none, ascii: true)
        _ = update(&s, .snapshot(SessionSnapshot(sequence: 1, runs: [RunSnapshot(t, history: MetricHistory())],
                                                 running: false, stepsPerSecond: 0, message: nil)))
        return s
    }

    @Test func keysRequestComputations() throws {
        var s = try state()
        #expect(update(&s, .key(.character("g"))) == [.computeLandscape(LandscapeOptions(grid: 41, threads: 1), oneDimensional: false)])
        guard case .computeLandscape(let o, _) = update(&s, .key(.character("p"))).first else { Issue.record("no request"); return }
        #expect(o.directions == .pca && o.span == nil)
        guard case .computeLandscape(let o2, _) = update(&s, .key(.character("}"))).first else { Issue.record("no request"); return }
        #expect(o2.grid == 51)
        guard case .computeLandscape(let o3, _) = update(&s, .key(.character("]"))).first else { Issue.record("no request"); return }
        #expect(o3.span == 1.5)
        guard case .computeLandscape(_, let oneD) = update(&s, .key(.character("1"))).first else { Issue.record("no request"); return }
        #expect(oneD)
        _ = update(&s, .key(.character("Y")))
        #expect(!s.landscape.logScale)
    }

    @Test func autoRefreshAsksAgainAfterEnoughSteps() throws {
        var s = try state()
        s.landscape.autoRefresh = true
        s.landscapeRequestedStep = 0
        var spec = RunSpec.defaultPreset
        spec.data.samples = 100
        let t = try Trainer(spec: spec)
        for _ in 0..<LandscapeSettings.autoRefreshSteps { t.trainStep() }
        let effects = update(&s, .snapshot(SessionSnapshot(sequence: 2, runs: [RunSnapshot(t, history: MetricHistory())],
                                                           running: true, stepsPerSecond: 0, message: nil)))
        #expect(effects.count == 1)
        #expect(s.landscapeRequestedStep == LandscapeSettings.autoRefreshSteps)
    }

    @Test func rowsAppearAsTheyAreComputed() throws {
        var s = try state()
        let coords = [-1.0, 0, 1]
        let p = LandscapeWorker.Progress(generation: 1, coordinates: coords, rows: [[3, 2, 3], nil, nil], pcaPath: nil,
                                         explainedVariance: nil, cosine: 0.01, center: 1, step: 0,
                                         options: LandscapeOptions(grid: 3))
        _ = update(&s, .landscape(p))
        s.landscape.logScale = false
        var f = Frame(width: 50, height: 9)
        LandscapeView.render(s, in: f.area, into: &f, theme: Theme(colorMode: .none, ascii: true))
        let lines = f.lines()
        #expect(lines[1].contains("random·filter") && lines[1].contains("1/3 rows"))
        // β grows upwards: the computed row (β = −1) is the bottom third of the map
        #expect(lines[6].contains("@") && lines[6].contains(" "))
        #expect(lines[2].hasPrefix("|") && lines[5].hasPrefix("|@@@@"))
        #expect(lines[4].contains("+"), "the centre")
        #expect(lines[7].contains("α, β ∈ [−1.00, 1.00]"))
    }

    @Test func errorsShowInThePanel() throws {
        var s = try state()
        var p = LandscapeWorker.Progress(generation: 3, coordinates: [], rows: [], pcaPath: nil, explainedVariance: nil,
                                         cosine: nil, center: nil, step: 0, options: LandscapeOptions(directions: .pca))
        p.done = true
        p.error = "PCA needs at least 3 recorded weight sets"
        _ = update(&s, .landscape(p))
        #expect(s.currentFlash?.contains("PCA needs") == true)
    }
}
