import Engine
import Foundation
import Learning
import Render
import TensorCore
import Testing

@testable import TUI

/// Every view, widget and formatter accepts NaN, ±inf, ±1e38, −0, subnormals
/// and empty series in every input, and draws or marks them without trapping
/// (property-style: many seeded random draws from a pool of hostile values).
/// The landscape crashed on an infinite surface value before (Int(±inf)).
@Suite struct HostileValuesTests {
    /// A seeded source of hostile and ordinary numbers.
    struct Hostile {
        var rng: SeededRandom
        static let pool: [Double] = [
            .nan, .infinity, -.infinity, 1e38, -1e38, 3.4e38, -0.0, 0, 5e-324, 1e-45,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1, 1e-10, 8.94e-10,
        ]
        init(seed: UInt64) { rng = SeededRandom(seed: seed, stream: "hostile") }
        mutating func value() -> Double {
            let u = Double(rng.next() % 1000) / 1000
            if u < 0.5 { return Hostile.pool[Int(rng.next() % UInt64(Hostile.pool.count))] }
            let e = Double(Int(rng.next() % 80)) - 40
            return (u - 0.75) * 4 * pow(10, e)
        }
        mutating func maybe() -> Double? { rng.next() % 5 == 0 ? nil : value() }
        mutating func values(_ n: Int) -> [Double] { (0..<n).map { _ in value() } }
        mutating func count(_ n: Int) -> Int { Int(rng.next() % UInt64(n + 1)) }
    }

    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: seeds)
    func widgetsAndFormattersNeverTrap(_ seed: UInt64) {
        var h = Hostile(seed: seed)
        for _ in 0..<20 {
            let (a, b) = (h.value(), h.value())
            _ = NiceTicks.format(a)
            _ = NiceTicks.format(a, step: b)
            _ = NiceTicks.linear(a, b, maxCount: 1 + h.count(8))
            _ = NiceTicks.log(a, b, maxCount: 1 + h.count(8))
            _ = ColorMap.viridis(ColorMap.normalize(a, lo: b, hi: h.value(), log: seed % 2 == 0))
            _ = ColorMap.diverging(a)
            _ = ShadeRamp.glyph(a)
            _ = fixed(a, h.count(6))
            _ = format(a)
            _ = CellIndex.of(a, in: -3...7)
            _ = CellIndex.inside(a, 0..<5)
        }
        for ascii in [false, true] {
            var frame = Frame(width: 30 + h.count(20), height: 3 + h.count(12))
            let series = (0..<h.count(3)).map { i in
                Series("s\(i)", points: (0..<h.count(40)).map { _ in ChartPoint(h.value(), h.value()) })
            }
            let ranges: [AxisRange] = [.auto, .fixed(h.value(), h.value())]
            for (xr, yr) in [(ranges[0], ranges[1]), (ranges[1], ranges[0])] {
                LineChart(series: series, xRange: xr, yRange: yr, logY: seed % 3 == 0, ascii: ascii).render(in: frame.area, into: &frame)
            }
            var canvas = BrailleCanvas(width: 10, height: 4, ascii: ascii)
            canvas.line(fromX: h.value(), y0: h.value(), toX: h.value(), y1: h.value())
            canvas.render(in: frame.area, into: &frame)
            ColorBar(.vertical, minLabel: NiceTicks.format(h.value()), maxLabel: NiceTicks.format(h.value()), ascii: ascii) {
                ColorMap.viridis($0)
            }.render(in: Rect(x: 0, y: 0, width: 1 + h.count(10), height: 1 + h.count(6)), into: &frame)
            let scale = h.value()
            ColorBar(.horizontal, minLabel: "a", maxLabel: "b") { ColorMap.viridis($0 * scale) }
                .render(in: frame.area.row(0), into: &frame)
            _ = TextExport.plain(frame)
            _ = TextExport.ansi(frame, mode: .ansi256)
        }
    }

    /// A playground state whose every number is drawn from `h`: metric history, latest record,
    /// model weights (so predictions are hostile too), landscape rows, path, centre and sharpness.
    static func hostileState(_ h: inout Hostile, width: Int, height: Int, color: ColorMode, ascii: Bool) throws -> AppState {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 60
        switch h.count(3) {
        case 0: spec.data.kind = .sine; spec.loss = LossSpec(name: "mse")
        case 1: spec.loss = LossSpec(name: "arcface")  // a cosine head: class vectors drawn by Loss shape and Embedding
        default: break
        }
        spec.optimizer.learningRate = h.value()
        let t = try Trainer(spec: spec)
        var history = MetricHistory(capacity: 64)
        for step in 0..<h.count(200) {
            history.append(
                MetricRecord(
                    step: step, trainLoss: h.value(), testLoss: h.maybe(), trainAccuracy: h.maybe(),
                    testAccuracy: h.maybe(), cleanTrainAccuracy: h.maybe(), gradNorm: h.value(),
                    weightNorm: h.value(), learningRate: h.value()))
        }
        let latest = MetricRecord(
            step: h.count(1000), trainLoss: h.value(), testLoss: h.maybe(), trainAccuracy: h.maybe(),
            testAccuracy: h.maybe(), cleanTrainAccuracy: h.maybe(), gradNorm: h.value(),
            weightNorm: h.value(), learningRate: h.value())
        var model = t.model
        model.parameters = model.parameters.map { p in Tensor(shape: p.shape, scalars: (0..<p.count).map { _ in Float(h.value()) }) }
        let run = RunSnapshot(
            spec: t.spec, dataset: t.dataset, model: model, initialModel: t.initialModel,
            step: latest.step, epoch: h.value(),
            health: h.count(1) == 0 ? .healthy : .diverged(step: 3, reason: "loss is NaN"),
            history: history, latest: latest)
        var s = AppState(spec: t.spec, width: width, height: height, colorMode: color, ascii: ascii)
        _ = update(
            &s,
            .snapshot(
                SessionSnapshot(
                    sequence: 1, runs: [run], running: h.count(1) == 0,
                    stepsPerSecond: h.value(), message: nil)))
        s.logY = h.count(1) == 0
        s.showAccuracy = h.count(1) == 0
        let n = 1 + h.count(12)
        let coords = (0..<n).map { _ in h.value() }.sorted { $0 < $1 || $1.isNaN }
        var rows: [[Double]?] = (0..<n).map { _ in h.count(4) == 0 ? nil : h.values(n) }
        if h.count(3) == 0 { rows = [] }
        var p = LandscapeWorker.Progress(
            generation: 1, coordinates: h.count(5) == 0 ? [] : coords, rows: rows,
            slice: LandscapeCurve(metric: .loss, coordinates: h.values(n), values: h.values(n)),
            interpolation: LandscapeCurve(metric: .loss, coordinates: h.values(n), values: h.values(n)),
            pcaPath: (0..<h.count(20)).map { _ in SIMD2(h.value(), h.value()) }, explainedVariance: h.values(2),
            cosine: h.value(), center: h.value(), step: h.count(100), options: LandscapeOptions(grid: n))
        p.sharpness = h.maybe()
        p.done = h.count(1) == 0
        _ = update(&s, .landscape(p))
        s.landscape.logScale = h.count(1) == 0
        s.landscape.oneDimensional = rows.isEmpty
        return s
    }

    @Test(arguments: seeds)
    func everyViewDrawsHostileValues(_ seed: UInt64) throws {
        var h = Hostile(seed: seed)
        let sizes = [(120, 40), (80, 24), (60, 20), (200, 60), (100, 30)]
        let (w, hh) = sizes[Int(seed) % sizes.count]
        let color: ColorMode = [.none, .ansi256, .truecolor][Int(seed) % 3]
        let s = try Self.hostileState(&h, width: w, height: hh, color: color, ascii: seed % 4 == 0)
        let frame = Screen.render(s, cache: ViewCache())
        #expect(frame.width == w && frame.height == hh)
        _ = TextExport.plain(frame)
        // every view of the `v` slot, in both layouts (the analysis views, Loss shape with a cosine head…)
        for full in [true, false] {
            var each = s
            (each.width, each.height) = full ? (120, 40) : (80, 24)
            for view in SlotView.cycle(full: full, embedding: s.hasEmbedding) {
                each.slot = view
                for split in [false, true] {
                    (each.calibrationOnTrain, each.marginsOnTest) = (split, split)
                    let text = TextExport.plain(Screen.render(each, cache: ViewCache()))
                    // (a regression's decision boundary is titled Prediction)
                    let title = view == .decisionBoundary && each.run?.dataset.task.isClassification == false ? "Prediction" : view.name
                    #expect(text.contains("─ \(title)") || text.contains("- \(title)"), "\(title) is not shown")
                }
            }
        }
        // the landscape marks the values it cannot place
        if let p = s.landscapeProgress, p.rows.contains(where: { $0?.contains { !$0.isFinite } ?? false }), w >= 100, hh >= 30 {
            #expect(TextExport.plain(frame).contains("nan/inf"), "non-finite landscape values are not marked")
        }
    }

    /// The exact case of the report: an exponential loss after `]` (a surface with +inf).
    @Test func landscapeWithInfiniteValuesDraws() throws {
        var h = Hostile(seed: 7)
        var s = try Self.hostileState(&h, width: 120, height: 40, color: .ansi256, ascii: false)
        let coords = [-1.5, -0.75, 0, 0.75, 1.5]
        var p = LandscapeWorker.Progress(
            generation: 9, coordinates: coords,
            rows: [[1, 2, .infinity, 3, 4], [1, 2, 3, .nan, 5], [1, 2, 0.5, 2, 1], [1, 1, 1, 1, 1], [.infinity, 9, 9, 9, 9]],
            pcaPath: nil, explainedVariance: nil, cosine: 0, center: 0.5, step: 10,
            options: LandscapeOptions(grid: 5))
        p.done = true
        _ = update(&s, .landscape(p))
        let text = TextExport.plain(Screen.render(s, cache: ViewCache()))
        #expect(text.contains("3 nan/inf"))
    }
}

/// The Embedding view with hostile weights: NaN, ±inf and huge class vectors and embedding weights
/// draw (or are left out) without trapping, at every size.
@Suite struct EmbeddingHostileTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func embeddingViewDrawsHostileWeights(_ seed: UInt64) throws {
        var h = HostileValuesTests.Hostile(seed: seed)
        for loss in ["arcface", "supcon"] {
            var spec = RunSpec.defaultPreset
            spec.data = DataSpec(kind: .gauss, samples: 60, classes: 3)
            spec.loss = LossSpec(name: loss)
            spec.model.embeddingDim = seed % 2 == 0 ? 2 : 3
            let driver = try RunDriver(entry: RunEntry(label: loss, spec: spec))
            driver.advance(until: 5)
            let good = RunSnapshot(driver)
            var model = good.model
            model.parameters = model.parameters.map { t in
                var t = t
                for i in 0..<t.count where h.count(3) == 0 { t[flat: i] = Float(h.value()) }
                return t
            }
            let run = RunSnapshot(
                label: loss, spec: good.spec, dataset: good.dataset, model: model, initialModel: good.initialModel, step: 5,
                epoch: 1, health: good.health, history: good.history, latest: good.latest, classMeans: good.classMeans)
            let sizes = [(120, 40), (80, 24), (60, 20), (100, 30)]
            let (w, hh) = sizes[Int(seed) % sizes.count]
            var state = AppState(spec: spec, width: w, height: hh, colorMode: seed % 2 == 0 ? .truecolor : .none, ascii: seed % 3 == 0)
            _ = update(&state, .snapshot(SessionSnapshot(sequence: 1, runs: [run], running: false, stepsPerSecond: 0, message: nil)))
            state.slot = .embedding
            state.embeddingOnCircle = seed % 2 == 1
            let frame = Screen.render(state, cache: ViewCache())
            #expect(frame.width == w && frame.height == hh)
            #expect(TextExport.plain(frame).contains("Embedding"))
        }
    }
}
