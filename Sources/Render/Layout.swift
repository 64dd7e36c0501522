/// The size one part of a ``Rect/split(_:_:spacing:)`` asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (less if the space runs out).
    case length(Int)
    /// `p` percent of the space, rounded down.
    case percentage(Int)
    /// `num / den` of the space, rounded down.
    case ratio(Int, Int)
    /// A share of whatever the fixed parts leave, proportional to the weight (≥ 1).
    case fill(Int)

    /// A fill of weight 1.
    public static let fill = Constraint.fill(1)
}

/// Which way ``Rect/split(_:_:spacing:)`` lays its parts out.
public enum Direction: Hashable, Sendable {
    /// Side by side, left to right: the parts are columns.
    case horizontal
    /// Stacked, top to bottom: the parts are rows.
    case vertical
}

extension Rect {
    /// Splits the rect into consecutive parts along `direction`, one per constraint.
    ///
    /// The space is the rect's extent along the direction minus `spacing` between parts.
    /// Fixed parts (length, percentage, ratio) are served first, in order, each clipped to
    /// what is left; the rest is divided among the fills by weight, the rounding remainder
    /// going to the first fills. Without fills, leftover space stays unused at the end.
    /// Always returns `constraints.count` rects; at zero size they are empty.
    public func split(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let n = constraints.count
        guard n > 0 else { return [] }
        let extent = direction == .horizontal ? width : height
        let total = max(0, extent - max(0, spacing) * (n - 1))
        var sizes = [Int](repeating: 0, count: n)
        var left = total
        for (i, c) in constraints.enumerated() {
            let want: Int
            switch c {
            case let .length(l): want = l
            case let .percentage(p): want = total * max(0, p) / 100
            case let .ratio(a, b): want = b > 0 ? total * max(0, a) / b : 0
            case .fill: continue
            }
            sizes[i] = min(max(0, want), left)
            left -= sizes[i]
        }
        let weights = constraints.map { c -> Int in
            if case let .fill(w) = c { return max(1, w) }
            return 0
        }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 {
            var given = 0
            for i in 0..<n where weights[i] > 0 {
                sizes[i] = left * weights[i] / weightSum
                given += sizes[i]
            }
            var extra = left - given
            for i in 0..<n where weights[i] > 0 && extra > 0 {
                sizes[i] += 1
                extra -= 1
            }
        }
        var out: [Rect] = []
        out.reserveCapacity(n)
        var pos = direction == .horizontal ? x : y
        let end = direction == .horizontal ? maxX : maxY
        for s in sizes {
            let start = min(pos, end)
            if direction == .horizontal {
                out.append(Rect(x: start, y: y, width: s, height: height))
            } else {
                out.append(Rect(x: x, y: start, width: width, height: s))
            }
            pos = start + s + max(0, spacing)
        }
        return out
    }
}
