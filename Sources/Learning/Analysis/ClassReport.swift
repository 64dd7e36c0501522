import TensorCore

/// Per-class results of predictions against labels: the confusion matrix (rows = label,
/// columns = prediction), per-class accuracy (diagonal / row sum; nil for a class absent
/// from the labels) and balanced accuracy (the mean of the per-class accuracies over the
/// classes present) — the numbers the long-tail papers (logit adjustment, LDAM) report.
public struct ClassReport: Sendable, Equatable {
    public let confusion: [[Int]]
    public let perClassAccuracy: [Double?]
    public let balancedAccuracy: Double

    public init(predictions: [Int], labels: [Int], classes k: Int) {
        var m = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (p, y) in zip(predictions, labels) where p >= 0 && p < k && y >= 0 && y < k { m[y][p] += 1 }
        confusion = m
        perClassAccuracy = (0..<k).map { c in
            let total = m[c].reduce(0, +)
            return total > 0 ? Double(m[c][c]) / Double(total) : nil
        }
        let present = perClassAccuracy.compactMap { $0 }
        balancedAccuracy = present.isEmpty ? .nan : present.reduce(0, +) / Double(present.count)
    }
}

/// Logit margins: z_y − max_{k≠y} z_k per point, on the network's output logits (before any
/// loss-specific adjustment such as logit_adjusted's prior or LDAM's Δ). Positive: correct
/// with room to spare (the encouraging loss and the margin papers argue about this).
public enum LogitMargins {
    public static func of(logits z: Tensor, labels: [Int]) -> [Double] {
        guard !labels.isEmpty else { return [] }
        let k = z.shape[1], ptr = z.pointer
        return labels.enumerated().map { i, y in
            var rival = -Double.infinity
            for j in 0..<k where j != y { rival = max(rival, Double(ptr[i * k + j])) }
            return Double(ptr[i * k + y]) - rival
        }
    }

    /// min, median (the mean of the two middle values for an even count) and mean; NaN when empty.
    public static func summary(_ m: [Double]) -> (min: Double, median: Double, mean: Double) {
        guard !m.isEmpty else { return (.nan, .nan, .nan) }
        let s = m.sorted()
        let mid = s.count / 2
        let median = s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
        return (s[0], median, m.reduce(0, +) / Double(m.count))
    }
}

/// Residuals ŷ − y of a regression split: MAE, RMSE and a histogram.
public struct ResidualReport: Sendable, Equatable {
    public let n: Int
    public let mae: Double
    public let rmse: Double
    /// Bin edges (bins + 1 of them, equal width over [min, max] of the residuals).
    public let edges: [Double]
    public let counts: [Int]
    public static let bins = 20

    public init(predictions: Tensor, targets: [Float]) {
        let e = targets.indices.map { Double(predictions.pointer[$0]) - Double(targets[$0]) }
        n = e.count
        mae = n > 0 ? e.map(abs).reduce(0, +) / Double(n) : .nan
        rmse = n > 0 ? (e.map { $0 * $0 }.reduce(0, +) / Double(n)).squareRoot() : .nan
        let finite = e.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else {
            edges = []
            counts = []
            return
        }
        let width = hi > lo ? (hi - lo) / Double(Self.bins) : 1
        edges = (0...Self.bins).map { $0 == Self.bins && hi > lo ? hi : lo + Double($0) * width }
        var c = [Int](repeating: 0, count: Self.bins)
        // (a width that underflows to 0 gives ±inf, or NaN at x = lo)
        for x in finite { c[binIndex((x - lo) / width, count: Self.bins) ?? 0] += 1 }
        counts = c
    }
}
