import TensorCore

/// The variable a loss-shape curve is drawn against. Each is a path through
/// logit space z(x), stated in the panel and in `losscape inspect --json`, so
/// ℓ(z(x)) and dℓ/dx along it are exactly what is plotted.
public enum LossCurveVariable: String, Sendable, CaseIterable {
    /// Softmax p_y: z_y = log p_y, z_k = log((1 − p_y)/(K − 1)) for the other classes.
    case probability = "p_y"
    /// The logit margin t: z_y = t, every other logit 0 (label y = 0).
    case margin = "margin"
    /// z_loss's standardised label logit ẑ_y over its reachable range ±√(K − 1).
    case standardizedLogit = "z_hat"
    /// Taylor-softmax p_y: z_y = t ≥ −1, other logits 0.
    case taylorProbability = "taylor_p_y"
    /// Sparsemax p_y: z_y = t ∈ [−1/(K − 1), 1], other logits 0.
    case sparsemaxProbability = "sparsemax_p_y"
    /// Regression residual e = ŷ − y (target 0).
    case residual = "residual"
    /// Cos-head losses: the angle θ_y (radians) between a point's embedding and its class vector w_0,
    /// the other class vectors at fixed angles α_k from w_0: cos θ_k = cos(θ_y − α_k).
    case angle = "theta_y"
    /// Pair losses: the distance d between unit embeddings of an anchor and a positive (the loss
    /// curve) or a negative (the second curve) on the unit circle, d ∈ [0, 2].
    case pairDistance = "distance"

    /// The axis name in the panel: "p_y", "margin t", "ẑ_y", …
    public var axisName: String {
        switch self {
        case .probability: return "p_y"
        case .margin: return "margin t"
        case .standardizedLogit: return "ẑ_y"
        case .taylorProbability: return "Taylor p_y"
        case .sparsemaxProbability: return "sparsemax p_y"
        case .residual: return "e"
        case .angle: return "θ_y (rad)"
        case .pairDistance: return "pair distance d"
        }
    }

    /// The derivative's name: "dℓ/dp_y", "dℓ/dt", …
    public var derivativeName: String {
        switch self {
        case .probability, .taylorProbability, .sparsemaxProbability: return "dℓ/dp_y"
        case .margin: return "dℓ/dt"
        case .standardizedLogit: return "dℓ/dẑ_y"
        case .residual: return "dℓ/de"
        case .angle: return "dℓ/dθ_y"
        case .pairDistance: return "dℓ/dd"
        }
    }
}

/// A path x ↦ z(x) through logit space for K classes (label 0), with its
/// tangent dz/dx; the derivative of ℓ along the path is ∇_z ℓ · dz/dx.
struct LossCurvePath {
    let variable: LossCurveVariable
    let classes: Int
    /// The x samples.
    let xs: [Double]
    /// `.angle`: the class vectors' angles α_k from w_0 (α_0 = 0).
    var angles: [Double] = []

    /// The logits at x.
    func logits(_ x: Double) -> [Double] {
        let k = classes
        switch variable {
        case .probability:
            return [DMath.log(x)] + Array(repeating: DMath.log((1 - x) / Double(k - 1)), count: k - 1)
        case .margin:
            return [x] + Array(repeating: 0, count: k - 1)
        case .taylorProbability:
            return [Self.taylorLogit(x, classes: k)] + Array(repeating: 0, count: k - 1)
        case .sparsemaxProbability:
            return [(Double(k) * x - 1) / Double(k - 1)] + Array(repeating: 0, count: k - 1)
        case .standardizedLogit:
            let (others, _) = Self.standardizedOthers(x, classes: k)
            return [x] + others
        case .residual:
            return [x]
        case .angle:
            return angles.map { DMath.cos(x - $0) }
        case .pairDistance:
            preconditionFailure("pair curves are evaluated per anchor, not along logits")
        }
    }

    /// dz/dx at x.
    func tangent(_ x: Double) -> [Double] {
        let k = classes
        switch variable {
        case .probability:
            return [1 / x] + Array(repeating: -1 / (1 - x), count: k - 1)
        case .margin, .residual:
            return [1] + Array(repeating: 0, count: max(k - 1, 0))
        case .taylorProbability:
            // t = −1 + √(2f − 1), f = x(K − 1)/(1 − x): dt/dx = f′/√(2f − 1), f′ = (K − 1)/(1 − x)²
            let f = x * Double(k - 1) / (1 - x)
            let df = Double(k - 1) / ((1 - x) * (1 - x))
            return [df / (2 * f - 1).squareRoot()] + Array(repeating: 0, count: k - 1)
        case .sparsemaxProbability:
            return [Double(k) / Double(k - 1)] + Array(repeating: 0, count: k - 1)
        case .standardizedLogit:
            return [1] + Self.standardizedOthers(x, classes: k).tangent
        case .angle:
            return angles.map { -DMath.sin(x - $0) }
        case .pairDistance:
            preconditionFailure("pair curves are evaluated per anchor, not along logits")
        }
    }

    /// Taylor softmax with z = (t, 0, …, 0): p_y = f(t)/(f(t) + K − 1), f(t) = 1 + t + t²/2;
    /// on the branch t ≥ −1, t = −1 + √(2f − 1) with f = p_y(K − 1)/(1 − p_y).
    static func taylorLogit(_ p: Double, classes k: Int) -> Double {
        let f = p * Double(k - 1) / (1 - p)
        return -1 + (Swift.max(2 * f - 1, 0)).squareRoot()
    }

    /// The lowest Taylor p_y on the path (t = −1, f = ½): ½/(½ + K − 1).
    static func taylorMinimum(classes k: Int) -> Double { 0.5 / (0.5 + Double(k - 1)) }

    /// The other K − 1 logits of a standardised vector (mean 0, population
    /// variance 1) whose label entry is x: −x/m + d·v with m = K − 1, v a fixed
    /// unit vector orthogonal to 1 in their subspace, d = √(K(1 − x²/m)).
    static func standardizedOthers(_ x: Double, classes k: Int) -> (values: [Double], tangent: [Double]) {
        let m = Double(k - 1)
        let d = Swift.max(Double(k) * (1 - x * x / m), 0).squareRoot()
        let dd = d > 0 ? -Double(k) * x / (m * d) : 0
        // v = (m − 1, −1, …, −1)/‖·‖
        let norm = ((m - 1) * (m - 1) + (m - 1)).squareRoot()
        let v = (0..<(k - 1)).map { i in norm > 0 ? (i == 0 ? (m - 1) / norm : -1 / norm) : 0 }
        return (v.map { -x / m + d * $0 }, v.map { -1 / m + dd * $0 })
    }
}
