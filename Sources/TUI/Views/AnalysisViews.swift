import Render

/// The analysis views of the view slot (Calibration, Margins, Classes, Signals, Regions).
enum AnalysisViews {
    static func render(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        frame.render(theme.panel(state.shownSlot.name), in: rect)
    }
}
