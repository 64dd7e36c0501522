import Engine
import Render

/// Lays out and draws the whole playground into a Frame.
///
/// Full layout (≥ 100×30): Setup on the left; Loss and Decision boundary on
/// top; the view slot (Loss shape, the analysis views; `v`) and Landscape
/// below. Compact layout (≥ 60×20, e.g. 80×24): Setup, Loss and the view slot
/// (Decision boundary, Loss shape, Landscape, the analysis views; `v`). Two
/// status lines. Smaller: a screen that says the size needed and the size there is.
public enum Screen {
    public static let minimumSize = (width: 60, height: 20)
    public static let fullSize = (width: 100, height: 30)

    public static func render(_ state: AppState, cache: ViewCache) -> Frame {
        let (w, h) = (max(state.width, 0), max(state.height, 0))
        guard w >= minimumSize.width, h >= minimumSize.height else {
            return TooSmallView.render(width: w, height: h, minWidth: minimumSize.width, minHeight: minimumSize.height)
        }
        let theme = Theme(colorMode: state.colorMode, ascii: state.ascii)
        var frame = Frame(width: w, height: h)
        let full = state.isFullLayout
        let rows = frame.area.split(.vertical, [.fill, .length(2)])
        let (body, status) = (rows[0], rows[1])
        let cols = body.split(.horizontal, [.length(full ? 32 : 27), .fill])
        SetupView.render(state, in: cols[0], into: &frame, theme: theme)
        let right = cols[1]
        if full {
            let bands = right.split(.vertical, [.percentage(60), .fill])
            let boundaryWidth = min(bands[0].width / 2, bands[0].height * 2 + 2)
            let top = bands[0].split(.horizontal, [.fill, .length(boundaryWidth)])
            LossChartView.render(state, in: top[0], into: &frame, theme: theme)
            DecisionBoundaryView.render(state, cache: cache, in: top[1], into: &frame, theme: theme)
            let bottom = bands[1].split(.horizontal, [.percentage(45), .fill])
            renderSlot(state, cache: cache, in: bottom[0], into: &frame, theme: theme)
            LandscapeView.render(state, in: bottom[1], into: &frame, theme: theme)
        } else {
            let bands = right.split(.vertical, [.percentage(42), .fill])
            LossChartView.render(state, in: bands[0], into: &frame, theme: theme)
            renderSlot(state, cache: cache, in: bands[1], into: &frame, theme: theme)
        }
        StatusBar.render(state, in: status, into: &frame, theme: theme)
        if state.showHelp { HelpOverlay.render(into: &frame, theme: theme, page: state.helpPage) }
        return frame
    }

    /// The view slot's current view.
    static func renderSlot(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        switch state.shownSlot {
        case .decisionBoundary: DecisionBoundaryView.render(state, cache: cache, in: rect, into: &frame, theme: theme)
        case .lossShape: LossShapeView.render(state, cache: cache, in: rect, into: &frame, theme: theme)
        case .landscape: LandscapeView.render(state, in: rect, into: &frame, theme: theme)
        default: AnalysisViews.render(state, cache: cache, in: rect, into: &frame, theme: theme)
        }
    }
}
