import TensorCore

/// Z-loss: ℓ = (1/a)·softplus(a(b − ẑ_y)), ẑ_y = (z_y − μ)/σ.
///
/// μ and σ are the mean and population standard deviation of the logits over the
/// classes (σ² floored at 1e−24), so the loss is invariant to shifting and
/// scaling the logits. a sets the sharpness, b the offset. Needs K ≥ 3 (for K = 2,
/// ẑ_y = ±1 is constant and the gradient vanishes).
/// Gradient: −σ(a(b − ẑ_y))·∂ẑ_y/∂z_j, ∂ẑ_y/∂z_j = (1[j=y] − 1/K)/σ − ẑ_y(z_j − μ)/(Kσ²)
/// (the second term is 0 where the variance floor is active).
/// Paper: "The Z-loss: a shift and scale invariant classification loss belonging
/// to the Spherical Family".
public struct ZLoss: RowwiseClassificationLoss {
    static var usesSoftmax: Bool { false }

    public static let info = LossInfo(
        id: "z_loss", family: .classification,
        parameters: [
            LossParameter("a", default: 1, in: 0...100, lowerOpen: true, "a > 0 (≤ 100): sharpness of the softplus"),
            LossParameter("b", default: 1, in: -10...10, "b ∈ [−10, 10]: offset the standardized label logit must pass"),
        ],
        summary: "Softplus of the standardized label logit: shift- and scale-invariant (K ≥ 3)",
        formula: "ℓ = (1/a)·softplus(a(b − ẑ_y)), ẑ_y = (z_y − mean z)/std z",
        minClasses: 3)

    public var info: LossInfo { Self.info }
    public let a: Double, b: Double

    public init(a: Double = 1, b: Double = 1) {
        self.a = a
        self.b = b
    }

    public init(parameters p: LossParameters, context: LossContext) { self.init(a: p["a"], b: p["b"]) }

    static let varianceFloor = 1e-24

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let k = Double(r.count)
        var mu = 0.0
        for j in 0..<r.count { mu += r.z[j] }
        mu /= k
        var variance = 0.0
        for j in 0..<r.count { variance += (r.z[j] - mu) * (r.z[j] - mu) }
        variance /= k
        let floored = variance < Self.varianceFloor
        let sigma = Swift.max(variance, Self.varianceFloor).squareRoot()
        let zhat = (r.z[r.label] - mu) / sigma
        let t = a * (b - zhat)
        if let g {
            let dz = -DMath.sigmoid(t)
            for j in 0..<r.count {
                var d = ((j == r.label ? 1 : 0) - 1 / k) / sigma
                if !floored { d -= zhat * (r.z[j] - mu) / (k * sigma * sigma) }
                g[j] = dz * d
            }
        }
        return DMath.softplus(t) / a
    }
}
