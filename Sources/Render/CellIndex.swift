/// Safe conversions of computed positions to cell indices.
///
/// `Int(x)` traps when x is NaN or ±inf, or beyond Int's range; every position a
/// view computes from data (a loss, a landscape value, a path point) goes
/// through ``CellIndex/of(_:in:rounding:)`` instead, so no value can crash a frame.
public enum CellIndex {
    /// `x` rounded by `rule` and clamped to `range`; nil when `x` is NaN.
    /// ±inf and huge values clamp to the ends of the range.
    public static func of(
        _ x: Double, in range: ClosedRange<Int>,
        rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) -> Int? {
        guard !x.isNaN else { return nil }
        let r = x.rounded(rule)
        if r <= Double(range.lowerBound) { return range.lowerBound }
        if r >= Double(range.upperBound) { return range.upperBound }
        return Int(r)
    }

    /// `x` rounded by `rule` when it lies inside `range` after rounding, else nil
    /// (NaN, ±inf and values outside give nil).
    public static func inside(
        _ x: Double, _ range: Range<Int>,
        rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) -> Int? {
        guard x.isFinite, !range.isEmpty else { return nil }
        let r = x.rounded(rule)
        guard r >= Double(range.lowerBound), r < Double(range.upperBound) else { return nil }
        return Int(r)
    }
}
