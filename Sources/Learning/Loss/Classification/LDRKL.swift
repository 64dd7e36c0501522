import TensorCore

/// LDR-KL: ℓ = λ·log[(1/K) Σ_k exp((z_k − z_y + c·1[k≠y])/λ)], on the raw logits.
///
/// The label-distributionally-robust loss with a KL penalty of strength λ on the
/// adversarial label distribution: λ → 0 approaches Crammer–Singer's hinge with
/// margin c, λ → ∞ the mean of the margins; λ = 1, c = 0 is cross-entropy − log K.
/// Evaluated as λ·CE(w) − λ·log K with w = (z − max z + c·(1 − e_y))/λ; gradient
/// softmax(w) − e_y. (The official code first maps z to softplus(z)/mean softplus(z);
/// the table's raw-logit form is used here.)
/// Paper: "Label Distributionally Robust Losses for Multi-class Classification:
/// Consistency, Robustness and Adaptivity".
public struct LDRKLLoss: RowwiseClassificationLoss {
    static var usesSoftmax: Bool { false }

    public static let info = LossInfo(
        id: "ldr_kl", family: .classification,
        parameters: [
            LossParameter(
                "lambda", default: 1, in: 1e-3...100,
                "λ ∈ [0.001, 100]: KL regularization; small → hinge-like, large → mean margin"),
            LossParameter("c", default: 1, in: 0...10, "c ∈ [0, 10]: margin added to every non-label logit"),
        ],
        summary: "Label-distributionally-robust KL loss: a soft max over margin-shifted logits",
        formula: "ℓ = λ·log[(1/K) Σ_k exp((z_k − z_y + c·1[k≠y])/λ)]")

    public var info: LossInfo { Self.info }
    public let lambda: Double, c: Double

    public init(lambda: Double = 1, c: Double = 1) {
        self.lambda = lambda
        self.c = c
    }

    public init(parameters p: LossParameters, context: LossContext) {
        self.init(lambda: p["lambda"], c: p["c"])
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let w = r.work
        for k in 0..<r.count { w[k] = (r.z[k] + (k == r.label ? 0 : c)) / lambda }
        let ce = r.crossEntropy(of: w, gradient: g)
        return lambda * (ce - DMath.log(Double(r.count)))
    }
}
