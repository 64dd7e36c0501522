/// A rectangle of cells: origin (x, y) at the top-left, y growing downwards.
///
/// Width and height are never negative (the initialiser clamps them to 0); an empty rect
/// is legal everywhere and draws nothing.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Left column.
    public let x: Int
    /// Top row.
    public let y: Int
    /// Number of columns, ≥ 0.
    public let width: Int
    /// Number of rows, ≥ 0.
    public let height: Int

    /// A rect; negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rect at the origin with the given size.
    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    /// One past the right-most column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    /// True when the rect holds no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// Number of cells.
    public var area: Int { width * height }

    /// Whether the cell (x, y) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rects (empty, placed at the clamped origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x), ny = max(y, other.y)
        return Rect(x: nx, y: ny, width: min(maxX, other.maxX) - nx, height: min(maxY, other.maxY) - ny)
    }

    /// The rect shrunk by the given margins on each side (never below zero size).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right), h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// The rect shrunk by `n` cells on every side; `inset(by: 1)` is the inside of a border.
    public func inset(by n: Int) -> Rect {
        inset(top: n, left: n, bottom: n, right: n)
    }

    /// A rect of at most the given size centred in this one (rounding left/up).
    public func centered(width w: Int, height h: Int) -> Rect {
        let w = min(max(0, w), width), h = min(max(0, h), height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    /// The single row `i` (0-based, relative to the top) as a rect; empty when out of range.
    public func row(_ i: Int) -> Rect {
        guard i >= 0 && i < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + i, width: width, height: 1)
    }

    /// `Rect(x:y:w×h)`.
    public var description: String { "Rect(\(x),\(y) \(width)×\(height))" }
}
