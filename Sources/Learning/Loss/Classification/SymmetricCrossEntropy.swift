import TensorCore

/// Symmetric cross-entropy: ℓ = α(−log p_y) + β·(−a)(1 − p_y).
///
/// Cross-entropy plus reverse cross-entropy −Σ_k p_k log 1[k=y] with log 0 := a,
/// which is −a(1 − p_y). α = 0.1, β = 1, a = −4 is the CIFAR-10 setting.
/// 1 − p_y = exp(log(1 − p_y)) (two-branch, see ``LogitRow``).
/// Paper: Wang et al. 2019 (not in the list), a baseline of "Label
/// Distributionally Robust Losses for Multi-class Classification".
public struct SymmetricCrossEntropyLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "sce", family: .classification,
        parameters: [
            LossParameter("alpha", default: 0.1, in: 0...100, "α ∈ [0, 100]: weight of cross-entropy"),
            LossParameter("beta", default: 1, in: 0...100, "β ∈ [0, 100]: weight of reverse cross-entropy"),
            LossParameter("a", default: -4, in: -20...0, "a ∈ [−20, 0]: the value taken for log 0"),
        ],
        summary: "Cross-entropy plus reverse cross-entropy −a(1 − p_y): noise-robust",
        formula: "ℓ = α(−log p_y) + β·(−a)(1 − p_y)")

    public var info: LossInfo { Self.info }
    public let alpha: Double, beta: Double, a: Double

    public init(alpha: Double = 0.1, beta: Double = 1, a: Double = -4) {
        self.alpha = alpha
        self.beta = beta
        self.a = a
    }

    public init(parameters p: LossParameters, context: LossContext) {
        self.init(alpha: p["alpha"], beta: p["beta"], a: p["a"])
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let reverse = -a * r.oneMinusPy
        if let g { r.writeGradient(g, dLogPy: -alpha, dLogOneMinusPy: beta * reverse) }
        return alpha * -r.logPy + beta * reverse
    }
}
