import Engine
import Render

/// The Setup panel: sections of label/value lines; the focused one reversed.
enum SetupView {
    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        frame.render(theme.panel("Setup"), in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 2, inner.height > 0 else { return }
        let focused = state.focusedField
        var lines: [(text: String, style: Style, isFocus: Bool)] = []
        let labelWidth = min(14, max(8, inner.width / 2 - 1))
        for (i, section) in SetupField.sections(for: state.spec).enumerated() {
            if i > 0 && inner.height > 24 { lines.append(("", .plain, false)) }
            lines.append((section.title, theme.title, false))
            for f in section.fields {
                let text = " " + pad(String(f.label.prefix(labelWidth - 1)), labelWidth) + f.value(in: state.spec)
                lines.append((text, .plain, f == focused))
            }
        }
        // scroll so the focused line stays visible
        let focusLine = lines.firstIndex { $0.isFocus } ?? 0
        let top = max(0, min(focusLine - inner.height / 2, lines.count - inner.height))
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let r = inner.row(row)
            if line.isFocus {
                frame.fill(r, with: Cell(" ", style: theme.focus))
                frame.put(String(line.text.prefix(r.width)), x: r.x, y: r.y, style: theme.focus, clippedTo: r)
            } else {
                frame.put(String(line.text.prefix(r.width)), x: r.x, y: r.y, style: line.style, clippedTo: r)
            }
        }
        if top > 0 { frame.put(theme.ascii ? "^" : "▲", x: rect.maxX - 2, y: rect.y, style: theme.dim) }
        if top + inner.height < lines.count { frame.put(theme.ascii ? "v" : "▼", x: rect.maxX - 2, y: rect.maxY - 1, style: theme.dim) }
    }
}
