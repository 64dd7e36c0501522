/// A grid of colour pixels drawn with half blocks: two pixel rows per cell, so pixels are
/// roughly square.
///
/// Pixel (col, row) is drawn in cell (col, row / 2). Per cell, with `upper` = the even row and
/// `lower` = the odd row (``halfBlock(upper:lower:)``):
/// - both empty (`nil`) → a plain space;
/// - equal → `█` in that colour;
/// - otherwise → `▀` with fg = upper and bg = lower (`▄` with fg = lower when only the lower is set).
///
/// For screens without colour, ``renderGlyphs(in:into:style:glyph:)`` fills cells with
/// glyphs the caller picks (``ShadeRamp`` or class letters).
public struct Heatmap: Widget, Hashable, Sendable {
    /// Number of pixel columns (= cells).
    public let cols: Int
    /// Number of pixel rows (= 2 per cell).
    public let rows: Int
    /// The pixels, row by row (index `row * cols + col`); `nil` is empty.
    public private(set) var pixels: [Color?]

    /// An empty heatmap.
    public init(cols: Int, rows: Int) {
        self.cols = max(0, cols)
        self.rows = max(0, rows)
        pixels = Array(repeating: nil, count: self.cols * self.rows)
    }

    /// A heatmap whose pixel (col, row) is `color(col, row)`.
    public init(cols: Int, rows: Int, color: (_ col: Int, _ row: Int) -> Color?) {
        self.init(cols: cols, rows: rows)
        for r in 0..<self.rows {
            for c in 0..<self.cols { pixels[r * self.cols + c] = color(c, r) }
        }
    }

    /// The pixel at (col, row); `nil` outside or empty. Writing outside does nothing.
    public subscript(col: Int, row: Int) -> Color? {
        get { col >= 0 && row >= 0 && col < cols && row < rows ? pixels[row * cols + col] : nil }
        set { if col >= 0 && row >= 0 && col < cols && row < rows { pixels[row * cols + col] = newValue } }
    }

    /// The cell showing two vertically stacked pixels.
    public static func halfBlock(upper: Color?, lower: Color?) -> Cell {
        switch (upper, lower) {
        case (nil, nil): return .blank
        case let (u?, nil): return Cell("▀", style: Style(fg: u))
        case let (nil, l?): return Cell("▄", style: Style(fg: l))
        case let (u?, l?): return u == l ? Cell("█", style: Style(fg: u)) : Cell("▀", style: Style(fg: u, bg: l))
        }
    }

    /// Draws the pixels from `rect`'s top-left, clipped to `rect` (cells wholly empty are left as they are).
    public func render(in rect: Rect, into frame: inout Frame) {
        let cellRows = (rows + 1) / 2
        for cy in 0..<min(cellRows, rect.height) {
            for cx in 0..<min(cols, rect.width) {
                let upper = self[cx, 2 * cy], lower = self[cx, 2 * cy + 1]
                if upper == nil && lower == nil { continue }
                frame[rect.x + cx, rect.y + cy] = Heatmap.halfBlock(upper: upper, lower: lower)
            }
        }
    }

    /// The text fallback: every cell of `rect` gets `glyph(col, row)` (cell coordinates
    /// relative to `rect`) in `style(col, row)` (plain by default). Use ``ShadeRamp/glyph(_:)``
    /// for values or a letter per class.
    public static func renderGlyphs(
        in rect: Rect, into frame: inout Frame,
        style: (_ col: Int, _ row: Int) -> Style = { _, _ in .plain },
        glyph: (_ col: Int, _ row: Int) -> Character
    ) {
        let r = rect.intersection(frame.area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                let (c, w) = (x - rect.x, y - rect.y)
                frame[x, y] = Cell(Cell.sanitized(glyph(c, w)), style: style(c, w))
            }
        }
    }
}

extension Frame {
    /// Puts a marker glyph (e.g. a data point) on a cell, keeping what is behind it visible:
    /// the new background is the cell's background, or, on a half-block or full-block cell,
    /// the colour of the pixel the marker covers (the lower one for `▀`, the block's colour
    /// for `█` and `▄`).
    public mutating func stamp(_ glyph: Character, x: Int, y: Int, fg: Color, bold: Bool = false) {
        guard contains(x: x, y: y) else { return }
        let old = self[x, y]
        var bg = old.style.bg
        switch old.glyph {
        case "█", "▄": bg = old.style.fg
        case "▀": if bg == .default { bg = old.style.fg }
        default: break
        }
        self[x, y] = Cell(Cell.sanitized(glyph), style: Style(fg: fg, bg: bg, bold: bold))
    }
}
