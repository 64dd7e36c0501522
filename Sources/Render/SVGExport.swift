/// A frame as an SVG picture (for papers and READMEs): a grid of monospace text
/// in its colours on a dark terminal background, with the glyphs whose look
/// matters drawn as shapes so the picture is the same in any font — braille
/// dots as circles, half and full blocks as rectangles, box-drawing lines as
/// strokes. Each cell is `cellWidth` × `cellHeight` user units; runs of text of
/// one style are one `<text>` element stretched to their cells' width.
public enum SVGExport {
    public static let cellWidth = 10.0
    public static let cellHeight = 20.0
    /// The terminal's default colours in the picture.
    public static let background = Color(hex: 0x14181d)
    public static let foreground = Color(hex: 0xd8dadc)

    public static func svg(_ frame: Frame, mode: ColorMode = .truecolor) -> String {
        let (cw, ch) = (cellWidth, cellHeight)
        let width = Double(frame.width) * cw, height = Double(frame.height) * ch
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))">
            <rect width="100%" height="100%" fill="\(hex(background))"/>
            <g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="\(n(ch * 0.8))">

            """
        for y in 0..<frame.height {
            var x = 0
            while x < frame.width {
                let cell = frame[x, y]
                let (fg, bg) = colors(cell.style, mode)
                let top = Double(y) * ch, left = Double(x) * cw
                if bg != background {
                    out += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(cw))\" height=\"\(n(ch))\" fill=\"\(hex(bg))\"/>\n"
                }
                if let shape = shape(cell.glyph, x: left, y: top, fg: fg, bg: bg, dim: cell.style.dim) {
                    out += shape
                    x += 1
                    continue
                }
                // a run of ordinary glyphs of one style
                var run = ""
                var end = x
                while end < frame.width {
                    let c = frame[end, y]
                    guard c.style == cell.style, !isShape(c.glyph) else { break }
                    if end > x, colors(c.style, mode).1 != bg { break }
                    run.append(c.glyph)
                    end += 1
                }
                // the background of the rest of the run, under its text
                for bx in (x + 1)..<max(end, x + 1) where bg != background {
                    out += "<rect x=\"\(n(Double(bx) * cw))\" y=\"\(n(top))\" width=\"\(n(cw))\" height=\"\(n(ch))\" fill=\"\(hex(bg))\"/>\n"
                }
                if run.contains(where: { $0 != " " }) {
                    let attributes = (cell.style.bold ? " font-weight=\"bold\"" : "") + (cell.style.dim ? " opacity=\"0.6\"" : "")
                    out +=
                        "<text x=\"\(n(left))\" y=\"\(n(top + ch * 0.78))\" fill=\"\(hex(fg))\" textLength=\"\(n(Double(end - x) * cw))\" "
                        + "lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\"\(attributes)>\(escape(run))</text>\n"
                }
                x = max(end, x + 1)
            }
        }
        return out + "</g>\n</svg>\n"
    }

    /// The foreground and background of a style as drawn (reverse swapped, defaults resolved).
    static func colors(_ style: Style, _ mode: ColorMode) -> (Color, Color) {
        let s = style.converted(to: mode == .none ? .truecolor : mode)
        var fg = s.fg == .default ? foreground : s.fg
        var bg = s.bg == .default ? background : s.bg
        if s.reverse { swap(&fg, &bg) }
        return (fg, bg)
    }

    static func isShape(_ g: Character) -> Bool {
        guard let v = g.unicodeScalars.first?.value else { return false }
        return (0x2800...0x28FF).contains(v) || "▀▄█─│┌┐└┘├┤┬┴┼┆".contains(g)
    }

    /// Braille, blocks and box-drawing lines as shapes; nil for other glyphs.
    static func shape(_ g: Character, x: Double, y: Double, fg: Color, bg: Color, dim: Bool) -> String? {
        let (cw, ch) = (cellWidth, cellHeight)
        let opacity = dim ? " opacity=\"0.6\"" : ""
        guard let v = g.unicodeScalars.first?.value else { return nil }
        if (0x2800...0x28FF).contains(v) {
            let mask = v - 0x2800
            let bits: [(UInt32, Int, Int)] = [
                (0x01, 0, 0), (0x02, 0, 1), (0x04, 0, 2), (0x40, 0, 3),
                (0x08, 1, 0), (0x10, 1, 1), (0x20, 1, 2), (0x80, 1, 3),
            ]
            return bits.filter { mask & $0.0 != 0 }.map { _, col, row in
                "<circle cx=\"\(n(x + cw * (0.3 + 0.4 * Double(col))))\" cy=\"\(n(y + ch * (0.14 + 0.24 * Double(row))))\" "
                    + "r=\"\(n(cw * 0.14))\" fill=\"\(hex(fg))\"\(opacity)/>\n"
            }.joined()
        }
        func rect(_ top: Double, _ h: Double, _ c: Color) -> String {
            "<rect x=\"\(n(x))\" y=\"\(n(y + top))\" width=\"\(n(cw))\" height=\"\(n(h))\" fill=\"\(hex(c))\"/>\n"
        }
        func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, dash: Bool = false) -> String {
            "<line x1=\"\(n(x + x1 * cw))\" y1=\"\(n(y + y1 * ch))\" x2=\"\(n(x + x2 * cw))\" y2=\"\(n(y + y2 * ch))\" "
                + "stroke=\"\(hex(fg))\" stroke-width=\"1.2\"\(dash ? " stroke-dasharray=\"2 3\"" : "")\(opacity)/>\n"
        }
        switch g {
        case "▀": return rect(0, ch / 2, fg)
        case "▄": return rect(ch / 2, ch / 2, fg)
        case "█": return rect(0, ch, fg)
        case "─": return line(0, 0.5, 1, 0.5)
        case "│": return line(0.5, 0, 0.5, 1)
        case "┆": return line(0.5, 0, 0.5, 1, dash: true)
        case "┌": return line(0.5, 0.5, 1, 0.5) + line(0.5, 0.5, 0.5, 1)
        case "┐": return line(0, 0.5, 0.5, 0.5) + line(0.5, 0.5, 0.5, 1)
        case "└": return line(0.5, 0.5, 1, 0.5) + line(0.5, 0, 0.5, 0.5)
        case "┘": return line(0, 0.5, 0.5, 0.5) + line(0.5, 0, 0.5, 0.5)
        case "├": return line(0.5, 0, 0.5, 1) + line(0.5, 0.5, 1, 0.5)
        case "┤": return line(0.5, 0, 0.5, 1) + line(0, 0.5, 0.5, 0.5)
        case "┬": return line(0, 0.5, 1, 0.5) + line(0.5, 0.5, 0.5, 1)
        case "┴": return line(0, 0.5, 1, 0.5) + line(0.5, 0, 0.5, 0.5)
        case "┼": return line(0, 0.5, 1, 0.5) + line(0.5, 0, 0.5, 1)
        default: return nil
        }
    }

    static func hex(_ c: Color) -> String {
        let rgb = c.rgbComponents ?? foreground.rgbComponents!
        func two(_ v: UInt8) -> String {
            let s = String(v, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + two(rgb.r) + two(rgb.g) + two(rgb.b)
    }

    /// A number without needless decimals.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 100).rounded() / 100
        return r == r.rounded() && abs(r) < 1e9 ? String(Int(r)) : "\(r)"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
