import TensorCore

/// Multiclass hinge losses on the margin m = z_y − max_{k≠y} z_k (ties in the
/// max send the gradient to the first maximal index, as PyTorch's argmax):
/// - `hinge` (Crammer–Singer): ℓ = max(0, c − m)
/// - `squared_hinge`: ℓ = max(0, c − m)²
/// - `hinge_ww` (Weston–Watkins): ℓ = Σ_{k≠y} max(0, c + z_k − z_y)
///
/// At a corner (c − m = 0) the gradient is 0, as PyTorch's relu.
/// Paper: the SVM baselines of "Label Distributionally Robust Losses for
/// Multi-class Classification".
public struct HingeLoss: RowwiseClassificationLoss {
    static var usesSoftmax: Bool { false }

    /// Which hinge.
    public enum Kind: Sendable {
        case crammerSinger, squared, westonWatkins
    }

    public static let info = LossInfo(
        id: "hinge", family: .classification,
        parameters: [marginParameter],
        summary: "Crammer–Singer multiclass hinge on the margin to the best wrong class",
        formula: "ℓ = max(0, c − m), m = z_y − max_{k≠y} z_k")

    public static let westonWatkinsInfo = LossInfo(
        id: "hinge_ww", family: .classification,
        parameters: [marginParameter],
        summary: "Weston–Watkins multiclass hinge: one hinge per wrong class, summed",
        formula: "ℓ = Σ_{k≠y} max(0, c + z_k − z_y)")

    public static let squaredInfo = LossInfo(
        id: "squared_hinge", family: .classification,
        parameters: [marginParameter],
        summary: "Squared Crammer–Singer hinge: smooth at the margin",
        formula: "ℓ = max(0, c − m)², m = z_y − max_{k≠y} z_k")

    static let marginParameter = LossParameter("margin", default: 1, in: 0...10, "c ∈ [0, 10]: the margin demanded")

    public var info: LossInfo {
        switch kind {
        case .crammerSinger: return Self.info
        case .squared: return Self.squaredInfo
        case .westonWatkins: return Self.westonWatkinsInfo
        }
    }

    public let kind: Kind
    public let margin: Double

    public init(_ kind: Kind = .crammerSinger, margin: Double = 1) {
        self.kind = kind
        self.margin = margin
    }

    public init(_ kind: Kind, parameters p: LossParameters) { self.init(kind, margin: p["margin"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        if kind == .westonWatkins { return westonWatkins(r, gradient: g) }
        let (m, rival) = r.margin
        let h = Swift.max(margin - m, 0)
        let squared = kind == .squared
        if let g { r.writeMarginGradient(g, dMargin: h > 0 ? (squared ? -2 * h : -1) : 0, rival: rival) }
        return squared ? h * h : h
    }

    private func westonWatkins(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let zy = r.z[r.label]
        var total = 0.0, active = 0.0
        for k in 0..<r.count {
            g?[k] = 0
            guard k != r.label else { continue }
            let h = margin + r.z[k] - zy
            if h > 0 {
                total += h
                active += 1
                g?[k] = 1
            }
        }
        g?[r.label] = -active
        return total
    }
}
