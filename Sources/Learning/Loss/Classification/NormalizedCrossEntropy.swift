import TensorCore

/// Active–passive losses built on normalized cross-entropy
/// NCE = (−log p_y)/(−Σ_k log p_k) (= L/S with L = log p_y, S = Σ_k log p_k):
/// - `nce_rce`: ℓ = α·NCE + β·(−a)(1 − p_y)  (passive part: reverse cross-entropy)
/// - `nce_mae`: ℓ = α·NCE + β·2(1 − p_y)     (passive part: MAE)
///
/// NCE's gradient is (e_y − p)/S − L(1 − K·p)/S² (∂S/∂z_j = 1 − K p_j). For K = 2
/// and margin m = z_y − z_other, nce_mae = softplus(−m)/(softplus(−m) + softplus(m)) + 2β·σ(−m) (α = 1).
/// Paper: "Normalized Loss Functions for Deep Learning with Noisy Labels".
public struct NormalizedCrossEntropyLoss: RowwiseClassificationLoss {
    /// The passive term added to α·NCE.
    public enum Passive: Sendable {
        /// β·(−a)(1 − p_y)
        case reverseCrossEntropy(a: Double)
        /// β·2(1 − p_y)
        case meanAbsoluteError
    }

    public static let rceInfo = LossInfo(
        id: "nce_rce", family: .classification,
        parameters: [
            LossParameter("alpha", default: 1, in: 0...100, "α ∈ [0, 100]: weight of normalized cross-entropy"),
            LossParameter("beta", default: 1, in: 0...100, "β ∈ [0, 100]: weight of reverse cross-entropy"),
            LossParameter("a", default: -4, in: -20...0, "a ∈ [−20, 0]: the value taken for log 0"),
        ],
        summary: "Normalized cross-entropy + reverse cross-entropy (active–passive, noise-robust)",
        formula: "ℓ = α·(−log p_y)/(−Σ_k log p_k) + β·(−a)(1 − p_y)")

    public static let maeInfo = LossInfo(
        id: "nce_mae", family: .classification,
        parameters: [
            LossParameter("alpha", default: 1, in: 0...100, "α ∈ [0, 100]: weight of normalized cross-entropy"),
            LossParameter("beta", default: 1, in: 0...100, "β ∈ [0, 100]: weight of MAE"),
        ],
        summary: "Normalized cross-entropy + MAE (active–passive, noise-robust)",
        formula: "ℓ = α·(−log p_y)/(−Σ_k log p_k) + β·2(1 − p_y)")

    public var info: LossInfo {
        if case .meanAbsoluteError = passive { return Self.maeInfo }
        return Self.rceInfo
    }

    public let alpha: Double, beta: Double
    public let passive: Passive

    public init(alpha: Double = 1, beta: Double = 1, passive: Passive) {
        self.alpha = alpha
        self.beta = beta
        self.passive = passive
    }

    /// nce_rce from its parameters (alpha, beta, a).
    public static func rce(parameters p: LossParameters, context: LossContext) -> Self {
        Self(alpha: p["alpha"], beta: p["beta"], passive: .reverseCrossEntropy(a: p["a"]))
    }

    /// nce_mae from its parameters (alpha, beta).
    public static func mae(parameters p: LossParameters, context: LossContext) -> Self {
        Self(alpha: p["alpha"], beta: p["beta"], passive: .meanAbsoluteError)
    }

    /// The passive term's coefficient c in β·c·(1 − p_y).
    private var passiveScale: Double {
        switch passive {
        case .reverseCrossEntropy(let a): return -a
        case .meanAbsoluteError: return 2
        }
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        var s = 0.0
        for k in 0..<r.count { s += r.logp[k] }
        let l = r.logPy
        let passiveValue = beta * passiveScale * r.oneMinusPy
        if let g {
            r.writeGradient(g, dLogPy: alpha / s, dLogOneMinusPy: passiveValue)
            let c = alpha * l / (s * s)
            let k = Double(r.count)
            for j in 0..<r.count { g[j] -= c * (1 - k * r.p[j]) }
        }
        return alpha * l / s + passiveValue
    }
}
