import TensorCore

/// LDAM (label-distribution-aware margin): ℓ = −log softmax(s·(z − Δ_y e_y))_y.
///
/// The label logit must win by a class-dependent margin Δ_c = C/n_c^{1/4}, C chosen
/// so that max_c Δ_c = max_margin: rare classes get larger margins. n_c are the
/// training class counts of the labels as trained, from ``LossContext/classCounts``;
/// a class absent from training counts as 1; without counts (or counts for another
/// number of classes) every Δ_c = max_margin. s scales the logits (the paper uses
/// s = 30 on normalized features; the table's default here is 1). Δ_y is subtracted
/// after the row max. Gradient s·(softmax(w) − e_y).
/// Paper: "Escaping Saddle Points for Effective Generalization on Class-Imbalanced
/// Data", where LDAM(+DRW) is a baseline.
public struct LDAMLoss: RowwiseClassificationLoss {
    static var usesSoftmax: Bool { false }

    public static let info = LossInfo(
        id: "ldam", family: .classification,
        parameters: [
            LossParameter("max_margin", default: 0.5, in: 0...10, "max Δ ∈ [0, 10]: the margin of the rarest class"),
            LossParameter("scale", default: 1, in: 0...100, lowerOpen: true, "s > 0 (≤ 100): logit scale"),
        ],
        summary: "Cross-entropy with a label margin Δ_y ∝ n_y^(−1/4): larger margins for rare classes",
        formula: "ℓ = −log softmax(s·(z − Δ_y e_y))_y, Δ_c = C/n_c^{1/4}, max Δ = max_margin")

    public var info: LossInfo { Self.info }
    public let maxMargin: Double, scale: Double
    /// Δ_c for each class (empty: max_margin for every class).
    public let margins: [Double]

    public init(maxMargin: Double = 0.5, scale: Double = 1, classCounts: [Int] = []) {
        self.maxMargin = maxMargin
        self.scale = scale
        let inv = classCounts.map { DMath.pow(Double(Swift.max($0, 1)), -0.25) }
        let largest = inv.max() ?? 1
        margins = inv.map { $0 * (maxMargin / largest) }
    }

    public init(parameters p: LossParameters, context: LossContext) {
        self.init(maxMargin: p["max_margin"], scale: p["scale"], classCounts: context.classCounts)
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let w = r.work
        let delta = margins.count == r.count ? margins[r.label] : maxMargin
        for k in 0..<r.count { w[k] = scale * (r.z[k] - (k == r.label ? delta : 0)) }
        return r.crossEntropy(of: w, gradient: g, scale: scale)
    }
}
