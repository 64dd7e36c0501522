import TensorCore

/// Huber loss: ℓ = ½e² if |e| ≤ δ, else δ(|e| − ½δ) (= PyTorch's HuberLoss).
///
/// Quadratic near zero, linear beyond δ: MSE's efficiency with L1's robustness.
/// Derivative e (|e| ≤ δ) or δ·sign(e).
/// Paper: "Loss Functions and Metrics in Deep Learning"; "A Comprehensive
/// Survey of Regression Based Loss Functions for Time Series Forecasting".
public struct HuberLoss: PointwiseRegressionLoss {
    public static let info = LossInfo(
        id: "huber", family: .regression,
        parameters: [LossParameter("delta", default: 1, in: 0...100, lowerOpen: true, "δ > 0 (≤ 100): where quadratic turns linear")],
        summary: "Huber: squared error for small errors, linear (slope δ) for large ones",
        formula: "ℓ = ½e² if |e| ≤ δ, else δ(|e| − ½δ)")

    public var info: LossInfo { Self.info }
    public let delta: Double

    public init(delta: Double = 1) { self.delta = delta }
    public init(parameters p: LossParameters, context: LossContext) { self.init(delta: p["delta"]) }

    func pointLoss(_ e: Double) -> (value: Double, derivative: Double) {
        let a = Swift.abs(e)
        if a <= delta { return (0.5 * e * e, e) }
        return (delta * (a - 0.5 * delta), e > 0 ? delta : -delta)
    }
}
