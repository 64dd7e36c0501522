import TensorCore

/// Brier score (squared error on probabilities): ℓ = Σ_k (p_k − 1[k=y])².
///
/// Evaluated as (1 − p_y)² + Σ_{k≠y} p_k² with 1 − p_y from the two-branch form
/// (see ``LogitRow``). Gradient 2p_j((p_j − 1[j=y]) − c), c = Σ_k (p_k − 1[k=y])p_k.
/// Bounded in [0, 2]: robust to label noise, slow to fit.
/// Paper: a baseline of "Label Distributionally Robust Losses for Multi-class
/// Classification: Consistency, Robustness and Adaptivity".
public struct BrierLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "brier", family: .classification,
        summary: "Squared error between the softmax and the one-hot label (Brier score)",
        formula: "ℓ = Σ_k (p_k − 1[k=y])²")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let q = r.oneMinusPy
        var others = 0.0
        for k in 0..<r.count where k != r.label { others += r.p[k] * r.p[k] }
        if let g {
            let c = others - r.p[r.label] * q  // Σ_k (p_k − 1[k=y]) p_k
            for k in 0..<r.count {
                let residual = k == r.label ? -q : r.p[k]
                g[k] = 2 * r.p[k] * (residual - c)
            }
        }
        return q * q + others
    }
}
