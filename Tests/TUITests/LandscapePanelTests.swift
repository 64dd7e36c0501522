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
        _ = update(
            &s,
            .snapshot(
                SessionSnapshot(
                    sequence: 1, runs: [RunSnapshot(t, history: MetricHistory())],
                    running: false, stepsPerSecond: 0, message: nil)))
        return s
    }

    /// Before the first `g` the panel explains itself; a key is never parted from what it does.
    @Test(arguments: [20, 31, 45, 47, 60, 90])
    func helpKeepsEveryKeyWithItsAction(_ width: Int) throws {
        let s = try state()
        var frame = Frame(width: width, height: 14)
        LandscapeView.render(s, in: frame.area, into: &frame, theme: Theme(colorMode: .none, ascii: true))
        let lines = TextExport.plain(frame).split(separator: "\n").map(String.init)
        for unit in ["p PCA", "[ ] span", "{ } grid", "1 slice"] {
            #expect(lines.contains { $0.contains(unit) }, "“\(unit)” is split at width \(width):\n\(lines.joined(separator: "\n"))")
        }
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
        let effects = update(
            &s,
            .snapshot(
                SessionSnapshot(
                    sequence: 2, runs: [RunSnapshot(t, history: MetricHistory())],
                    running: true, stepsPerSecond: 0, message: nil)))
        #expect(effects.count == 1)
        #expect(s.landscapeRequestedStep == LandscapeSettings.autoRefreshSteps)
    }

    @Test func rowsAppearAsTheyAreComputed() throws {
        var s = try state()
        let coords = [-1.0, 0, 1]
        let p = LandscapeWorker.Progress(
            generation: 1, coordinates: coords, rows: [[3, 2, 3], nil, nil], pcaPath: nil,
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
        #expect(lines[7].contains("α, β ∈ [−1, 1]"))
    }

    @Test func errorsShowInThePanel() throws {
        var s = try state()
        var p = LandscapeWorker.Progress(
            generation: 3, coordinates: [], rows: [], pcaPath: nil, explainedVariance: nil,
            cosine: nil, center: nil, step: 0, options: LandscapeOptions(directions: .pca))
        p.done = true
        p.error = "PCA needs at least 3 recorded weight sets"
        _ = update(&s, .landscape(p))
        #expect(s.currentFlash?.contains("PCA needs") == true)
    }
}

/// The PCA path and the centre land on the cells of the grid points they mark
/// (the path used to end one row above the ✚ in the playground).
@Suite struct SurfaceGridTests {
    @Test(arguments: [(41, 30, 24), (41, 60, 40), (11, 37, 13), (81, 50, 34), (5, 5, 5), (51, 120, 80), (41, 37, 13), (41, 45, 27)])
    func gridPointsRoundTrip(_ c: (Int, Int, Int)) {
        let g = SurfaceGrid(points: c.0, cols: c.1, pixelRows: c.2)
        for j in 0..<c.0 where c.1 >= c.0 { #expect(g.gridColumn(ofColumn: g.column(ofGridColumn: j)) == j, "column \(j)") }
        for i in 0..<c.0 where c.2 >= c.0 { #expect(g.gridRow(ofPixelRow: g.pixelRow(ofGridRow: i)) == i, "row \(i)") }
        // on a coarser map the centre's pixel still shows the centre (odd grids, as the playground's)
        let centre = c.0 / 2
        if c.0 % 2 == 1 && c.2 % 2 == 1 { #expect(g.gridRow(ofPixelRow: g.pixelRow(ofGridRow: centre)) == centre) }
        if c.0 % 2 == 1 && c.1 % 2 == 1 { #expect(g.gridColumn(ofColumn: g.column(ofGridColumn: centre)) == centre) }
    }

    /// The last step of a path comes into the centre from less than half a grid step
    /// above (0.02 < 0.025): every dot of it belongs to the centre's grid point.
    @Test func pathEndingAtTheCentreIsHiddenUnderIt() throws {
        let base = try LandscapePanelTests().state()
        for (w, h) in [(40, 12), (50, 17), (61, 22), (70, 25)] {
            var s = base
            let n = 41
            let coords = (0..<n).map { -1 + 2 * Double($0) / Double(n - 1) }
            var p = LandscapeWorker.Progress(
                generation: 1, coordinates: coords,
                rows: Array(repeating: Array(repeating: 1.0, count: n), count: n),
                pcaPath: [SIMD2(0, 0.02), SIMD2(0, 0)], explainedVariance: [0.9, 0.1],
                cosine: nil, center: 1, step: 5, options: LandscapeOptions(directions: .pca, grid: n))
            p.done = true
            _ = update(&s, .landscape(p))
            for theme in [Theme(colorMode: .ansi256, ascii: false), Theme(colorMode: .none, ascii: true)] {
                var f = Frame(width: w, height: h)
                LandscapeView.render(s, in: f.area, into: &f, theme: theme)
                let map = f.lines().dropFirst(2).dropLast(2).joined()
                #expect(!map.contains(theme.ascii ? "o" : "•"), "\(w)×\(h): the path shows beside the centre")
                #expect(map.contains(theme.ascii ? "+" : "✚"))
            }
        }
    }
}
