import TensorCore

/// Absolute error: ℓ = |e|, e = ŷ − y; derivative sign(e) (0 at e = 0).
///
/// The median's loss: robust to outliers, constant-size gradient.
/// Paper: "Loss Functions and Metrics in Deep Learning"; "A Comprehensive
/// Survey of Regression Based Loss Functions for Time Series Forecasting".
public struct L1Loss: PointwiseRegressionLoss {
    public static let info = LossInfo(
        id: "l1", family: .regression,
        summary: "Absolute error (MAE): robust to outliers, fits the median",
        formula: "ℓ = |e|, e = ŷ − y")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    func pointLoss(_ e: Double) -> (value: Double, derivative: Double) {
        (Swift.abs(e), e > 0 ? 1 : (e < 0 ? -1 : 0))
    }
}
