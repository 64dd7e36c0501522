import Engine
import Learning
import Render

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
        frame.render(theme.panel("Loss shape: \(spec.name)"), in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 3, let curve = cache.shapeCurve(for: state) else { return }
        let ascii = state.ascii || !theme.hasColor
        let v = curve.variable
        let loss = Series("ℓ", color: Theme.trainColor, marker: "l", points: zip(curve.x, curve.loss).map { ChartPoint($0, $1) })
        let slope = Series(v.derivativeName, color: Theme.gradientColor, marker: "g",
                           points: zip(curve.x, curve.derivative).map { ChartPoint($0, $1) })
        let rows = inner.split(.vertical, [.fill, .length(1)])
        func chart(_ s: [Series]) -> LineChart {
            LineChart(series: s, ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim, emptyText: "no curve")
        }
        if rows[0].height >= 12 {
            let halves = rows[0].split(.vertical, [.percentage(50), .fill])
            var top = chart([loss]), bottom = chart([slope])
            let width = max(top.yLabelWidth(height: halves[0].height), bottom.yLabelWidth(height: halves[1].height))
            top.minimumLabelWidth = width
            bottom.minimumLabelWidth = width
            frame.render(top, in: halves[0])
            frame.render(bottom, in: halves[1])
        } else {
            frame.render(chart([loss, slope]), in: rows[0])
        }
        frame.put(caption(curve).fitted(to: rows[1].width), x: rows[1].x, y: rows[1].y, style: theme.dim, clippedTo: rows[1])
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
    /// The loss-shape curve for the setup's loss (recomputed when it changes).
    func shapeCurve(for state: AppState) -> LossCurve? {
        let key = ShapeKey(loss: state.spec.loss, classes: state.run?.dataset.task.classes ?? state.spec.classes, family: state.spec.family)
        if shapeKey == key, let shape { return shape }
        guard let entry = LossCatalog.entry(state.spec.loss.name) else { return nil }
        let classes = max(entry.info.minClasses, key.family == .classification ? key.classes : 0)
        let loss = try? LossCatalog.make(entry.info.id, parameters: state.spec.loss.parameters,
                                         context: LossShape.context(classes: classes), family: entry.info.family)
        shape = loss.map { LossShape.curve($0, classes: classes, points: 120) }
        shapeKey = key
        return shape
    }
}
