import Engine
import Learning
import Render
import Testing

@testable import TUI

/// The Loss shape panel plots nothing that is rounding noise, names its variable and
/// assumption, and the Loss panel's `u` shows the common yardstick.
@Suite struct LossShapePanelTests {
    /// Every loss: each chart's axes span at least 1e−6 (a constant derivative is drawn
    /// flat in a ±10 % band, not magnified into noise: z_loss's gradient once showed ticks of 1e−14).
    @Test(arguments: LossCatalog.ids)
    func noAxisPlotsRoundingNoise(_ id: String) throws {
        let info = LossCatalog.entry(id)!.info
        for k in info.family == .regression ? [0] : [2, 3, 5] where k == 0 || k >= info.minClasses {
            let loss = try LossCatalog.make(
                id, parameters: [:], context: k == 0 ? .regression() : LossShape.context(classes: k),
                family: info.family)
            let c = LossShape.curve(loss, classes: k, points: 120)
            for ys in [c.loss, c.derivative] {
                let chart = LineChart(series: [Series("s", points: zip(c.x, ys).map { ChartPoint($0, $1) })])
                let r = chart.resolvedRanges()
                #expect(r.x.hi - r.x.lo >= 1e-6 && r.y.hi - r.y.lo >= 1e-6, "\(id) K=\(k): \(r)")
            }
        }
    }

    func state(_ loss: String, classes: Int = 3, width: Int = 120, height: Int = 40) throws -> AppState {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 90
        spec.data.classes = classes
        spec.data.kind = .gauss
        spec.loss = LossSpec(name: loss)
        let t = try Trainer(spec: spec)
        var s = AppState(spec: t.spec, width: width, height: height, colorMode: .none, ascii: true)
        _ = update(
            &s,
            .snapshot(
                SessionSnapshot(
                    sequence: 1, runs: [RunSnapshot(t, history: MetricHistory())],
                    running: false, stepsPerSecond: 0, message: nil)))
        return s
    }

    @Test func panelNamesTheVariableAndAssumption() throws {
        for (loss, expected) in [
            ("hinge", "x: margin t, other logits 0, K = 3"),
            ("focal", "x: p_y, others share 1 − p_y, K = 3"),
            ("sparsemax", "x: sparsemax p_y, other logits 0, K = 3"),
        ] {
            var f = Frame(width: 70, height: 16)
            LossShapeView.render(try state(loss), cache: ViewCache(), in: f.area, into: &f, theme: Theme(colorMode: .none, ascii: true))
            #expect(f.lines()[14].contains(expected), "\(loss): \(f.lines()[14])")
        }
        // narrow: whole clauses dropped from the end, never cut
        var f = Frame(width: 30, height: 16)
        LossShapeView.render(try state("hinge"), cache: ViewCache(), in: f.area, into: &f, theme: Theme(colorMode: .none, ascii: true))
        #expect(f.lines()[14].contains("x: margin t, other logits 0") && !f.lines()[14].contains("K ="))
    }

    @Test func yardstickKeyShowsTestNLL() throws {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 100
        spec.loss = LossSpec(name: "focal")
        let d = try RunDriver(entry: RunEntry(label: "focal", spec: spec))
        d.advance(until: 30)
        let history = d.history!
        var s = AppState(spec: d.spec, width: 120, height: 40, colorMode: .none, ascii: true)
        _ = update(
            &s,
            .snapshot(
                SessionSnapshot(
                    sequence: 1, runs: [RunSnapshot(d)], running: false,
                    stepsPerSecond: 0, message: nil)))
        #expect(history.records.allSatisfy { $0.testNLL != nil && $0.testMSE == nil })
        _ = update(&s, .key(.character("u")))
        #expect(s.yardstick)
        let text = TextExport.plain(Screen.render(s, cache: ViewCache()))
        #expect(text.contains("Loss: test NLL (yardstick)") && text.contains("test NLL"))
        _ = update(&s, .key(.character("u")))
        #expect(!s.yardstick)
        #expect(!TextExport.plain(Screen.render(s, cache: ViewCache())).contains("yardstick"))
    }
}
