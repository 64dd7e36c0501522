/// The coordinates of a square landscape grid: N values per axis, evenly
/// spaced over [−span, span] (defaults N = 41, span = 1, as Li et al. 2018).
///
/// Coordinate j is span·(2j − (N − 1))/(N − 1), so with odd N the middle one
/// is exactly 0 and the grid's centre is the current weights.
public struct LandscapeGrid: Sendable, Equatable {
    /// Points per axis, at least 2.
    public let count: Int
    /// Half the side of the square, > 0.
    public let span: Double

    public static let countRange = 2...401

    public init(count: Int = 41, span: Double = 1) {
        precondition(LandscapeGrid.countRange.contains(count), "grid of \(count) points per axis")
        precondition(span > 0 && span.isFinite, "span \(span)")
        self.count = count
        self.span = span
    }

    /// The j-th coordinate (α_j, and β_j for rows).
    public func coordinate(_ j: Int) -> Double {
        span * Double(2 * j - (count - 1)) / Double(count - 1)
    }

    /// All coordinates, increasing from −span to span.
    public var coordinates: [Double] { (0..<count).map(coordinate) }

    /// The index whose coordinate is 0 (odd counts only).
    public var centerIndex: Int? { count % 2 == 1 ? count / 2 : nil }
}
