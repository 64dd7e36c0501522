import TensorCore

/// Smooth L1: ℓ = ½e²/β if |e| < β, else |e| − ½β (= PyTorch's SmoothL1Loss).
///
/// Huber divided by β: the linear part has slope 1 for every β (β → 0 is L1).
/// Derivative e/β (|e| < β) or sign(e).
/// Paper: Fast R-CNN (Girshick 2015, not in the list); a member of the Huber family in
/// "Loss Functions and Metrics in Deep Learning".
public struct SmoothL1Loss: PointwiseRegressionLoss {
    public static let info = LossInfo(
        id: "smooth_l1", family: .regression,
        parameters: [LossParameter("beta", default: 1, in: 0...100, lowerOpen: true, "β > 0 (≤ 100): width of the quadratic zone")],
        summary: "Smooth L1: Huber rescaled so the linear part has slope 1",
        formula: "ℓ = ½e²/β if |e| < β, else |e| − ½β")

    public var info: LossInfo { Self.info }
    public let beta: Double

    public init(beta: Double = 1) { self.beta = beta }
    public init(parameters p: LossParameters, context: LossContext) { self.init(beta: p["beta"]) }

    func pointLoss(_ e: Double) -> (value: Double, derivative: Double) {
        let a = Swift.abs(e)
        if a < beta { return (0.5 * e * e / beta, e / beta) }
        return (a - 0.5 * beta, e > 0 ? 1 : -1)
    }
}
