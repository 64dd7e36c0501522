import TensorCore

/// Mean squared error: ℓ = e², e = ŷ − y.
public struct MeanSquaredErrorLoss: LossFunction {
    public static let info = LossInfo(
        id: "mse", family: .regression,
        summary: "Squared error; the mean is the Gaussian negative log-likelihood up to constants",
        formula: "ℓ = e², e = ŷ − y")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    public func perExample(_ yhat: Variable, _ targets: LossTargets) -> Variable {
        (yhat.reshaped([yhat.shape.count]) - yhat.constant(targets.values)).square()
    }
}
