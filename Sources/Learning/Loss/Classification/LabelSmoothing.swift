import TensorCore

/// Label smoothing: ℓ = (1 − ε)(−log p_y) + ε·mean_k(−log p_k).
///
/// Cross-entropy against the target (1 − ε)·e_y + ε/K; equals PyTorch's
/// `cross_entropy(label_smoothing: ε)` without class weights (with weights the
/// batch rule Σ w_{y_i} ℓ_i / Σ w_{y_i} applies to this per-example value).
/// mean_k(−log p_k) = logsumexp(z) − mean_k z_k; gradient p − (1 − ε)e_y − ε/K.
/// ε = 0 is cross-entropy. A standard comparator, not named in the reading list;
/// the repository of "Well-classified Examples are Underestimated in
/// Classification with Deep Neural Networks" ships a smoothed variant.
public struct LabelSmoothingLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "label_smoothing", family: .classification,
        parameters: [
            LossParameter(
                "epsilon", default: 0.1, in: 0...1, upperOpen: true,
                "ε ∈ [0, 1): mass moved from the label to the uniform distribution")
        ],
        summary: "Cross-entropy against a label softened towards uniform",
        formula: "ℓ = (1−ε)(−log p_y) + ε·mean_k(−log p_k)")

    public var info: LossInfo { Self.info }
    public let epsilon: Double

    public init(epsilon: Double = 0.1) { self.epsilon = epsilon }
    public init(parameters p: LossParameters, context: LossContext) { self.init(epsilon: p["epsilon"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let k = Double(r.count)
        var meanZ = 0.0
        for j in 0..<r.count { meanZ += r.z[j] }
        meanZ /= k
        if let g {
            r.writeGradient(g, dLogPy: -(1 - epsilon))
            for j in 0..<r.count { g[j] += epsilon * (r.p[j] - 1 / k) }
        }
        return (1 - epsilon) * -r.logPy + epsilon * (r.logSumExp - meanZ)
    }
}
