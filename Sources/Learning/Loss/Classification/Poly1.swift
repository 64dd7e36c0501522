import TensorCore

/// Poly-1: ℓ = −log p_y + ε(1 − p_y).
///
/// The first polynomial term of cross-entropy's expansion in (1 − p_y), with its
/// coefficient raised by ε; ε = 0 is cross-entropy, ε = −1 the smallest value that
/// keeps ℓ decreasing in p_y. 1 − p_y = exp(log(1 − p_y)) (two-branch, see ``LogitRow``).
/// Paper: "PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions".
public struct Poly1Loss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "poly1", family: .classification,
        parameters: [LossParameter("epsilon", default: 1, in: -1...10, "ε ∈ [−1, 10]: extra weight of the (1 − p_y) term")],
        summary: "Cross-entropy plus ε(1 − p_y): the leading polynomial term reweighted",
        formula: "ℓ = −log p_y + ε(1−p_y)")

    public var info: LossInfo { Self.info }
    public let epsilon: Double

    public init(epsilon: Double = 1) { self.epsilon = epsilon }
    public init(parameters p: LossParameters, context: LossContext) { self.init(epsilon: p["epsilon"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let q = r.oneMinusPy
        if let g { r.writeGradient(g, dLogPy: -1, dLogOneMinusPy: epsilon * q) }
        return -r.logPy + epsilon * q
    }
}

/// Poly-1 focal: ℓ = −(1 − p_y)^γ log p_y + ε(1 − p_y)^(γ+1).
///
/// Focal loss with its leading polynomial term reweighted; γ = ε = 0 is
/// cross-entropy. Powers of 1 − p_y are exp(γ·log(1 − p_y)) (two-branch, see ``LogitRow``).
/// Paper: "PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions".
public struct Poly1FocalLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "poly1_focal", family: .classification,
        parameters: [
            LossParameter("gamma", default: 2, in: 0...10, "γ ∈ [0, 10]: focusing exponent"),
            LossParameter("epsilon", default: 1, in: -1...10, "ε ∈ [−1, 10]: extra weight of the (1 − p_y)^(γ+1) term"),
        ],
        summary: "Focal loss plus ε(1 − p_y)^(γ+1)",
        formula: "ℓ = −(1−p_y)^γ log p_y + ε(1−p_y)^(γ+1)")

    public var info: LossInfo { Self.info }
    public let gamma: Double, epsilon: Double

    public init(gamma: Double = 2, epsilon: Double = 1) {
        self.gamma = gamma
        self.epsilon = epsilon
    }

    public init(parameters p: LossParameters, context: LossContext) {
        self.init(gamma: p["gamma"], epsilon: p["epsilon"])
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let u = r.logOneMinusPy
        let focal = DMath.exp(gamma * u), poly = DMath.exp((gamma + 1) * u)
        if let g {
            r.writeGradient(
                g, dLogPy: -focal,
                dLogOneMinusPy: -gamma * focal * r.logPy + epsilon * (gamma + 1) * poly)
        }
        return -focal * r.logPy + epsilon * poly
    }
}
