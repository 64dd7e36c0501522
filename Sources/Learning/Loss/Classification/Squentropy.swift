import TensorCore

/// Squentropy: ℓ = −log p_y + (1/(K − 1)) Σ_{k≠y} z_k².
///
/// Cross-entropy plus the mean square of the non-label logits (the square loss
/// towards 0 on the wrong classes); no hyperparameters, better calibrated than
/// CE. Not shift-invariant: the square term reads the raw logits.
/// Gradient p − e_y + 2z_k/(K − 1) on k ≠ y.
/// Paper: "Cut your Losses with Squentropy".
public struct SquentropyLoss: RowwiseClassificationLoss {
    static var centersLogits: Bool { false }

    public static let info = LossInfo(
        id: "squentropy", family: .classification,
        summary: "Cross-entropy plus the mean squared non-label logit",
        formula: "ℓ = −log p_y + (1/(K−1)) Σ_{k≠y} z_k²")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let scale = 1 / Double(r.count - 1)
        var squares = 0.0
        for k in 0..<r.count where k != r.label { squares += r.z[k] * r.z[k] }
        if let g {
            r.writeGradient(g, dLogPy: -1)
            for k in 0..<r.count where k != r.label { g[k] += 2 * scale * r.z[k] }
        }
        return -r.logPy + scale * squares
    }
}
