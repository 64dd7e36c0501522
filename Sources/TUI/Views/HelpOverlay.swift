import Render

/// The `?` overlay: every key and what it does, in a box over the screen;
/// as many columns as the height needs (and the width allows).
public enum HelpOverlay {
    public static func render(into frame: inout Frame, theme: Theme) {
        let entries = KeyMap.entries
        let keyWidth = entries.map { $0.keys.count }.max() ?? 0
        let lines = entries.map { pad($0.keys, keyWidth) + "  " + $0.action }
        let lineWidth = lines.map(\.count).max() ?? 0
        let rowsAvailable = max(1, frame.height - 4)
        let needed = (lines.count + rowsAvailable - 1) / rowsAvailable
        let fitting = max(1, (frame.width - 1) / (lineWidth + 3))
        let columns = max(1, min(needed, fitting))
        let perColumn = (lines.count + columns - 1) / columns
        let w = min(frame.width, columns * lineWidth + 3 * columns + 1)
        let h = min(frame.height, perColumn + 4)
        let box = frame.area.centered(width: w, height: h)
        frame.fill(box, with: .blank)
        frame.render(theme.panel("Help"), in: box)
        let inner = box.inset(by: 1)
        for (i, line) in lines.enumerated() {
            let (col, row) = (i / perColumn, i % perColumn)
            guard row < inner.height - 1 else { continue }
            frame.put(line, x: inner.x + 1 + col * (lineWidth + 3), y: inner.y + row, clippedTo: inner)
        }
        if inner.height > 0 {
            frame.put("? or Esc closes", in: inner.row(inner.height - 1), align: .center, style: theme.dim)
        }
    }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
