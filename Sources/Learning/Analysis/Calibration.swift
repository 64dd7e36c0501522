import Platform
import TensorCore

/// One of the reliability diagram's bins: predictions whose confidence c falls in [lo, hi).
public struct ReliabilityBin: Sendable, Equatable {
    public let lo: Double, hi: Double
    public let count: Int
    /// Mean confidence of the bin's predictions (nil when empty).
    public let confidence: Double?
    /// Share of the bin's predictions that are correct (nil when empty).
    public let accuracy: Double?
}

/// Calibration of class probabilities p (the loss's own probability map) against labels,
/// as the calibration papers define it (Guo et al. 2017, "On Calibration of Modern Neural
/// Networks"):
/// - confidence c = max_k p_k, prediction = argmax_k p_k (ties: the first index);
/// - 15 equal-width bins, bin b = min(⌊c·15⌋, 14); per bin its count, mean confidence and accuracy;
/// - ECE = Σ_b (n_b/n)·|acc_b − conf_b|, MCE = max over non-empty bins of |acc_b − conf_b|;
/// - NLL = mean of −log(max(p_y, 1e−12)); Brier = mean of Σ_k (p_k − 1[k = y])².
/// Computed in Double. An empty split gives NaN for every mean and empty bins.
public struct Calibration: Sendable, Equatable {
    public static let binCount = 15

    public let n: Int
    public let accuracy: Double
    public let bins: [ReliabilityBin]
    public let ece: Double
    public let mce: Double
    public let nll: Double
    public let brier: Double
    /// The predicted class of each point.
    public let predictions: [Int]

    public init(probabilities p: Tensor, labels: [Int]) {
        let n = labels.count, k = n > 0 ? p.shape[1] : 0
        let ptr = p.pointer
        var count = [Int](repeating: 0, count: Self.binCount)
        var confidenceSum = [Double](repeating: 0, count: Self.binCount)
        var correctSum = [Int](repeating: 0, count: Self.binCount)
        var predictions: [Int] = []
        predictions.reserveCapacity(n)
        var nll = 0.0, brier = 0.0, correct = 0
        for (i, y) in labels.enumerated() {
            var best = 0
            for j in 1..<max(k, 1) where ptr[i * k + j] > ptr[i * k + best] { best = j }
            predictions.append(best)
            let c = Double(ptr[i * k + best])
            let b = binIndex(c * Double(Self.binCount), count: Self.binCount) ?? 0
            count[b] += 1
            confidenceSum[b] += c
            if best == y { correctSum[b] += 1; correct += 1 }
            nll -= LibM.log(max(Double(ptr[i * k + y]), 1e-12))
            for j in 0..<k {
                let d = Double(ptr[i * k + j]) - (j == y ? 1 : 0)
                brier += d * d
            }
        }
        var ece = 0.0, mce = 0.0
        var bins: [ReliabilityBin] = []
        for b in 0..<Self.binCount {
            let lo = Double(b) / Double(Self.binCount), hi = Double(b + 1) / Double(Self.binCount)
            guard count[b] > 0 else {
                bins.append(ReliabilityBin(lo: lo, hi: hi, count: 0, confidence: nil, accuracy: nil))
                continue
            }
            let conf = confidenceSum[b] / Double(count[b]), acc = Double(correctSum[b]) / Double(count[b])
            bins.append(ReliabilityBin(lo: lo, hi: hi, count: count[b], confidence: conf, accuracy: acc))
            ece += Double(count[b]) / Double(n) * abs(acc - conf)
            mce = max(mce, abs(acc - conf))
        }
        self.n = n
        self.bins = bins
        self.predictions = predictions
        accuracy = n > 0 ? Double(correct) / Double(n) : .nan
        self.ece = n > 0 ? ece : .nan
        self.mce = n > 0 ? mce : .nan
        self.nll = n > 0 ? nll / Double(n) : .nan
        self.brier = n > 0 ? brier / Double(n) : .nan
    }
}
