/// The dimensions of a tensor, stored inline (rank 0 to 4) so that making a
/// tensor never allocates for its shape.
///
/// Rank 0 is a scalar (one element). Dimensions may be zero.
public struct Shape: Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The maximum rank losscape needs: [batch, features] and [grid, batch, features].
    public static let maxRank = 4

    public let rank: Int
    @usableFromInline var d0: Int, d1: Int, d2: Int, d3: Int

    public init(_ dims: [Int]) {
        precondition(dims.count <= Shape.maxRank, "rank \(dims.count) exceeds \(Shape.maxRank)")
        precondition(dims.allSatisfy { $0 >= 0 }, "negative dimension in \(dims)")
        rank = dims.count
        d0 = dims.count > 0 ? dims[0] : 1
        d1 = dims.count > 1 ? dims[1] : 1
        d2 = dims.count > 2 ? dims[2] : 1
        d3 = dims.count > 3 ? dims[3] : 1
    }

    public init(arrayLiteral elements: Int...) { self.init(elements) }

    /// A scalar's shape.
    public static let scalar = Shape([])

    @inlinable public subscript(axis: Int) -> Int {
        precondition(axis >= 0 && axis < rank, "axis \(axis) out of range for rank \(rank)")
        switch axis {
        case 0: return d0
        case 1: return d1
        case 2: return d2
        default: return d3
        }
    }

    /// The number of elements: the product of the dimensions (1 for a scalar).
    @inlinable public var count: Int { d0 * d1 * d2 * d3 }

    public var dims: [Int] { (0..<rank).map { self[$0] } }

    /// The last dimension (1 for a scalar).
    @inlinable public var last: Int { rank == 0 ? 1 : self[rank - 1] }

    /// The product of all dimensions but the last: the number of rows of the
    /// tensor seen as a matrix of `last` columns.
    @inlinable public var rows: Int { last == 0 ? 0 : count / last }

    /// This shape with `axis` set to `value`.
    public func replacing(axis: Int, with value: Int) -> Shape {
        var d = dims
        d[axis] = value
        return Shape(d)
    }

    /// This shape without `axis`.
    public func removing(axis: Int) -> Shape {
        var d = dims
        d.remove(at: axis)
        return Shape(d)
    }

    /// Row-major strides (elements) of each axis.
    public var strides: [Int] {
        var s = [Int](repeating: 1, count: rank)
        var acc = 1
        for axis in stride(from: rank - 1, through: 0, by: -1) {
            s[axis] = acc
            acc *= self[axis]
        }
        return s
    }

    /// The NumPy broadcast of two shapes, or nil when they are incompatible.
    public static func broadcast(_ a: Shape, _ b: Shape) -> Shape? {
        let rank = max(a.rank, b.rank)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.rank ? 1 : a[i - (rank - a.rank)]
            let db = i < rank - b.rank ? 1 : b[i - (rank - b.rank)]
            if da == db || db == 1 { out[i] = da } else if da == 1 { out[i] = db } else { return nil }
        }
        return Shape(out)
    }

    public var description: String { "[" + dims.map(String.init).joined(separator: ", ") + "]" }
}
