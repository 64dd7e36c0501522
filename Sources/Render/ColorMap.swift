import Platform

/// Colour maps for confidences and landscapes.
public enum ColorMap {
    /// TensorFlow Playground orange, `#f59322` (the negative class, t = −1).
    public static let orange = Color(hex: 0xf59322)
    /// TensorFlow Playground neutral grey, `#e8eaeb` (t = 0, no confidence).
    public static let neutral = Color(hex: 0xe8eaeb)
    /// TensorFlow Playground blue, `#0877bd` (the positive class, t = +1).
    public static let blue = Color(hex: 0x0877bd)

    /// The diverging orange–grey–blue map of TensorFlow Playground for t ∈ [−1, 1]:
    /// −1 → `#f59322`, 0 → `#e8eaeb`, +1 → `#0877bd`, linear in RGB between them.
    /// t is clamped; NaN gives the neutral grey.
    public static func diverging(_ t: Double) -> Color {
        guard !t.isNaN else { return neutral }
        let t = min(max(t, -1), 1)
        return t < 0 ? neutral.mixed(with: orange, -t) : neutral.mixed(with: blue, t)
    }

    /// matplotlib's viridis (perceptually uniform, CC0) sampled at 16 evenly spaced points;
    /// entry i is viridis(i / 15).
    public static let viridisAnchors: [Color] = [
        .rgb(68, 1, 84), .rgb(72, 26, 108), .rgb(71, 47, 125), .rgb(65, 68, 135),
        .rgb(57, 86, 140), .rgb(49, 104, 142), .rgb(42, 120, 142), .rgb(35, 136, 142),
        .rgb(31, 152, 139), .rgb(34, 168, 132), .rgb(53, 183, 121), .rgb(84, 197, 104),
        .rgb(122, 209, 81), .rgb(165, 219, 54), .rgb(210, 226, 27), .rgb(253, 231, 37),
    ]

    /// The sequential viridis map for t ∈ [0, 1] (dark purple → blue → green → yellow),
    /// linear in RGB between the 16 ``viridisAnchors``. t is clamped; NaN gives the t = 0 colour.
    public static func viridis(_ t: Double) -> Color {
        let anchors = viridisAnchors
        let t = t.isNaN ? 0 : min(max(t, 0), 1)
        let pos = t * Double(anchors.count - 1)
        let i = min(Int(pos), anchors.count - 2)
        return anchors[i].mixed(with: anchors[i + 1], pos - Double(i))
    }

    /// Five clearly distinct class hues (blue, orange, green, red, purple — matplotlib's
    /// tab10). Class k uses `classColors[k % 5]`.
    public static let classColors: [Color] = [
        Color(hex: 0x1f77b4), Color(hex: 0xff7f0e), Color(hex: 0x2ca02c),
        Color(hex: 0xd62728), Color(hex: 0x9467bd),
    ]

    /// Class `k`'s hue shaded by confidence: `background` at confidence 0, the full hue at 1
    /// (linear in RGB). Pass e.g. `(p_max − 1/K) / (1 − 1/K)` so chance level is grey.
    public static func classColor(_ k: Int, confidence: Double, background: Color = neutral) -> Color {
        let hue = classColors[((k % classColors.count) + classColors.count) % classColors.count]
        return background.mixed(with: hue, confidence)
    }

    /// Maps `value` to [0, 1] over [lo, hi], clamped; with `log: true` over
    /// [log10 lo, log10 hi] (values ≤ 0 go to 0; lo ≤ 0 is replaced by hi·10⁻⁶).
    /// Returns NaN for a non-finite value, 0.5 when lo == hi.
    public static func normalize(_ value: Double, lo: Double, hi: Double, log: Bool = false) -> Double {
        guard value.isFinite, lo.isFinite, hi.isFinite else { return .nan }
        var (v, a, b) = (value, lo, hi)
        if log {
            if b <= 0 { return 0 }
            if a <= 0 { a = b * 1e-6 }
            if v <= 0 { return 0 }
            (v, a, b) = (LibM.log10(v), LibM.log10(a), LibM.log10(b))
        }
        if a == b { return 0.5 }
        return min(max((v - a) / (b - a), 0), 1)
    }
}
