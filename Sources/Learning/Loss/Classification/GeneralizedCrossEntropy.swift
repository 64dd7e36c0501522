import TensorCore

/// Generalized cross-entropy (L_q): ℓ = (1 − p_y^q)/q.
///
/// Interpolates cross-entropy (q → 0) and MAE-like 1 − p_y (q = 1). Computed as
/// −expm1(q·log p_y)/q, accurate for p_y near 1; gradient −p_y^q·(e_y − p).
/// Paper: Zhang & Sabuncu 2018 (not in the list), analysed inside the comp-sum
/// family of "Cross-Entropy Loss Functions: Theoretical Analysis and Applications".
public struct GeneralizedCrossEntropyLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "gce", family: .classification,
        parameters: [
            LossParameter(
                "q", default: 0.7, in: 0...1, lowerOpen: true,
                "q ∈ (0, 1]: 0 → cross-entropy, 1 → 1 − p_y")
        ],
        summary: "Generalized cross-entropy (1 − p_y^q)/q: between CE and MAE, noise-robust",
        formula: "ℓ = (1 − p_y^q)/q")

    public var info: LossInfo { Self.info }
    public let q: Double

    public init(q: Double = 0.7) { self.q = q }
    public init(parameters p: LossParameters, context: LossContext) { self.init(q: p["q"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        if let g { r.writeGradient(g, dLogPy: -DMath.exp(q * r.logPy)) }
        return -DMath.expm1(q * r.logPy) / q
    }
}
