import Platform
import TensorCore

/// The losses on a cosine head's outputs c_k = cos θ_k (``ModelHead/cosine``): row kernels on the
/// raw cosines (no centring: a margin is applied to the label's cosine alone), cross-entropy over
/// scaled logits z for NormFace, CosFace and ArcFace. Gradients with respect to the cosines are
/// written by hand and checked by finite differences and against PyTorch fixtures.
protocol CosineHeadLoss: RowwiseClassificationLoss {}

extension CosineHeadLoss {
    static var centersLogits: Bool { false }
    static var usesSoftmax: Bool { false }
}

/// NormFace (normalised softmax): ℓ = −log softmax(s·cos θ)_y.
///
/// "NormFace: L2 Hypersphere Embedding for Face Verification" (Wang et al. 2017): with normalised
/// features and weights the logits are bounded by ±1, so a scale s is needed for the softmax to
/// approach one-hot. 2-D default s = 16 (the papers use 20–64 for hundreds of identities in 128–512
/// dimensions; with K ≤ 8 directions on a circle s = 16 suffices: see `LossNotes` for the
/// measurement).
public struct NormFaceLoss: CosineHeadLoss {
    public static let info = LossInfo(
        id: "normface", family: .classification, head: .cosine,
        parameters: [LossParameter("scale", default: 16, in: 1...128, "s ∈ [1, 128]: logit scale (2-D default 16; papers 20–64)")],
        summary: "Normalised softmax on a cosine head: cross-entropy of s·cos θ",
        formula: "ℓ = −log softmax(s·cos θ)_y, cos θ_k = ŵ_k·ĥ")

    public var info: LossInfo { Self.info }
    public let scale: Double

    public init(scale: Double = 16) { self.scale = scale }
    public init(parameters p: LossParameters, context: LossContext) { self.init(scale: p["scale"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let w = r.work
        for k in 0..<r.count { w[k] = scale * r.z[k] }
        return r.crossEntropy(of: w, gradient: g, scale: scale)
    }

    public func probabilities(_ cosines: Tensor) -> Tensor { (cosines * Float(scale)).softmaxRows() }
}

/// CosFace / AM-softmax: z_y = s(cos θ_y − m), z_k = s·cos θ_k; ℓ = −log softmax(z)_y.
///
/// "CosFace: Large Margin Cosine Loss for Deep Face Recognition" (Wang et al. 2018) uses s = 64,
/// m = 0.35. 2-D default s = 30, the scale the speaker-verification papers use for few classes; on
/// the toy data it reaches the accuracy of s = 64 with a loss curve half as tall (`LossNotes`).
public struct CosFaceLoss: CosineHeadLoss {
    public static let info = LossInfo(
        id: "cosface", family: .classification, head: .cosine,
        parameters: [
            LossParameter("scale", default: 30, in: 1...128, "s ∈ [1, 128]: logit scale (2-D default 30; CosFace 64)"),
            LossParameter("margin", default: 0.35, in: 0...1, "m ∈ [0, 1]: cosine margin subtracted from the label's cosine"),
        ],
        summary: "Additive cosine margin (AM-softmax): the label's cosine must win by m",
        formula: "ℓ = −log softmax(z)_y, z_y = s(cos θ_y − m), z_k = s·cos θ_k")

    public var info: LossInfo { Self.info }
    public let scale: Double, margin: Double

    public init(scale: Double = 30, margin: Double = 0.35) {
        self.scale = scale
        self.margin = margin
    }

    public init(parameters p: LossParameters, context: LossContext) { self.init(scale: p["scale"], margin: p["margin"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let w = r.work
        for k in 0..<r.count { w[k] = scale * (r.z[k] - (k == r.label ? margin : 0)) }
        return r.crossEntropy(of: w, gradient: g, scale: scale)
    }

    /// Without the margin: softmax(s·cos θ).
    public func probabilities(_ cosines: Tensor) -> Tensor { (cosines * Float(scale)).softmaxRows() }
}

/// ArcFace / additive angular margin: z_y = s·cos(θ_y + m), z_k = s·cos θ_k; ℓ = −log softmax(z)_y.
///
/// cos(θ_y + m) = cos θ_y cos m − sin θ_y sin m with sin θ_y = √max(0, 1 − cos²θ_y); where θ_y + m
/// would pass π (cos θ_y ≤ cos(π − m)) the target is cos θ_y − m·sin m instead, the rule of the
/// reference implementation (insightface), which keeps the target decreasing in θ_y. At cos θ_y = 1
/// exactly, where d sin θ/d cos θ is infinite, the derivative of the sine term is taken as 0 (PyTorch's
/// autograd gives ±inf or NaN there). "ArcFace: Additive Angular Margin Loss for Deep Face
/// Recognition" (Deng et al. 2019) uses s = 64, m = 0.5; 2-D default s = 30 (see cosface).
public struct ArcFaceLoss: CosineHeadLoss {
    public static let info = LossInfo(
        id: "arcface", family: .classification, head: .cosine,
        parameters: [
            LossParameter("scale", default: 30, in: 1...128, "s ∈ [1, 128]: logit scale (2-D default 30; ArcFace 64)"),
            LossParameter("margin", default: 0.5, in: 0...1.5, "m ∈ [0, 1.5]: angular margin in radians added to θ_y"),
        ],
        summary: "Additive angular margin: the label's angle must win by m radians",
        formula: "ℓ = −log softmax(z)_y, z_y = s·cos(θ_y + m) (cos θ_y − m·sin m past π − m), z_k = s·cos θ_k")

    public var info: LossInfo { Self.info }
    public let scale: Double, margin: Double

    public init(scale: Double = 30, margin: Double = 0.5) {
        self.scale = scale
        self.margin = margin
    }

    public init(parameters p: LossParameters, context: LossContext) { self.init(scale: p["scale"], margin: p["margin"]) }

    /// The margin-adjusted target cos(θ + m) of a cosine c, and its derivative with respect to c.
    func target(_ c: Double) -> (value: Double, derivative: Double) {
        let cosM = DMath.cos(margin), sinM = DMath.sin(margin)
        if c > DMath.cos(Double.pi - margin) {
            let s2 = Swift.max(0, 1 - c * c)
            let sine = s2.squareRoot()
            // d sin θ / d cos θ = −cos θ / sin θ (0 at sin θ = 0)
            let dSine = sine > 0 ? -c / sine : 0
            return (c * cosM - sine * sinM, cosM - sinM * dSine)
        }
        return (c - margin * sinM, 1)
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let w = r.work
        let t = target(r.z[r.label])
        for k in 0..<r.count { w[k] = scale * (k == r.label ? t.value : r.z[k]) }
        let value = r.crossEntropy(of: w, gradient: g, scale: scale)
        if let g { g[r.label] *= t.derivative }
        return value
    }

    /// Without the margin: softmax(s·cos θ).
    public func probabilities(_ cosines: Tensor) -> Tensor { (cosines * Float(scale)).softmaxRows() }
}

/// Circle loss, class-level form: s_p = cos θ_y, s_n = cos θ_j (j ≠ y);
/// α_p = [1 + m − s_p]₊, α_n = [s_n + m]₊ (constants in the gradient);
/// ℓ = softplus(log Σ_{j≠y} e^{γ α_n (s_n − m)} − γ α_p (s_p − 1 + m)).
///
/// "Circle Loss: A Unified Perspective of Pair Similarity Optimization" (Sun et al. 2020): each
/// similarity is re-weighted by how far it is from its optimum (1 + m for s_p, −m for s_n), so the
/// decision boundary is a circle in the (s_n, s_p) plane. Defaults m = 0.25 (the paper's) and
/// 2-D default γ = 32 (the paper uses 256 for faces, 80 for fine-grained retrieval; on a circle with
/// a handful of classes γ = 32 does as well as 256 with a loss curve eight times shorter: `LossNotes`).
public struct CircleLoss: CosineHeadLoss {
    public static let info = LossInfo(
        id: "circle", family: .classification, head: .cosine,
        parameters: [
            LossParameter("margin", default: 0.25, in: 0...1, "m ∈ [0, 1]: relaxation; optima 1 + m (s_p) and −m (s_n)"),
            LossParameter("gamma", default: 32, in: 1...512, "γ ∈ [1, 512]: scale (2-D default 32; paper 256/80)"),
        ],
        summary: "Circle loss (class-level): self-paced weights α push s_p to 1 + m and s_n to −m",
        formula: "ℓ = softplus(log Σ_{j≠y} e^{γα_n(s_n−m)} − γα_p(s_p−1+m)), α_p=[1+m−s_p]₊, α_n=[s_n+m]₊")

    public var info: LossInfo { Self.info }
    public let margin: Double, gamma: Double

    public init(margin: Double = 0.25, gamma: Double = 32) {
        self.margin = margin
        self.gamma = gamma
    }

    public init(parameters p: LossParameters, context: LossContext) { self.init(margin: p["margin"], gamma: p["gamma"]) }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let m = margin, y = r.label
        let sp = r.z[y]
        let alphaP = Swift.max(0, 1 + m - sp)
        let b = -gamma * alphaP * (sp - 1 + m)
        // a_j = γ α_n (s_n − m) for j ≠ y, and their log-sum-exp
        let a = r.work
        var top = -Double.infinity
        for k in 0..<r.count where k != y {
            a[k] = gamma * Swift.max(0, r.z[k] + m) * (r.z[k] - m)
            top = Swift.max(top, a[k])
        }
        var sum = 0.0
        for k in 0..<r.count where k != y { sum += DMath.exp(a[k] - top) }
        let lse = top + DMath.log(sum)
        let x = lse + b
        let value = DMath.softplus(x)
        if let g {
            let sig = DMath.sigmoid(x)
            for k in 0..<r.count where k != y {
                g[k] = sig * DMath.exp(a[k] - lse) * gamma * Swift.max(0, r.z[k] + m)
            }
            g[y] = sig * (-gamma * alphaP)
        }
        return value
    }

    /// softmax(γ·cos θ) (the loss's own scale, no margin).
    public func probabilities(_ cosines: Tensor) -> Tensor { (cosines * Float(gamma)).softmaxRows() }
}

/// Cosine contrastive loss (SimpleX's CCL, as a classifier):
/// ℓ = (1 − cos θ_y) + (w/(K − 1))·Σ_{j≠y} [cos θ_j − m]₊.
///
/// "SimpleX: A Simple and Strong Baseline for Collaborative Filtering" (Mao et al. 2021): pulls the
/// label's direction to cosine 1 and pushes every other class below the margin m, ignoring
/// negatives already below it. m = 0.4 (the low end of the paper's 0.4–0.9), w = 1. It defines no
/// probabilities: test NLL, calibration and Brier are null, the prediction is argmax cos θ.
public struct CosineContrastiveLoss: CosineHeadLoss {
    public static let info = LossInfo(
        id: "cosine_contrastive", family: .classification, head: .cosine,
        parameters: [
            LossParameter("margin", default: 0.4, in: -1...1, "m ∈ [−1, 1]: negatives below cos m are ignored"),
            LossParameter("negative_weight", default: 1, in: 0...100, "w ∈ [0, 100]: weight of the negative term"),
        ],
        summary: "Cosine contrastive (SimpleX CCL): pull cos θ_y to 1, push other classes below m",
        formula: "ℓ = (1 − cos θ_y) + w/(K−1)·Σ_{j≠y} max(0, cos θ_j − m)")

    public var info: LossInfo { Self.info }
    public let margin: Double, negativeWeight: Double

    public init(margin: Double = 0.4, negativeWeight: Double = 1) {
        self.margin = margin
        self.negativeWeight = negativeWeight
    }

    public init(parameters p: LossParameters, context: LossContext) {
        self.init(margin: p["margin"], negativeWeight: p["negative_weight"])
    }

    public var definesProbabilities: Bool { false }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let y = r.label
        let share = negativeWeight / Double(Swift.max(r.count - 1, 1))
        var value = 1 - r.z[y]
        for k in 0..<r.count where k != y {
            let excess = r.z[k] - margin
            if excess > 0 { value += share * excess }
            g?[k] = excess > 0 ? share : 0
        }
        g?[y] = -1
        return value
    }
}
