import TensorCore

/// Smooth margin losses on m = z_y − max_{k≠y} z_k (ties in the max send the
/// gradient to the first maximal index):
/// - `exponential`: ℓ = exp(−m) (AdaBoost's loss; overflows to +inf for margins
///   below about −709 in Double, −88 once stored as Float: the engine then reports divergence)
/// - `modified_huber`: ℓ = max(0, 1 − m)² for m ≥ −1, else −4m (quadratic near the
///   margin, linear for badly wrong examples)
///
/// Paper: binary margin losses in "From Softmax to Sparsemax: A Sparse Model of
/// Attention and Multi-Label Classification" and "EnsLoss: Stochastic
/// Calibrated Loss Ensembles for Preventing Overfitting in Classification",
/// lifted to K classes through the margin.
public struct MarginLoss: RowwiseClassificationLoss {
    static var usesSoftmax: Bool { false }

    /// Which margin loss.
    public enum Kind: Sendable {
        case exponential, modifiedHuber
    }

    public static let exponentialInfo = LossInfo(
        id: "exponential", family: .classification,
        summary: "Exponential loss on the margin (AdaBoost); may overflow for very wrong examples",
        formula: "ℓ = exp(−m), m = z_y − max_{k≠y} z_k")

    public static let modifiedHuberInfo = LossInfo(
        id: "modified_huber", family: .classification,
        summary: "Modified Huber on the margin: squared hinge near it, linear far below",
        formula: "ℓ = max(0, 1 − m)² for m ≥ −1, else −4m")

    public var info: LossInfo { kind == .exponential ? Self.exponentialInfo : Self.modifiedHuberInfo }
    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let (m, rival) = r.margin
        let value: Double, slope: Double
        switch kind {
        case .exponential:
            value = DMath.exp(-m)
            slope = -value
        case .modifiedHuber where m >= -1:
            let h = Swift.max(1 - m, 0)
            value = h * h
            slope = -2 * h
        case .modifiedHuber:
            value = -4 * m
            slope = -4
        }
        if let g { r.writeMarginGradient(g, dMargin: slope, rival: rival) }
        return value
    }
}
