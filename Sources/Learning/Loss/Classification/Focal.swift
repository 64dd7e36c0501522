import TensorCore

/// Focal loss: ℓ = −(1 − p_y)^γ log p_y (no α, i.e. α_t = 1).
///
/// Down-weights well-classified examples; γ = 0 is cross-entropy. (1 − p_y)^γ is
/// computed as exp(γ·log(1 − p_y)) with the two-branch log(1 − p_y) of
/// ``LogitRow``, so value and gradient stay finite (and the gradient's factor
/// −log p_y, up to 2·10⁴ here, multiplies a term exactly proportional to p_y)
/// when p_y underflows or rounds to 1.
/// Paper: Lin et al. 2017 (not in the list), the baseline of "PolyLoss: A
/// Polynomial Expansion Perspective of Classification Loss Functions".
public struct FocalLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "focal", family: .classification,
        parameters: [LossParameter("gamma", default: 2, in: 0...10, "γ ∈ [0, 10]: focusing exponent; 0 is cross-entropy")],
        summary: "Cross-entropy scaled by (1 − p_y)^γ: easy examples count less",
        formula: "ℓ = −(1−p_y)^γ log p_y")

    public var info: LossInfo { Self.info }
    public let gamma: Double

    public init(gamma: Double = 2) { self.gamma = gamma }
    public init(parameters p: LossParameters, context: LossContext) { self.init(gamma: p["gamma"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let weight = DMath.exp(gamma * r.logOneMinusPy)  // (1 − p_y)^γ
        if let g {
            r.writeGradient(g, dLogPy: -weight, dLogOneMinusPy: -gamma * weight * r.logPy)
        }
        return -weight * r.logPy
    }
}
