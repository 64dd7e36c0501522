/// A canvas of `width` × `height` cells with 2 × 4 dots per cell, drawn as braille glyphs.
///
/// Dot (0, 0) is the top-left; a cell's glyph is U+2800 + mask, with the dot bits
/// ```
///   left  right
///   0x01  0x08    row 0
///   0x02  0x10    row 1
///   0x04  0x20    row 2
///   0x40  0x80    row 3
/// ```
/// A cell has one colour (and one ASCII marker): **the most recent `set` that lands in a
/// cell decides its colour and marker**, so when several series share a cell the one drawn
/// last wins. Dots outside the canvas are ignored.
///
/// ASCII mode (for terminals without braille) draws each cell that has any dot as its marker.
public struct BrailleCanvas: Widget, Hashable, Sendable {
    /// Width in cells.
    public let width: Int
    /// Height in cells.
    public let height: Int
    private var masks: [UInt8]
    private var colors: [Color]
    private var markers: [Character]
    /// Draw markers instead of braille (see the type's documentation).
    public var ascii: Bool

    /// An empty canvas of `width` × `height` cells (negative sizes become 0).
    public init(width: Int, height: Int, ascii: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii = ascii
        masks = Array(repeating: 0, count: self.width * self.height)
        colors = Array(repeating: .default, count: self.width * self.height)
        markers = Array(repeating: "*", count: self.width * self.height)
    }

    /// Width in dots (2 per cell).
    public var dotWidth: Int { width * 2 }
    /// Height in dots (4 per cell).
    public var dotHeight: Int { height * 4 }

    /// The bit of dot (dx, dy) inside its cell, dx ∈ 0…1, dy ∈ 0…3.
    public static func bit(dx: Int, dy: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return dx == 0 ? left[dy] : right[dy]
    }

    /// The braille glyph for a dot mask: U+2800 + mask.
    public static func glyph(mask: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(mask))!)
    }

    /// Turns on dot (x, y) with `color`; `marker` is the cell's glyph in ASCII mode.
    public mutating func set(x: Int, y: Int, color: Color = .default, marker: Character = "*") {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * width + x / 2
        masks[i] |= BrailleCanvas.bit(dx: x % 2, dy: y % 4)
        colors[i] = color
        markers[i] = marker
    }

    /// Whether dot (x, y) is on.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return masks[(y / 4) * width + x / 2] & BrailleCanvas.bit(dx: x % 2, dy: y % 4) != 0
    }

    /// The dot mask of cell (cx, cy); 0 outside.
    public func mask(cellX cx: Int, cellY cy: Int) -> UInt8 {
        guard cx >= 0, cy >= 0, cx < width, cy < height else { return 0 }
        return masks[cy * width + cx]
    }

    /// Draws a straight line of dots from (x0, y0) to (x1, y1), both ends included (Bresenham).
    /// Only the part inside the canvas is drawn; far-away ends cost no extra time.
    public mutating func line(from p0: (x: Int, y: Int), to p1: (x: Int, y: Int), color: Color = .default, marker: Character = "*") {
        guard
            let (a, b) = clipSegment(
                Double(p0.x), Double(p0.y), Double(p1.x), Double(p1.y))
        else { return }
        var x0 = Int(a.x.rounded()), y0 = Int(a.y.rounded())
        let x1 = Int(b.x.rounded()), y1 = Int(b.y.rounded())
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x: x0, y: y0, color: color, marker: marker)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }

    /// Draws a line between points given in (fractional) dot coordinates, which may lie far
    /// outside the canvas or be non-finite (then nothing is drawn).
    public mutating func line(fromX x0: Double, y0: Double, toX x1: Double, y1: Double, color: Color = .default, marker: Character = "*") {
        guard let (a, b) = clipSegment(x0, y0, x1, y1) else { return }
        line(
            from: (Int(a.x.rounded()), Int(a.y.rounded())), to: (Int(b.x.rounded()), Int(b.y.rounded())),
            color: color, marker: marker)
    }

    /// Liang–Barsky clipping of a segment to the dot area (half a dot of slack on each side).
    ///
    /// Robust for any finite ends, ±1.7e308 included: the differences are taken at half scale
    /// (x1 − x0 itself may overflow), and a clipped end is placed on the box edge that clipped
    /// it, its other coordinate from the slope (a parameter t near ½ cannot resolve a canvas
    /// crossed by a line 1e308 dots long). The ends are clamped into the box.
    private func clipSegment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double)
        -> ((x: Double, y: Double), (x: Double, y: Double))?
    {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite, width > 0, height > 0 else { return nil }
        let (lo_x, hi_x) = (-0.49, Double(dotWidth) - 0.51)
        let (lo_y, hi_y) = (-0.49, Double(dotHeight) - 0.51)
        let dx = x1 / 2 - x0 / 2, dy = y1 / 2 - y0 / 2
        let edges = [(-dx, x0 / 2 - lo_x / 2), (dx, hi_x / 2 - x0 / 2), (-dy, y0 / 2 - lo_y / 2), (dy, hi_y / 2 - y0 / 2)]
        var t0 = 0.0, t1 = 1.0
        var entering: Int?, leaving: Int?
        for (k, (p, q)) in edges.enumerated() {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t0 { (t0, entering) = (r, k) }
                } else if r < t1 {
                    (t1, leaving) = (r, k)
                }
                if t0 > t1 { return nil }
            }
        }
        /// The point where the segment crosses edge k (nil: the end itself, unclipped).
        func point(_ edge: Int?, t: Double, end: (Double, Double)) -> (x: Double, y: Double)? {
            var (x, y) = end
            switch edge {
            case nil: break
            case 0?, 1?:
                x = edge == 0 ? lo_x : hi_x
                y = y0 + (x - x0) * (dy / dx)
            default:
                y = edge == 2 ? lo_y : hi_y
                x = x0 + (y - y0) * (dx / dy)
            }
            if x.isNaN || y.isNaN { (x, y) = ((1 - t) * x0 + t * x1, (1 - t) * y0 + t * y1) }
            guard !x.isNaN, !y.isNaN else { return nil }
            return (min(max(x, lo_x), hi_x), min(max(y, lo_y), hi_y))
        }
        guard let a = point(entering, t: t0, end: (x0, y0)), let b = point(leaving, t: t1, end: (x1, y1)) else { return nil }
        return (a, b)
    }

    /// Draws the cells that have any dot into `frame` with their top-left at `rect`'s origin,
    /// clipped to `rect`; empty cells are left as they are (the canvas is transparent).
    /// Each drawn cell gets the style `base` with the cell's colour as foreground.
    public func render(in rect: Rect, into frame: inout Frame, base: Style) {
        for cy in 0..<min(height, rect.height) {
            for cx in 0..<min(width, rect.width) {
                let i = cy * width + cx
                guard masks[i] != 0 else { continue }
                var style = base
                style.fg = colors[i]
                let glyph = ascii ? markers[i] : BrailleCanvas.glyph(mask: masks[i])
                frame[rect.x + cx, rect.y + cy] = Cell(glyph, style: style)
            }
        }
    }

    /// Draws with the plain style; see ``render(in:into:base:)``.
    public func render(in rect: Rect, into frame: inout Frame) {
        render(in: rect, into: &frame, base: .plain)
    }
}
