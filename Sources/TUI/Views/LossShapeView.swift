import Engine
import Learning
import Platform
import Render
import TensorCore

/// The Loss shape panel: the current loss ℓ and its derivative dℓ/dx along the
/// path the curve is drawn on (``LossShape``): p_y for the losses of the softmax
/// probabilities, the logit margin t for the others, the loss's own probability
/// for taylor_softmax and sparsemax, ẑ_y for z_loss, the residual e for
/// regression. The bottom line names the variable and what the path holds
/// fixed. ℓ above and dℓ/dx below when there is room (their plots aligned),
/// else both in one chart. Recomputed when the loss or a parameter changes.
enum LossShapeView {
    static func render(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let spec = state.spec.loss
        let many = state.runs.count > 1
        frame.render(theme.panel(many ? "Loss shape" : "Loss shape: \(spec.name)"), in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 3, let curve = cache.shapeCurve(for: state.spec, model: state.run?.model, state) else { return }
        let ascii = state.ascii || !theme.hasColor
        let v = curve.variable
        // every run whose curve shares the selected run's variable, overlaid (labelled)
        var losses: [Series] = [], slopes: [Series] = []
        var elsewhere: [String] = []
        for (i, run) in state.runs.enumerated() {
            guard
                let c = i == state.selected
                    ? curve
                    : cache.shapeCurve(
                        for: run.spec, model: state.snapshot?.runs.indices.contains(i) == true ? state.snapshot!.runs[i].model : nil, state)
            else { continue }
            guard c.variable == v else {
                elsewhere.append(run.label)
                continue
            }
            let color = many ? Theme.runColor(i) : Theme.trainColor
            let marker = many ? Theme.runMarkers(i).train : "l"
            let name = many ? (i == state.selected ? (ascii ? ">" : "▸") : "") + run.label : "ℓ"
            losses.append(Series(name, color: color, marker: marker, points: zip(c.x, c.loss).map { ChartPoint($0, $1) }))
            slopes.append(
                Series(
                    many ? name : v.derivativeName, color: many ? color : Theme.gradientColor,
                    marker: many ? Theme.runMarkers(i).test : "g",
                    points: zip(c.x, c.derivative).map { ChartPoint($0, $1) }))
            if let nl = c.negativeLoss, let nd = c.negativeDerivative, !many {
                // pair losses: the positive pair's curves (above) and the negative pair's
                losses[losses.count - 1].name = "positive pair"
                losses.append(Series("negative pair", color: Theme.testColor, marker: "n", points: zip(c.x, nl).map { ChartPoint($0, $1) }))
                slopes[slopes.count - 1].name = "\(v.derivativeName) positive"
                slopes.append(Series("negative", color: Theme.testColor, marker: "m", points: zip(c.x, nd).map { ChartPoint($0, $1) }))
            }
        }
        let rows = inner.split(.vertical, [.fill, .length(1)])
        func chart(_ s: [Series]) -> LineChart {
            LineChart(series: s, ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim, emptyText: "no curve")
        }
        if rows[0].height >= 12 {
            let halves = rows[0].split(.vertical, [.percentage(50), .fill])
            var top = chart(losses),
                bottom = chart(
                    many
                        ? slopes.map {
                            var s = $0; s.name = ""; return s
                        } : slopes)
            if many { bottom.series.insert(Series(v.derivativeName, color: .default, marker: " ", points: []), at: 0) }
            let width = max(top.yLabelWidth(height: halves[0].height), bottom.yLabelWidth(height: halves[1].height))
            top.minimumLabelWidth = width
            bottom.minimumLabelWidth = width
            frame.render(top, in: halves[0])
            frame.render(bottom, in: halves[1])
        } else {
            frame.render(chart(many ? losses : losses + slopes), in: rows[0])
        }
        var line = caption(curve)
        if !elsewhere.isEmpty { line.fields.append(.init("(\(elsewhere.joined(separator: ", ")): another x)", priority: 0)) }
        frame.put(line.fitted(to: rows[1].width), x: rows[1].x, y: rows[1].y, style: theme.dim, clippedTo: rows[1])
    }

    /// "x: margin t · z_y = t, other logits 0, K = 3", dropping the assumption's
    /// clauses from the end when the panel is narrow (never cutting one).
    static func caption(_ c: LossCurve) -> FieldLine {
        let clauses = c.assumption.components(separatedBy: ", ")
        var fields = [FieldLine.Field("x: \(c.variable.axisName)", priority: 100)]
        for (i, clause) in clauses.enumerated() { fields.append(.init(clause, priority: 50 - i)) }
        return FieldLine(fields, separator: ", ")
    }
}

extension ViewCache {
    /// The loss-shape curve of `spec`'s loss (recomputed when it changes).
    func shapeCurve(for spec: RunSpec, model: MLP?, _ state: AppState) -> LossCurve? {
        var key = ShapeKey(loss: spec.loss, classes: state.run?.dataset.task.classes ?? spec.classes, family: spec.family)
        // a cosine head in two dimensions: the class vectors' current angles from w_0
        var radians: [Double]?
        if let w = model?.classVectors, w.shape[1] == 2, w.shape[0] == key.classes {
            let base = LibM.atan2(Double(w[0, 1]), Double(w[0, 0]))
            let current = (0..<w.shape[0]).map { LibM.atan2(Double(w[$0, 1]), Double(w[$0, 0])) - base }
            // diverged weights give NaN angles: fall back to the evenly spread curve
            if current.allSatisfy(\.isFinite) {
                radians = current
                key.angles = current.map { Int(($0 * 180 / Double.pi).rounded()) }
            }
        }
        if let shape = shapes[key] { return shape }
        guard let entry = LossCatalog.entry(spec.loss.name) else { return nil }
        let classes = max(entry.info.minClasses, key.family == .classification ? key.classes : 0)
        let loss = try? LossCatalog.make(
            entry.info.id, parameters: spec.loss.parameters,
            context: LossShape.context(classes: classes), family: entry.info.family)
        let angles = key.angles.isEmpty ? nil : key.angles.map { Double($0) * Double.pi / 180 }
        let shape = loss.map { LossShape.curve($0, classes: classes, points: 120, classAngles: radians == nil ? nil : angles) }
        if shapes.count > 16 { shapes.removeAll() }  // bounded: a long session cycles through many settings
        shapes[key] = shape
        return shape
    }
}
