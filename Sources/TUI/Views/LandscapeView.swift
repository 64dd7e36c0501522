import Render

/// The Landscape panel (filter-normalized loss slices: issue #5 fills it).
enum LandscapeView {
    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        frame.render(theme.panel("Landscape"), in: rect)
    }
}
