import Engine
import Render

/// The Setup panel: sections of label/value lines; the focused one reversed.
/// With several runs, the top line names the selected run (Tab / Shift-Tab);
/// Data is shared by every run, Model, Loss and Optimizer are the selected
/// run's. Labels are never cut: a shorter label (or a narrower label column)
/// where space is tight.
enum SetupView {
    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        frame.render(theme.panel("Setup"), in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 2, inner.height > 0 else { return }
        let focused = state.focusedField
        var lines: [(text: String, style: Style, isFocus: Bool)] = []
        if state.runs.count > 1 {
            let label = "run \(state.selected + 1)/\(state.runs.count) \(state.runs[state.selected].label)"
            lines.append(
                (String(label.prefix(inner.width)), Style(fg: theme.hasColor ? Theme.runColor(state.selected) : .default, bold: true), false))
        }
        let sections = SetupField.sections(for: state.spec)
        let entries = sections.flatMap { $0.fields.map { ($0, $0.value(in: state.spec)) } }
        // one label column for all: full labels when every line fits, else short ones
        func width(_ labels: (SetupField) -> String) -> Int { (entries.map { labels($0.0).count }.max() ?? 0) + 1 }
        let fits = { (labels: (SetupField) -> String) in entries.allSatisfy { width(labels) + $0.1.count + 1 <= inner.width } }
        let useShort = !fits { $0.label }
        let labelWidth = useShort ? min(width { $0.shortLabel }, 10) : width { $0.label }
        for (i, section) in sections.enumerated() {
            if i > 0 && inner.height > 24 + (state.runs.count > 1 ? 1 : 0) { lines.append(("", .plain, false)) }
            let title = section.title == "Data" && state.runs.count > 1 ? "Data (all runs)" : section.title
            lines.append((title, theme.title, false))
            for f in section.fields {
                let label = useShort ? f.shortLabel : f.label
                let column = label.count < labelWidth ? labelWidth : label.count + 1
                // a value too long for the line wraps at spaces onto lines of its own, never cut
                var rest = f.value(in: state.spec)[...]
                var prefix = " " + pad(label, column)
                repeat {
                    let room = max(inner.width - prefix.count, 1)
                    var piece = rest.prefix(room)
                    if piece.count < rest.count, let space = piece.lastIndex(of: " ") { piece = rest[rest.startIndex..<space] }
                    lines.append((prefix + piece, .plain, f == focused))
                    rest = rest[piece.endIndex...].drop { $0 == " " }
                    prefix = String(repeating: " ", count: prefix.count)
                } while !rest.isEmpty
            }
        }
        // scroll so the focused line stays visible
        let focusLine = lines.firstIndex { $0.isFocus } ?? 0
        let top = max(0, min(focusLine - inner.height / 2, lines.count - inner.height))
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let r = inner.row(row)
            if line.isFocus {
                frame.fill(r, with: Cell(" ", style: theme.focus))
                frame.put(line.text, x: r.x, y: r.y, style: theme.focus, clippedTo: r)
            } else {
                frame.put(line.text, x: r.x, y: r.y, style: line.style, clippedTo: r)
            }
        }
        if top > 0 { frame.put(theme.ascii ? "^" : "▲", x: rect.maxX - 2, y: rect.y, style: theme.dim) }
        if top + inner.height < lines.count { frame.put(theme.ascii ? "v" : "▼", x: rect.maxX - 2, y: rect.maxY - 1, style: theme.dim) }
    }
}
