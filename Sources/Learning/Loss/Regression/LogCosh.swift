import TensorCore

/// Log-cosh: ℓ = log cosh e, evaluated as |e| + log1p(e^{−2|e|}) − log 2 (no overflow).
///
/// ≈ ½e² near zero and |e| − log 2 far out; derivative tanh(e).
/// Paper: "Loss Functions and Metrics in Deep Learning"; "A Comprehensive
/// Survey of Regression Based Loss Functions for Time Series Forecasting".
public struct LogCoshLoss: PointwiseRegressionLoss {
    public static let info = LossInfo(
        id: "log_cosh", family: .regression,
        summary: "log cosh of the error: smooth, quadratic near 0 and linear far out",
        formula: "ℓ = log cosh e")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    func pointLoss(_ e: Double) -> (value: Double, derivative: Double) {
        let a = Swift.abs(e)
        return (a + DMath.log1p(DMath.exp(-2 * a)) - DMath.log2, DMath.tanh(e))
    }
}
