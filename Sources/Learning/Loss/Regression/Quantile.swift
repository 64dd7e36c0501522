import TensorCore

/// Quantile (pinball) loss: ℓ = max(q·(y − ŷ), (q − 1)·(y − ŷ)).
///
/// Its minimizer is the q-quantile of y: under-prediction costs q per unit,
/// over-prediction 1 − q; q = ½ is |e|/2. Derivative with respect to ŷ: −q when
/// ŷ < y, 1 − q when ŷ > y, ½ − q at e = 0 (PyTorch's maximum splits a tie).
/// Paper: "Loss Functions and Metrics in Deep Learning"; "A Comprehensive
/// Survey of Regression Based Loss Functions for Time Series Forecasting".
public struct QuantileLoss: PointwiseRegressionLoss {
    public static let info = LossInfo(
        id: "quantile", family: .regression,
        parameters: [
            LossParameter(
                "q", default: 0.5, in: 0...1, lowerOpen: true, upperOpen: true,
                "q ∈ (0, 1): the quantile fitted")
        ],
        summary: "Pinball loss: fits the q-quantile (q = 0.5 is the median)",
        formula: "ℓ = max(q·(y − ŷ), (q − 1)·(y − ŷ))")

    public var info: LossInfo { Self.info }
    public let q: Double

    public init(q: Double = 0.5) { self.q = q }
    public init(parameters p: LossParameters, context: LossContext) { self.init(q: p["q"]) }

    func pointLoss(_ e: Double) -> (value: Double, derivative: Double) {
        let r = -e  // y − ŷ
        if e < 0 { return (q * r, -q) }
        if e > 0 { return ((q - 1) * r, 1 - q) }
        return (0, 0.5 - q)
    }
}
