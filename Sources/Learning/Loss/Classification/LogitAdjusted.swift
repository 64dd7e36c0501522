import TensorCore

/// Logit-adjusted cross-entropy: ℓ = −log softmax(z + τ·log π)_y.
///
/// π are the training class frequencies of the labels as trained (after label
/// noise), from ``LossContext/classCounts``; adding τ·log π makes rare classes
/// win only with a larger margin, which balances the errors. τ = 0 is cross-entropy.
/// The adjustment is added after subtracting the row max. A class absent from
/// training counts as 1 (so its log π stays finite); without counts (or with counts
/// for another number of classes) π is uniform, which is plain cross-entropy.
/// Paper: "Long-Tailed Recognition by Mutual Information Maximization between
/// Latent Features and Ground-Truth Labels".
public struct LogitAdjustedLoss: RowwiseClassificationLoss {
    static var usesSoftmax: Bool { false }

    public static let info = LossInfo(
        id: "logit_adjusted", family: .classification,
        parameters: [LossParameter("tau", default: 1, in: 0...5, "τ ∈ [0, 5]: strength of the log-prior adjustment")],
        summary: "Cross-entropy on logits shifted by τ·log(class prior): balances long-tailed classes",
        formula: "ℓ = −log softmax(z + τ·log π)_y, π = training class frequencies")

    public var info: LossInfo { Self.info }
    public let tau: Double
    /// log π_c for each class (empty: uniform).
    public let logPriors: [Double]

    public init(tau: Double = 1, classCounts: [Int] = []) {
        self.tau = tau
        let n = classCounts.map { Double(Swift.max($0, 1)) }
        let total = n.reduce(0, +)
        logPriors = n.map { DMath.log($0 / total) }
    }

    public init(parameters p: LossParameters, context: LossContext) {
        self.init(tau: p["tau"], classCounts: context.classCounts)
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let w = r.work
        let adjusted = logPriors.count == r.count
        for k in 0..<r.count { w[k] = r.z[k] + (adjusted ? tau * logPriors[k] : 0) }
        return r.crossEntropy(of: w, gradient: g)
    }
}
