import Engine
import Learning
import Render

/// The Loss shape panel: the current loss ℓ and its gradient ∂ℓ/∂z_y against
/// p_y (classification, the other classes sharing 1 − p_y) or ∂ℓ/∂ŷ against
/// the residual e (regression), with the current parameters — the curves of
/// `LossShape`, recomputed when the loss or a parameter changes.
enum LossShapeView {
    static func render(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let spec = state.spec.loss
        frame.render(theme.panel("Loss shape: \(spec.name)"), in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 3, let curve = cache.shapeCurve(for: state) else { return }
        let family = LossCatalog.entry(spec.name)?.info.family ?? .classification
        let x = LossShape.xLabel(family)
        let chart = LineChart(
            series: [
                Series("ℓ", color: Theme.trainColor, marker: "l", points: curve.map { ChartPoint($0.x, $0.loss) }),
                Series(LossShape.gradientLabel(family), color: Theme.gradientColor, marker: "g",
                       points: curve.map { ChartPoint($0.x, $0.gradient) }),
            ],
            ascii: state.ascii || !theme.hasColor, axisStyle: theme.dim, labelStyle: theme.dim, emptyText: "no curve")
        let rows = inner.split(.vertical, [.fill, .length(1)])
        frame.render(chart, in: rows[0])
        let caption = "x: \(x)" + (LossShape.note(for: spec.name).map { " · \($0)" } ?? "")
        frame.put(String(caption.prefix(rows[1].width)), x: rows[1].x, y: rows[1].y, style: theme.dim, clippedTo: rows[1])
    }
}

extension ViewCache {
    /// The loss-shape curve for the setup's loss (recomputed when it changes).
    func shapeCurve(for state: AppState) -> [LossShapePoint]? {
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
