import Engine
import Foundation
import Learning
import Render
import Testing

@testable import TUI

/// Setup labels are never cut, the features row names every set distinctly, the decision
/// boundary keeps the data box's aspect ratio, and the 1-D regression fit explains itself.
@Suite struct PanelLayoutTests {
    /// Specs that bring out every Setup field: classification with label noise and class weighting,
    /// regression with outliers, an embedding loss, focal with its parameter, a CSV-free sine.
    static var specs: [RunSpec] {
        var a = RunSpec.defaultPreset
        a.data.labelNoise = 0.2
        a.loss = LossSpec(name: "cross_entropy", parameters: ["temperature": 2], weighting: .effective, weightingBeta: 0.99)
        var b = RunSpec.defaultPreset
        b.data = DataSpec(kind: .sine, samples: 100)
        b.data.outliers = 0.1
        b.loss = LossSpec(name: "huber")
        var c = RunSpec.defaultPreset
        c.data = DataSpec(kind: .gauss, samples: 100, classes: 4)
        c.loss = LossSpec(name: "arcface")
        c.model.embeddingDim = 3
        var d = RunSpec.defaultPreset
        d.loss = LossSpec(name: "focal", parameters: ["gamma": 2])
        d.optimizer.kind = .sgd
        d.model.features = InputFeature.allCases
        return [a, b, c, d]
    }

    @Test(arguments: [27, 22, 40])
    func setupLabelsAreNeverCut(_ width: Int) {
        for spec in Self.specs {
            var state = AppState(spec: spec, width: 120, height: 40, colorMode: .none, ascii: false)
            state.focus = 0
            var frame = Frame(width: width, height: 60)
            SetupView.render(state, in: frame.area, into: &frame, theme: Theme(colorMode: .none, ascii: false))
            let lines = TextExport.plain(frame).split(separator: "\n").map { String($0.dropFirst()) }
            for field in SetupField.all(for: spec) {
                let whole = lines.contains { $0.hasPrefix(" \(field.label) ") || $0.hasPrefix(" \(field.shortLabel) ") }
                #expect(whole, "“\(field.label)” is cut at width \(width) (\(spec.loss.name)):\n\(lines.joined(separator: "\n"))")
            }
        }
    }

    /// Every set of input features reads differently (127 subsets of 7).
    @Test func everyFeatureSetHasItsOwnText() {
        let all = InputFeature.allCases
        var seen: [String: Int] = [:]
        for mask in 1..<(1 << all.count) {
            let set = all.indices.filter { mask & (1 << $0) != 0 }.map { all[$0] }
            let text = SetupField.featuresText(set)
            #expect(seen[text] == nil, "“\(text)” names two sets")
            seen[text] = mask
        }
    }

    @Test func letterboxKeepsTheAspectRatio() {
        let r = Rect(x: 0, y: 0, width: 60, height: 20)
        // a square box: cells are about half as wide as tall, so 20 rows hold 40 columns
        let square = DecisionBoundaryView.letterbox(r, aspect: 1)
        #expect(square.width == 40 && square.height == 20 && square.x == 10)
        let flat = DecisionBoundaryView.letterbox(r, aspect: 6)  // wider than the panel: full width, fewer rows
        #expect(flat.width == 60 && flat.height == 5 && flat.y == 7)
        for aspect in [1e300, 1e-300, .infinity, .nan, 0, -1, 1e48, 1e-48] {
            let b = DecisionBoundaryView.letterbox(r, aspect: aspect)
            #expect(b.width >= 1 && b.height >= 1 && b.x >= 0 && b.y >= 0 && b.maxX <= r.maxX && b.maxY <= r.maxY)
        }
    }

    /// The 1-D fit: titled Prediction, a legend (train, test, fit), ticks on both axes, and the fitted
    /// curve drawn over the points (a cell where both fall shows the curve's colour).
    @Test func oneDimensionalFitHasLegendTicksAndTheCurveOnTop() throws {
        var spec = RunSpec.defaultPreset
        spec.data = DataSpec(kind: .sine, samples: 200)
        spec.loss = LossSpec(name: "mse")
        let driver = try RunDriver(entry: RunEntry(label: "mse", spec: spec))
        driver.advance(until: 200)
        var state = AppState(spec: spec, width: 120, height: 40, colorMode: .truecolor, ascii: false)
        _ = update(&state, .snapshot(SessionSnapshot(sequence: 1, runs: [RunSnapshot(driver)], running: false, stepsPerSecond: 0, message: nil)))
        let frame = Screen.render(state, cache: ViewCache())
        let text = TextExport.plain(frame)
        #expect(text.contains("─ Prediction"))
        #expect(text.contains("━ train") && text.contains("━ test") && text.contains("━ fit"))
        let lines = text.split(separator: "\n").map(String.init)
        let top = try #require(lines.firstIndex { $0.contains("─ Prediction") })
        let bottom = try #require(lines[top...].firstIndex { $0.contains("┘") })
        let panel = lines[top...bottom]
        #expect(panel.contains { $0.contains("┤") }, "no y ticks")
        #expect(panel.contains { $0.contains("┬") }, "no x ticks:\n\(panel.joined(separator: "\n"))")
        // the curve's colour wins where it crosses points: some cells carry the fit colour
        let fitColor = Theme.gradientColor
        var fitCells = 0
        for y in 0..<frame.height {
            for x in 0..<frame.width where frame[x, y].style.fg == fitColor { fitCells += 1 }
        }
        #expect(fitCells > 10, "the fitted curve is not drawn")
    }
}
