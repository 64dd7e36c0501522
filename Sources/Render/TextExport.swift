/// Frames as text: plain UTF-8 (`.txt` screenshots, golden files) and ANSI with SGR colour
/// codes (`.ans` screenshots, `--ansi` snapshots).
public enum TextExport {
    /// Exactly the frame's glyphs, rows joined by `"\n"` (no newline after the last row;
    /// trailing spaces kept).
    public static func plain(_ frame: Frame) -> String {
        frame.lines().joined(separator: "\n")
    }

    /// The frame's glyphs with SGR escape codes for `mode`, rows joined by `"\n"`.
    ///
    /// Styles are first converted to what `mode` can show (``Style/converted(to:)``; `.none`
    /// keeps bold, dim and reverse and drops colours). A code is emitted only where that
    /// converted style changes: ``sgr(_:)`` of the new style (a full reset then its
    /// attributes). A row that ends in a non-plain style ends with `ESC[0m`, so every row
    /// starts plain; an all-plain frame gives exactly ``plain(_:)``.
    public static func ansi(_ frame: Frame, mode: ColorMode) -> String {
        var out = ""
        for y in 0..<frame.height {
            if y > 0 { out += "\n" }
            var current = Style.plain
            for x in 0..<frame.width {
                let cell = frame[x, y]
                let style = cell.style.converted(to: mode)
                if style != current {
                    out += sgr(style)
                    current = style
                }
                out.append(cell.glyph)
            }
            if current != .plain { out += "\u{1B}[0m" }
        }
        return out
    }

    /// The escape sequence that sets `style` from any state: `ESC[0m` for the plain style,
    /// else `ESC[0;` + parameters + `m`, the parameters in the order bold `1`, dim `2`,
    /// reverse `7`, foreground, background. Colours: `.indexed(n)` with n < 8 → `3n`/`4n`,
    /// other indices → `38;5;n`/`48;5;n`, `.rgb` → `38;2;r;g;b`/`48;2;r;g;b`.
    /// Convert the style to the output's ``ColorMode`` first.
    public static func sgr(_ style: Style) -> String {
        var p: [String] = ["0"]
        if style.bold { p.append("1") }
        if style.dim { p.append("2") }
        if style.reverse { p.append("7") }
        if let fg = colorParameters(style.fg, base: 30) { p.append(fg) }
        if let bg = colorParameters(style.bg, base: 40) { p.append(bg) }
        return "\u{1B}[" + p.joined(separator: ";") + "m"
    }

    private static func colorParameters(_ c: Color, base: Int) -> String? {
        switch c {
        case .default: return nil
        case let .indexed(n) where n < 8: return String(base + Int(n))
        case let .indexed(n): return "\(base + 8);5;\(n)"
        case let .rgb(r, g, b): return "\(base + 8);2;\(r);\(g);\(b)"
        }
    }
}
