import Engine
import Learning
import Render

/// The Loss shape panel: the current loss ℓ and its gradient ∂ℓ/∂z_y against
/// p_y (classification) or against the residual e (regression), with the
/// current parameters.
enum LossShapeView {
    static func render(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        frame.render(theme.panel("Loss shape"), in: rect)
    }
}
