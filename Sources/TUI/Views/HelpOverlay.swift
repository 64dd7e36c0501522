import Render

/// The `?` overlay: every key and what it does, in a box over the screen.
public enum HelpOverlay {
    public static func render(into frame: inout Frame, theme: Theme) {
        let entries = KeyMap.entries
        let keyWidth = entries.map { $0.keys.count }.max() ?? 0
        let lines = entries.map { pad($0.keys, keyWidth) + "  " + $0.action }
        let w = min(frame.width, (lines.map(\.count).max() ?? 0) + 4)
        let h = min(frame.height, lines.count + 4)
        let box = frame.area.centered(width: w, height: h)
        frame.fill(box, with: .blank)
        frame.render(theme.panel("Help"), in: box)
        let inner = box.inset(by: 1)
        for (i, line) in lines.enumerated() where i < inner.height - 1 {
            frame.put(line, x: inner.x + 1, y: inner.y + i, clippedTo: inner)
        }
        if inner.height > 0 {
            frame.put("? or Esc closes", in: inner.row(inner.height - 1), align: .center, style: theme.dim)
        }
    }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
