import TensorCore

/// Log-Taylor-softmax: ℓ = −log[(1 + z_y + z_y²/2) / Σ_k (1 + z_k + z_k²/2)].
///
/// The second-order Taylor expansion of e^z replaces the exponential (always
/// ≥ ½, so the ratio is a distribution); its tails are polynomial, not
/// exponential. Not shift-invariant: evaluated on the raw logits.
/// Gradient (1 + z_j)/Σ_k t_k − 1[j=y](1 + z_y)/t_y, t_k = 1 + z_k + z_k²/2.
/// Paper: "The Z-loss: a shift and scale invariant classification loss belonging
/// to the Spherical Family", where it is a baseline of the same family.
public struct TaylorSoftmaxLoss: RowwiseClassificationLoss {
    static var centersLogits: Bool { false }
    static var usesSoftmax: Bool { false }

    public static let info = LossInfo(
        id: "taylor_softmax", family: .classification,
        summary: "Cross-entropy of the second-order Taylor softmax (polynomial tails)",
        formula: "ℓ = −log[(1 + z_y + z_y²/2) / Σ_k (1 + z_k + z_k²/2)]")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    /// Probabilities shown for this loss: t_k / Σ_j t_j, t = 1 + z + z²/2.
    public func probabilities(_ logits: Tensor) -> Tensor {
        let k = logits.shape.last
        var out = logits.map { 1 + $0 + $0 * $0 / 2 }
        out.withUnsafeMutableBufferPointer { b in
            for r in 0..<(b.count / max(k, 1)) {
                var s: Float = 0
                for j in 0..<k { s += b[r * k + j] }
                for j in 0..<k { b[r * k + j] /= s }
            }
        }
        return out
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        var total = 0.0
        for k in 0..<r.count { total += 1 + r.z[k] + r.z[k] * r.z[k] / 2 }
        let zy = r.z[r.label]
        let ty = 1 + zy + zy * zy / 2
        if let g {
            for k in 0..<r.count { g[k] = (1 + r.z[k]) / total }
            g[r.label] -= (1 + zy) / ty
        }
        return DMath.log(total) - DMath.log(ty)
    }
}
