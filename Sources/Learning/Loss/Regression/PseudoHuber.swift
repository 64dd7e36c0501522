import TensorCore

/// Pseudo-Huber: ℓ = δ²(√(1 + (e/δ)²) − 1).
///
/// A smooth Huber: ≈ ½e² near zero, ≈ δ|e| far out. Evaluated as e²/(√(1 + (e/δ)²) + 1)
/// (no cancellation for small e); derivative e/√(1 + (e/δ)²).
/// Paper: "Improving Diffusion Models's Data-Corruption Resistance using Scheduled
/// Pseudo-Huber Loss".
public struct PseudoHuberLoss: PointwiseRegressionLoss {
    public static let info = LossInfo(
        id: "pseudo_huber", family: .regression,
        parameters: [LossParameter("delta", default: 1, in: 1e-3...100, "δ ∈ [0.001, 100]: scale of the quadratic zone")],
        summary: "Pseudo-Huber: a smooth Huber, quadratic near 0 and linear (slope δ) far out",
        formula: "ℓ = δ²(√(1 + (e/δ)²) − 1)")

    public var info: LossInfo { Self.info }
    public let delta: Double

    public init(delta: Double = 1) { self.delta = delta }
    public init(parameters p: LossParameters, context: LossContext) { self.init(delta: p["delta"]) }

    func pointLoss(_ e: Double) -> (value: Double, derivative: Double) {
        let r = (1 + (e / delta) * (e / delta)).squareRoot()
        return (e * e / (r + 1), e / r)
    }
}
