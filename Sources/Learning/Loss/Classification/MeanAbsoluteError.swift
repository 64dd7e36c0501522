import TensorCore

/// MAE on probabilities: ℓ = Σ_k |p_k − 1[k=y]| = 2(1 − p_y).
///
/// Symmetric (Σ_y ℓ is constant), hence robust to symmetric label noise, but its
/// gradient vanishes on badly misclassified examples, so it underfits.
/// 1 − p_y = exp(log(1 − p_y)) (two-branch, see ``LogitRow``).
/// Paper: "Normalized Loss Functions for Deep Learning with Noisy Labels";
/// also "Cross-Entropy Loss Functions: Theoretical Analysis and Applications".
public struct MeanAbsoluteErrorLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "mae", family: .classification,
        summary: "Absolute error between the softmax and the one-hot label: noise-robust, slow",
        formula: "ℓ = Σ_k |p_k − 1[k=y]| = 2(1 − p_y)")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let q = r.oneMinusPy
        if let g { r.writeGradient(g, dLogPy: 0, dLogOneMinusPy: 2 * q) }
        return 2 * q
    }
}
