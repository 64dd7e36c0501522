import TensorCore

/// Comp-sum losses: with v = Σ_{k≠y} e^{z_k − z_y},
/// ℓ = log(1 + v) for τ = 1, else ((1 + v)^{1−τ} − 1)/(1 − τ).
///
/// One slider through the family: τ = 0 sum-exponential (v), τ = 1 cross-entropy,
/// 1 < τ < 2 GCE with q = τ − 1, τ = 2 MAE-like 1 − p_y. Since log(1 + v) = −log p_y,
/// ℓ = expm1((1 − τ)(−log p_y))/(1 − τ) and ∂ℓ/∂log p_y = −p_y^{τ−1}.
/// For τ < 1 the value grows like e^{(1−τ)·margin} and may overflow to +inf for
/// extreme margins (the engine then reports divergence).
/// Paper: "Cross-Entropy Loss Functions: Theoretical Analysis and Applications".
public struct CompSumLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "comp_sum", family: .classification,
        parameters: [
            LossParameter(
                "tau", default: 1, in: 0...2,
                "τ ∈ [0, 2]: 0 sum-exponential, 1 cross-entropy, (1, 2) GCE, 2 1 − p_y")
        ],
        summary: "Comp-sum family: τ slides sum-exponential → CE → GCE → MAE",
        formula: "ℓ = ((1+v)^{1−τ} − 1)/(1−τ), v = Σ_{k≠y} e^{z_k−z_y} (τ = 1: log(1+v))")

    public var info: LossInfo { Self.info }
    public let tau: Double

    public init(tau: Double = 1) { self.tau = tau }
    public init(parameters p: LossParameters, context: LossContext) { self.init(tau: p["tau"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let log1pv = -r.logPy
        if tau == 1 {
            if let g { r.writeGradient(g, dLogPy: -1) }
            return log1pv
        }
        if let g { r.writeGradient(g, dLogPy: -DMath.exp((tau - 1) * r.logPy)) }
        return DMath.expm1((1 - tau) * log1pv) / (1 - tau)
    }
}
