import Platform

/// "Nice" axis ticks (1, 2, 5 × 10^k) and compact number labels.
public enum NiceTicks {
    /// The smallest nice step (1, 2 or 5 × 10^k) that is at least `raw`; 1 for a raw step
    /// that is not positive and finite.
    public static func niceStep(atLeast raw: Double) -> Double {
        niceStepParts(atLeast: raw).value
    }

    /// A nice step as mantissa m ∈ {1, 2, 5} and exponent e, so that multiples k·m·10^e can
    /// be computed exactly (k·m / 10^−e rounds to the nearest decimal: 0.6, not 0.6000000000000001).
    struct Step {
        var m: Double
        var e: Int
        var value: Double { times(1) }
        func times(_ k: Double) -> Double {
            let v = e >= 0 ? k * m * pow10(e) : k * m / pow10(-e)
            return v == 0 ? 0 : v  // no -0
        }
        var next: Step { m == 1 ? Step(m: 2, e: e) : m == 2 ? Step(m: 5, e: e) : Step(m: 1, e: e + 1) }
    }

    static func niceStepParts(atLeast raw: Double) -> Step {
        guard raw > 0, raw.isFinite else { return Step(m: 1, e: 0) }
        var step = Step(m: 1, e: magnitude(raw))
        while step.value < raw * (1 - 1e-12) { step = step.next }
        return step
    }

    /// Ticks at the multiples of the smallest nice step that lie in [lo, hi], at most
    /// `maxCount` of them (and at least 1 unless the range is empty or not finite).
    /// `lo > hi` is treated as `hi…lo`.
    public static func linear(_ lo: Double, _ hi: Double, maxCount: Int) -> [Double] {
        linearWithStep(lo, hi, maxCount: maxCount).ticks
    }

    /// Like ``linear(_:_:maxCount:)`` and also returns the step, for ``format(_:step:significantDigits:)``.
    public static func linearWithStep(_ lo: Double, _ hi: Double, maxCount: Int) -> (ticks: [Double], step: Double) {
        let (lo, hi) = (min(lo, hi), max(lo, hi))
        guard lo.isFinite, hi.isFinite else { return ([], 1) }
        let n = max(1, maxCount)
        if hi == lo { return ([lo], 1) }
        var step = niceStepParts(atLeast: (hi - lo) / Double(n))
        var previous: [Double] = []
        while step.value.isFinite {
            let first = (lo / step.value - 1e-9).rounded(.up)
            let last = (hi / step.value + 1e-9).rounded(.down)
            let ticks =
                first <= last && last - first < 100_000
                ? stride(from: first, through: last, by: 1).map { step.times($0) } : []
            if ticks.count <= n {
                // a step grown past the whole range leaves no tick: keep some of the last ones
                if ticks.isEmpty && !previous.isEmpty { return (Array(previous.prefix(n)), step.value) }
                return (ticks, step.value)
            }
            previous = ticks
            step = step.next
        }
        return ([], 1)
    }

    /// Ticks for a log-scaled axis over the positive range [lo, hi]: the powers of 10 inside
    /// (every 2nd, 3rd … decade when there are more than `maxCount`); when fewer than two
    /// powers fall inside, 1, 2 and 5 × 10^k; when still fewer than two, ``linear(_:_:maxCount:)``.
    /// Returns no ticks when lo or hi is not positive and finite.
    public static func log(_ lo: Double, _ hi: Double, maxCount: Int) -> [Double] {
        let (lo, hi) = (min(lo, hi), max(lo, hi))
        guard lo > 0, hi.isFinite, lo.isFinite else { return [] }
        let n = max(1, maxCount)
        let a = Int((LibM.log10(lo) - 1e-9).rounded(.up)), b = Int((LibM.log10(hi) + 1e-9).rounded(.down))
        if b - a + 1 >= 2 {
            let every = (b - a + 1 + n - 1) / n  // ceil
            let start = Int((Double(a) / Double(every)).rounded(.up)) * every
            return stride(from: start, through: b, by: every).map { pow10($0) }
        }
        var ticks: [Double] = []
        for k in (a - 1)...(b + 1) {
            for m in [1.0, 2, 5] {
                let v = m * pow10(k)
                if v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) { ticks.append(v) }
            }
        }
        if ticks.count >= 2 && ticks.count <= n { return ticks }
        if ticks.count > n, a <= b { return [pow10(a)] }
        return linear(lo, hi, maxCount: n)
    }

    /// A short label for a number: `0`, `0.5`, `12`, `0.693`, `5e-3`, `1e-3`, `2.5k`, `12k`,
    /// `1.5M`, `2G`, `1e15`.
    ///
    /// Values are rounded to `significantDigits` (default 3); if `step` (the spacing of
    /// neighbouring ticks) is given, to as many digits as that spacing needs instead, so
    /// neighbouring labels differ (`1.002k` next to `1.003k`). |v| ≥ 1000 uses k, M, G, T
    /// suffixes (≥ 10^15: exponent form); 0 < |v| < 0.01 uses exponent form (`2.5e-4`).
    public static func format(_ v: Double, step: Double? = nil, significantDigits: Int = 3) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == 0 { return "0" }
        var digits = max(1, min(significantDigits, 15))
        if let step, step > 0, step.isFinite {
            let need = magnitude(v) - magnitude(step) + 1
            digits = max(1, min(need, 15))
        }
        let sign = v < 0 ? "-" : ""
        var a = roundSignificant(abs(v), digits)
        if !a.isFinite { a = abs(v) }  // rounding up past the largest Double
        if a >= 1e15 || a < 0.01 {
            var e = magnitude(a)
            var m = roundSignificant(a / pow10(e), digits)
            if !m.isFinite { m = a / pow10(e) }
            if m >= 10 { m /= 10; e += 1 }
            return sign + plain(m) + "e" + String(e)
        }
        let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in suffixes where a >= scale {
            return sign + plain(roundSignificant(a / scale, digits)) + suffix
        }
        return sign + plain(a)
    }

    // MARK: - helpers

    /// floor(log10(|v|)) for v ≠ 0, robust to log10 rounding.
    static func magnitude(_ v: Double) -> Int {
        let a = abs(v)
        guard a.isFinite, a > 0 else { return 0 }
        var e = Int(LibM.log10(a).rounded(.down))
        if pow10(e) > a { e -= 1 }
        if pow10(e + 1) <= a { e += 1 }
        return e
    }

    /// 10^e, exact for |e| ≤ 22.
    static func pow10(_ e: Int) -> Double {
        var r = 1.0
        if e >= 0 {
            for _ in 0..<min(e, 400) { r *= 10 }
        } else {
            for _ in 0..<min(-e, 400) { r *= 10 }
            r = 1 / r
        }
        return r
    }

    /// v rounded to n significant digits (scaling by an exact power of ten).
    static func roundSignificant(_ v: Double, _ n: Int) -> Double {
        guard v != 0, v.isFinite else { return v }
        let shift = n - 1 - magnitude(v)
        if shift >= 0 {
            let s = pow10(shift)
            return (v * s).rounded() / s
        } else {
            let s = pow10(-shift)
            return (v / s).rounded() * s
        }
    }

    /// Swift's shortest representation without a trailing `.0`.
    static func plain(_ v: Double) -> String {
        var s = v.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
