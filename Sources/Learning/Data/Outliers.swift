import TensorCore

/// Outliers in regression targets (`outliers`).
///
/// Exactly m = round(fraction · N) training targets (half away from zero), at
/// positions chosen uniformly without replacement, become y ← y + s·U(3, 6)
/// with a random sign s = ±1: far off the curve (the clean targets span about
/// ±1 for sine, ±3.9 for plane) but on the plot's scale. Test targets stay clean.
enum Outliers {
    static let minOffset = 3.0, maxOffset = 6.0

    /// The number of outliers among `count` targets.
    static func count(fraction: Double, of count: Int) -> Int { Int((fraction * Double(count)).rounded()) }

    /// `targets` with outliers; `indices` reports which ones moved.
    static func apply(to targets: [Float], fraction: Double, rng: inout SeededRandom) -> (targets: [Float], indices: [Int]) {
        let m = count(fraction: fraction, of: targets.count)
        guard m > 0 else { return (targets, []) }
        var out = targets
        let chosen = Array(rng.permutation(targets.count).prefix(m))
        for i in chosen {
            let sign: Double = rng.int(below: 2) == 0 ? 1 : -1
            out[i] = Float(Double(targets[i]) + sign * rng.uniform(minOffset, maxOffset))
        }
        return (out, chosen)
    }
}
