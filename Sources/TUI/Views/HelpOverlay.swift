import Render

/// The `?` overlay: every key and what it does, in a box over the screen;
/// as many columns as the height needs and the width allows, and pages when
/// even those do not hold every key (`?` / space turn the page, Esc closes).
public enum HelpOverlay {
    static var lines: [String] {
        let entries = KeyMap.entries
        let keyWidth = entries.map { $0.keys.count }.max() ?? 0
        return entries.map { pad($0.keys, keyWidth) + "  " + $0.action }
    }

    /// Columns, rows per column and pages for a `width` × `height` screen.
    static func layout(width: Int, height: Int) -> (columns: Int, rows: Int, pages: Int) {
        let lines = Self.lines
        let lineWidth = lines.map(\.count).max() ?? 0
        let rows = max(1, height - 4)
        let fitting = max(1, (width - 1) / (lineWidth + 3))
        let columns = max(1, min((lines.count + rows - 1) / rows, fitting))
        let perPage = rows * columns
        return (columns, rows, (lines.count + perPage - 1) / perPage)
    }

    public static func pages(width: Int, height: Int) -> Int { layout(width: width, height: height).pages }

    public static func render(into frame: inout Frame, theme: Theme, page: Int = 0) {
        let lines = Self.lines
        let lineWidth = lines.map(\.count).max() ?? 0
        let (columns, rows, pages) = layout(width: frame.width, height: frame.height)
        let page = min(max(page, 0), pages - 1)
        let shown = Array(lines.dropFirst(page * rows * columns).prefix(rows * columns))
        let perColumn = min(rows, (shown.count + columns - 1) / columns)
        let w = min(frame.width, columns * lineWidth + 3 * columns + 1)
        let h = min(frame.height, perColumn + 4)
        let box = frame.area.centered(width: w, height: h)
        frame.fill(box, with: .blank)
        frame.render(theme.panel(pages > 1 ? "Help \(page + 1)/\(pages)" : "Help"), in: box)
        let inner = box.inset(by: 1)
        for (i, line) in shown.enumerated() {
            let (col, row) = (i / perColumn, i % perColumn)
            guard row < inner.height - 1 else { continue }
            frame.put(line, x: inner.x + 1 + col * (lineWidth + 3), y: inner.y + row, clippedTo: inner)
        }
        if inner.height > 0 {
            let footer = pages > 1 ? (page + 1 < pages ? "? next page, Esc closes" : "? or Esc closes") : "? or Esc closes"
            frame.put(footer, in: inner.row(inner.height - 1), align: .center, style: theme.dim)
        }
    }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
