import TensorCore

/// Label noise on training labels (`label_noise`, `label_noise_kind`).
///
/// Exactly m = round(rate · N) of the N labels (half away from zero), at
/// positions chosen uniformly without replacement, are flipped:
/// symmetric c → a uniformly random class ≠ c; pair_flip c → (c + 1) mod K.
/// With K = 2 both kinds swap the two classes. Only training labels are
/// corrupted; the clean labels are kept (`DataSplit.cleanLabels`) and the test
/// split is never touched.
enum LabelNoise {
    /// The number of labels flipped out of `count`.
    static func flipCount(rate: Double, count: Int) -> Int { Int((rate * Double(count)).rounded()) }

    /// `labels` with `flipCount(rate:count:)` of them flipped.
    static func apply(
        to labels: [Int], classes k: Int, rate: Double, kind: LabelNoiseKind,
        rng: inout SeededRandom
    ) -> [Int] {
        let m = flipCount(rate: rate, count: labels.count)
        guard m > 0, k >= 2 else { return labels }
        var noisy = labels
        let order = rng.permutation(labels.count)
        for i in order.prefix(m) {
            let c = labels[i]
            switch kind {
            case .symmetric: noisy[i] = (c + 1 + rng.int(below: k - 1)) % k
            case .pairFlip: noisy[i] = (c + 1) % k
            }
        }
        return noisy
    }
}
