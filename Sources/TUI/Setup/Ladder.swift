/// Stepping numeric settings with the keyboard: through a list of standard
/// values, a 1-2-5 ladder, or fixed increments, always staying in range.
public enum Ladder {
    /// The next value of `values` after (direction > 0) or before `current`;
    /// a value between two entries snaps to the neighbour in that direction.
    /// A value beyond the ends stays where it is rather than moving against the key.
    public static func step<T: Comparable>(_ current: T, in values: [T], _ direction: Int) -> T {
        guard !values.isEmpty else { return current }
        if direction > 0 { return values.first { $0 > current } ?? max(current, values.last!) }
        return values.last { $0 < current } ?? min(current, values.first!)
    }

    /// 1, 2, 5 × 10^k from `lo` to `hi` (both included when on the ladder).
    public static func oneTwoFive(from lo: Double, to hi: Double) -> [Double] {
        var out: [Double] = []
        var decade = 1e-6
        while decade <= hi * 10 {
            for m in [1.0, 2.0, 5.0] {
                let v = (m * decade * 1e6).rounded() / 1e6
                if v >= lo && v <= hi { out.append(v) }
            }
            decade *= 10
        }
        return out
    }

    /// Linear steps of `step` clamped to [lo, hi], rounded to the step's decimals.
    /// Never moves against the key (a value outside [lo, hi] only moves back towards it).
    public static func linear(_ current: Double, step: Double, lo: Double, hi: Double, _ direction: Int) -> Double {
        let v = min(max(((current + Double(direction) * step) / step).rounded() * step, lo), hi)
        return direction > 0 ? max(v, current) : min(v, current)
    }

    /// The next seed in 0…Int64.max (what a preset can store), wrapping at both ends.
    public static func nextSeed(_ seed: UInt64, _ direction: Int) -> UInt64 {
        let top = UInt64(Int64.max)
        let s = min(seed, top)
        if direction > 0 { return s == top ? 0 : s + 1 }
        return s == 0 ? top : s - 1
    }

    /// The next element of a cycle.
    public static func cycle<T: Equatable>(_ current: T, in values: [T], _ direction: Int) -> T {
        guard let i = values.firstIndex(of: current) else { return values.first ?? current }
        return values[(i + direction % values.count + values.count) % values.count]
    }
}
