/// An off-screen grid of ``Cell``s, `width` × `height`, that every view draws into.
///
/// A value type (copy-on-write through its array). Nothing here ever traps on sizes or
/// coordinates: a frame may be 0×0, reads outside it give ``Cell/blank`` and writes outside
/// it are dropped. The same frame is sent to the terminal, exported as text
/// (``TextExport``) and compared in tests (``lines(trimmingTrailingSpaces:)``).
public struct Frame: Hashable, Sendable, CustomStringConvertible {
    /// Number of columns, ≥ 0.
    public let width: Int
    /// Number of rows, ≥ 0.
    public let height: Int
    /// The cells, row by row (index `y * width + x`).
    public private(set) var cells: [Cell]

    /// A frame of the given size filled with `cell` (negative sizes become 0).
    public init(width: Int, height: Int, fill cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    /// The whole frame as a rect at the origin.
    public var area: Rect { Rect(width: width, height: height) }

    /// Whether (x, y) is a cell of the frame.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The cell at column `x`, row `y`. Reading outside gives ``Cell/blank``; writing outside does nothing.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    /// Writes `text` on row `y` from column `x`, one character per cell, clipped to the
    /// frame and to `clip` if given. Characters that are not printable single-width become
    /// `?` (see ``Cell``). Returns the column after the last character (as if unclipped).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clippedTo clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        var cx = x
        guard y >= bounds.y && y < bounds.maxY else { return x + text.count }
        for ch in text {
            if cx >= bounds.maxX { return x + text.count }
            if cx >= bounds.x { cells[y * width + cx] = Cell(Cell.sanitized(ch), style: style) }
            cx += 1
        }
        return cx
    }

    /// Writes `text` on the first row of `rect`, aligned within it and clipped to it.
    public mutating func put(_ text: String, in rect: Rect, align: Alignment = .left, style: Style = .plain) {
        let n = text.count
        let x: Int
        switch align {
        case .left: x = rect.x
        case .center: x = rect.x + max(0, (rect.width - n) / 2)
        case .right: x = rect.x + max(0, rect.width - n)
        }
        put(text, x: x, y: rect.y, style: style, clippedTo: rect)
    }

    /// Sets every cell of `rect` (clipped to the frame) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x] = cell }
        }
    }

    /// Gives every cell of `rect` the style `style`, keeping the glyphs (e.g. a highlighted menu row).
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x].style = style }
        }
    }

    /// Copies `other` into this frame with its top-left corner at (x, y), clipped.
    public mutating func draw(_ other: Frame, x: Int, y: Int) {
        for oy in 0..<other.height {
            for ox in 0..<other.width { self[x + ox, y + oy] = other[ox, oy] }
        }
    }

    /// Renders `widget` into `rect` of this frame.
    public mutating func render(_ widget: some Widget, in rect: Rect) {
        widget.render(in: rect, into: &self)
    }

    /// The glyphs of each row as plain text; trailing spaces kept unless asked otherwise.
    public func lines(trimmingTrailingSpaces trim: Bool = false) -> [String] {
        (0..<height).map { y in
            var s = String(cells[(y * width)..<(y * width + width)].map(\.glyph))
            if trim {
                while s.last == " " { s.removeLast() }
            }
            return s
        }
    }

    /// The rows joined by newlines (trailing spaces trimmed), for test failure messages.
    public var description: String { lines(trimmingTrailingSpaces: true).joined(separator: "\n") }
}
