import TensorCore

/// A loss over pairs of a batch's normalised embeddings ĥ_i = h_i / max(‖h_i‖, 1e−12) (the
/// embedding head, ``ModelHead/embedding``): computed in Double by `batch`, which also writes
/// ∂L/∂ĥ; the node maps it back through the normalisation to ∂L/∂h. Train and test losses are over
/// the whole split as one batch. Class weights do not apply. Degenerate batches (no valid pair or
/// anchor: one class only, a class with one point) give 0 with a zero gradient.
public protocol PairLoss: LossFunction {
    /// The loss of one anchor with one positive at distance `positive` and one negative at distance
    /// `negative` (unit embeddings), and its partial derivatives: the loss-shape curves.
    func anchorTerm(positive: Double, negative: Double) -> (value: Double, dPositive: Double, dNegative: Double)
}

/// The batch computation of a pair loss.
protocol PairBatchLoss: PairLoss {
    /// L and ∂L/∂ĥ ([N·d], row-major) for unit rows ĥ [N, d] with labels y.
    func batch(_ h: [Double], rows n: Int, dim d: Int, labels y: [Int], gradient g: inout [Double]) -> Double
}

extension PairBatchLoss {
    public var definesProbabilities: Bool { false }

    public func batchLoss(_ outputs: Variable, _ targets: LossTargets, classWeights: [Float]?) -> Variable {
        pairLossNode(outputs, labels: targets.labels, loss: self)
    }

    /// The per-anchor view of the batch: every row carries the batch loss (pair losses are not sums
    /// of per-example terms; `batchLoss` is what trains).
    public func perExample(_ outputs: Variable, _ targets: LossTargets) -> Variable {
        let l = batchLoss(outputs, targets, classWeights: nil)
        let n = outputs.shape[0]
        return Variable.matmul(outputs.constant(Tensor(shape: [n, 1], repeating: 1)), l.reshaped([1, 1])).reshaped([n])
    }
}

/// The rows of h [N, d] normalised in Double, and their norms (clamped at 1e−12).
func unitRows(_ h: Tensor) -> (unit: [Double], norms: [Double]) {
    let n = h.shape[0], d = h.shape[1], p = h.pointer
    var unit = [Double](repeating: 0, count: n * d), norms = [Double](repeating: 0, count: n)
    for i in 0..<n {
        var s = 0.0
        for j in 0..<d { s += Double(p[i * d + j]) * Double(p[i * d + j]) }
        let r = Swift.max(s.squareRoot(), 1e-12)
        norms[i] = r
        for j in 0..<d { unit[i * d + j] = Double(p[i * d + j]) / r }
    }
    return (unit, norms)
}

/// ∂L/∂h from ∂L/∂ĥ: (g − ĥ(ĥ·g))/‖h‖ where ‖h‖ > 1e−12, else g/1e−12.
func throughNormalisation(_ g: [Double], unit: [Double], norms: [Double], dim d: Int) -> [Double] {
    var out = g
    for i in 0..<norms.count {
        if norms[i] > 1e-12 {
            var dot = 0.0
            for j in 0..<d { dot += unit[i * d + j] * g[i * d + j] }
            for j in 0..<d { out[i * d + j] = (g[i * d + j] - unit[i * d + j] * dot) / norms[i] }
        } else {
            for j in 0..<d { out[i * d + j] = g[i * d + j] / 1e-12 }
        }
    }
    return out
}

/// The node of a pair loss: a scalar from embeddings [N, d].
func pairLossNode<L: PairBatchLoss>(_ h: Variable, labels: [Int], loss: L) -> Variable {
    let x = h.value
    precondition(x.rank == 2 && x.shape[0] == labels.count, "\(labels.count) labels for embeddings \(x.shape)")
    let n = x.shape[0], d = x.shape[1]
    let (unit, norms) = unitRows(x)
    var gUnit = [Double](repeating: 0, count: n * d)
    let value = loss.batch(unit, rows: n, dim: d, labels: labels, gradient: &gUnit)
    let gradient = h.needsGrad ? throughNormalisation(gUnit, unit: unit, norms: norms, dim: d) : []
    return h.tape.record(Tensor(scalar: Float(value)), inputs: h) { [hID = h.id] upstream, acc in
        let u = Double(upstream.scalar)
        acc.add(Tensor(shape: [n, d], scalars: gradient.map { Float(u * $0) }), to: hID)
    }
}

/// ‖ĥ_i − ĥ_j‖² of unit rows.
@inline(__always)
func squaredDistance(_ h: [Double], _ i: Int, _ j: Int, _ d: Int) -> Double {
    var s = 0.0
    for k in 0..<d {
        let e = h[i * d + k] - h[j * d + k]
        s += e * e
    }
    return s
}

/// g_i += c·(ĥ_i − ĥ_j), g_j −= c·(ĥ_i − ĥ_j): the gradient c·∂‖ĥ_i − ĥ_j‖²/2 of a pair.
@inline(__always)
func addPairGradient(_ g: inout [Double], _ h: [Double], _ i: Int, _ j: Int, _ d: Int, _ c: Double) {
    for k in 0..<d {
        let e = c * (h[i * d + k] - h[j * d + k])
        g[i * d + k] += e
        g[j * d + k] -= e
    }
}

/// Contrastive (pair) loss: the mean over unordered pairs i < j of
/// y_ij·d_ij² + (1 − y_ij)·max(0, m − d_ij)², d_ij = ‖ĥ_i − ĥ_j‖, y_ij = 1 for the same class.
///
/// "Dimensionality Reduction by Learning an Invariant Mapping" (Hadsell, Chopra & LeCun 2006):
/// same-class pairs are pulled together, other pairs pushed at least m apart. m = 1 (on the unit
/// circle distances lie in [0, 2]). At d = 0 the push term's direction is undefined; its gradient
/// is taken as 0 (as torch.norm's).
public struct ContrastiveLoss: PairBatchLoss {
    public static let info = LossInfo(
        id: "contrastive", family: .classification, head: .embedding,
        parameters: [LossParameter("margin", default: 1, in: 0...2, "m ∈ [0, 2]: other-class pairs are pushed at least m apart")],
        summary: "Contrastive pairs: pull same-class embeddings together, push others beyond m",
        formula: "L = mean_{i<j} [y_ij d_ij² + (1 − y_ij) max(0, m − d_ij)²], d_ij = ‖ĥ_i − ĥ_j‖")

    public var info: LossInfo { Self.info }
    public let margin: Double

    public init(margin: Double = 1) { self.margin = margin }
    public init(parameters p: LossParameters, context: LossContext) { self.init(margin: p["margin"]) }

    /// d_p² + max(0, m − d_n)² (one positive pair, one negative pair).
    public func anchorTerm(positive dp: Double, negative dn: Double) -> (value: Double, dPositive: Double, dNegative: Double) {
        let gap = Swift.max(0, margin - dn)
        return (dp * dp + gap * gap, 2 * dp, -2 * gap)
    }

    func batch(_ h: [Double], rows n: Int, dim d: Int, labels y: [Int], gradient g: inout [Double]) -> Double {
        guard n >= 2 else { return 0 }
        let pairs = Double(n * (n - 1) / 2)
        var total = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let d2 = squaredDistance(h, i, j, d)
                if y[i] == y[j] {
                    total += d2
                    addPairGradient(&g, h, i, j, d, 2 / pairs)
                } else {
                    let dist = d2.squareRoot()
                    let gap = margin - dist
                    if gap > 0 {
                        total += gap * gap
                        if dist > 0 { addPairGradient(&g, h, i, j, d, -2 * gap / dist / pairs) }
                    }
                }
            }
        }
        return total / pairs
    }
}

/// Triplet loss with batch-hard mining: for each anchor a with a positive and a negative in the
/// batch, max(0, max_p d_ap² − min_n d_an² + m); the mean over those anchors.
///
/// "FaceNet: A Unified Embedding for Face Recognition and Clustering" (Schroff et al. 2015) and the
/// batch-hard variant of "In Defense of the Triplet Loss for Person Re-Identification" (Hermans et
/// al. 2017). m = 0.2 on normalised embeddings. Ties go to the first index.
public struct TripletLoss: PairBatchLoss {
    public static let info = LossInfo(
        id: "triplet", family: .classification, head: .embedding,
        parameters: [LossParameter("margin", default: 0.2, in: 0...4, "m ∈ [0, 4]: required gap between squared distances")],
        summary: "Batch-hard triplets: the farthest positive must be m closer than the nearest negative",
        formula: "L = mean_a max(0, max_p ‖ĥ_a − ĥ_p‖² − min_n ‖ĥ_a − ĥ_n‖² + m)")

    public var info: LossInfo { Self.info }
    public let margin: Double

    public init(margin: Double = 0.2) { self.margin = margin }
    public init(parameters p: LossParameters, context: LossContext) { self.init(margin: p["margin"]) }

    /// max(0, d_p² − d_n² + m).
    public func anchorTerm(positive dp: Double, negative dn: Double) -> (value: Double, dPositive: Double, dNegative: Double) {
        let t = dp * dp - dn * dn + margin
        return t > 0 ? (t, 2 * dp, -2 * dn) : (0, 0, 0)
    }

    func batch(_ h: [Double], rows n: Int, dim d: Int, labels y: [Int], gradient g: inout [Double]) -> Double {
        var terms: [(a: Int, p: Int, q: Int, value: Double)] = []
        for a in 0..<n {
            var p = -1, q = -1
            var dp = -Double.infinity, dq = Double.infinity
            for j in 0..<n where j != a {
                let d2 = squaredDistance(h, a, j, d)
                if y[j] == y[a] {
                    if d2 > dp { dp = d2; p = j }
                } else if d2 < dq {
                    dq = d2
                    q = j
                }
            }
            guard p >= 0 && q >= 0 else { continue }
            terms.append((a, p, q, dp - dq + margin))
        }
        guard !terms.isEmpty else { return 0 }
        let count = Double(terms.count)
        var total = 0.0
        for t in terms where t.value > 0 {
            total += t.value
            addPairGradient(&g, h, t.a, t.p, d, 2 / count)
            addPairGradient(&g, h, t.a, t.q, d, -2 / count)
        }
        return total / count
    }
}

/// Supervised contrastive loss (SupCon): for each anchor i with at least one positive,
/// −(1/|P(i)|)·Σ_{p∈P(i)} log( e^{ĥ_i·ĥ_p/τ} / Σ_{a≠i} e^{ĥ_i·ĥ_a/τ} ); the mean over those anchors.
///
/// "Supervised Contrastive Learning" (Khosla et al. 2020), the L_out form. τ = 0.1. Gradient with
/// respect to the similarities S_ij = ĥ_i·ĥ_j/τ: G_ij = softmax_{a≠i}(S_i)_j − [j ∈ P(i)]/|P(i)| for
/// valid anchors, then ∂L/∂ĥ = (G + Gᵀ)ĥ/τ over the number of anchors.
public struct SupConLoss: PairBatchLoss {
    public static let info = LossInfo(
        id: "supcon", family: .classification, head: .embedding,
        parameters: [LossParameter("temperature", default: 0.1, in: 0.01...10, "τ ∈ [0.01, 10]: temperature of the similarities")],
        summary: "Supervised contrastive: each anchor's positives against all other points, at temperature τ",
        formula: "L = mean_i −1/|P(i)| Σ_{p∈P(i)} log(e^{ĥ_i·ĥ_p/τ} / Σ_{a≠i} e^{ĥ_i·ĥ_a/τ})")

    public var info: LossInfo { Self.info }
    public let temperature: Double

    public init(temperature: Double = 0.1) { self.temperature = temperature }
    public init(parameters p: LossParameters, context: LossContext) { self.init(temperature: p["temperature"]) }

    /// softplus((s_n − s_p)/τ) with s = 1 − d²/2 (the anchor's term with one positive, one negative).
    public func anchorTerm(positive dp: Double, negative dn: Double) -> (value: Double, dPositive: Double, dNegative: Double) {
        let x = ((1 - dn * dn / 2) - (1 - dp * dp / 2)) / temperature
        let sig = DMath.sigmoid(x)
        return (DMath.softplus(x), sig * dp / temperature, -sig * dn / temperature)
    }

    func batch(_ h: [Double], rows n: Int, dim d: Int, labels y: [Int], gradient g: inout [Double]) -> Double {
        var coefficients = [Double](repeating: 0, count: n * n)  // G (before dividing by the anchors)
        var anchors = 0
        var total = 0.0
        var s = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let positives = (0..<n).filter { $0 != i && y[$0] == y[i] }
            guard !positives.isEmpty else { continue }
            anchors += 1
            var top = -Double.infinity
            for j in 0..<n where j != i {
                var dot = 0.0
                for k in 0..<d { dot += h[i * d + k] * h[j * d + k] }
                s[j] = dot / temperature
                top = Swift.max(top, s[j])
            }
            var sum = 0.0
            for j in 0..<n where j != i { sum += DMath.exp(s[j] - top) }
            let lse = top + DMath.log(sum)
            let share = 1 / Double(positives.count)
            for p in positives { total -= share * (s[p] - lse) }
            for j in 0..<n where j != i { coefficients[i * n + j] += DMath.exp(s[j] - lse) }
            for p in positives { coefficients[i * n + p] -= share }
        }
        guard anchors > 0 else { return 0 }
        let scale = 1 / (Double(anchors) * temperature)
        for i in 0..<n {
            for j in 0..<n where j != i {
                let c = (coefficients[i * n + j] + coefficients[j * n + i]) * scale
                guard c != 0 else { continue }
                for k in 0..<d { g[i * d + k] += c * h[j * d + k] }
            }
        }
        return total / Double(anchors)
    }
}
