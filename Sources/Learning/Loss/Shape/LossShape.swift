import TensorCore

/// A loss-shape curve: ℓ and dℓ/dx sampled along a stated path through logit
/// space (or the residual, for regression). What the Loss shape panel draws and
/// `losscape inspect` prints and exports.
public struct LossCurve: Sendable, Equatable {
    public let variable: LossCurveVariable
    /// What the path holds fixed, in words (e.g. "other logits 0, K = 3").
    public let assumption: String
    /// K (0 for regression).
    public let classes: Int
    public let x: [Double]
    public let loss: [Double]
    /// dℓ/dx along the path.
    public let derivative: [Double]
    /// Pair losses: the curve of the negative pair (`loss`, `derivative` are the positive pair's).
    public let negativeLoss: [Double]?
    public let negativeDerivative: [Double]?

    public init(
        variable: LossCurveVariable, assumption: String, classes: Int, x: [Double], loss: [Double],
        derivative: [Double], negativeLoss: [Double]? = nil, negativeDerivative: [Double]? = nil
    ) {
        self.negativeLoss = negativeLoss
        self.negativeDerivative = negativeDerivative
        self.variable = variable
        self.assumption = assumption
        self.classes = classes
        self.x = x
        self.loss = loss
        self.derivative = derivative
    }
}

/// The loss-shape curves of the UI's "Loss shape" panel and `losscape inspect`,
/// computed through each loss's own tape code (its `perExample` or `batchLoss`
/// and the tape's backward pass): ℓ(z(x)) and dℓ/dx = ∇_z ℓ · dz/dx along a path
/// z(x) that the curve states (``LossCurveVariable``), so the derivative curve
/// is the slope of the loss curve beside it.
///
/// - Losses that are functions of the softmax probabilities: against p_y ∈ (0, 1),
///   z_y = log p_y and z_k = log((1 − p_y)/(K − 1)) (the others share the rest).
/// - Every other classification loss: against the logit margin t = z_y − z_j with
///   every other logit 0, over a range that shows where the loss changes.
///   `logit_adjusted` and `ldam` are drawn with a uniform class prior (they say so).
/// - `taylor_softmax`: against its own (Taylor-softmax) p_y on the path z_y = t ≥ −1.
/// - `sparsemax`: against its own (sparsemax) p_y on the path z_y = t ∈ [−1/(K−1), 1].
/// - `z_loss`: against ẑ_y over its reachable range ±√(K − 1) (the other logits
///   spread so that it can vary; with them equal it is pinned to ±√(K − 1)).
/// - Cos-head losses: against θ_y ∈ [0, π], the angle between a class-0 point's embedding and w_0,
///   with the other class vectors at fixed angles α_k from w_0 (their current angles in the
///   playground, evenly spread otherwise): cos θ_k = cos(θ_y − α_k). Circle loss's gradient treats
///   its weights α as constants, so its derivative is the gradient it trains with, not the slope.
/// - Pair losses: against the distance d ∈ [0, 2] of one pair of unit embeddings, for an anchor with
///   one positive and one negative: the positive pair's curve (negative at √2, orthogonal) and the
///   negative pair's (positive at 0), each loss's anchor term (``PairLoss/anchorTerm``).
/// - Regression: against the residual e ∈ [−3, 3] (target 0). `z_error` is
///   batch-level: its curve is one probe error e in a batch with ``zErrorBatch``
///   (15 fixed residuals over [−1.5, 1.5]); it shows the probe's own term m·e² and
///   its derivative 2m·e: the squared error inside the mask, 0 once masked.
public enum LossShape {
    /// Half-width of the residual range of regression curves.
    public static let errorRange = 3.0

    /// The fixed other residuals of the z_error curve's batch.
    public static let zErrorBatch: [Double] = (0..<15).map { -1.5 + 3 * Double($0) / 14 }

    /// Losses whose value depends on the logits only through the softmax probabilities.
    public static let probabilityLosses: Set<String> = [
        "cross_entropy", "label_smoothing", "focal", "poly1", "poly1_focal", "brier", "mae", "gce", "sce",
        "nce_rce", "nce_mae", "comp_sum", "encouraging",
    ]

    /// The context curves are drawn with: K classes of equal counts (a uniform prior).
    public static func context(classes: Int) -> LossContext {
        LossContext(classes: classes, classCounts: Array(repeating: 100, count: classes))
    }

    /// The variable `id`'s curve is drawn against.
    public static func variable(for id: String, family: LossFamily) -> LossCurveVariable {
        if family == .regression { return .residual }
        switch LossCatalog.entry(id)?.info.head {
        case .cosine: return .angle
        case .embedding: return .pairDistance
        default: break
        }
        switch id {
        case "taylor_softmax": return .taylorProbability
        case "sparsemax": return .sparsemaxProbability
        case "z_loss": return .standardizedLogit
        default: return probabilityLosses.contains(id) ? .probability : .margin
        }
    }

    /// `points` samples of the loss's shape (see the type's documentation). `classAngles`: for a
    /// cos-head loss, the angles α_k of the class vectors from w_0 (nil: evenly spread, 2πk/K).
    public static func curve(_ loss: any LossFunction, classes: Int, points: Int, classAngles: [Double]? = nil) -> LossCurve {
        let id = loss.info.id
        let variable = variable(for: id, family: loss.info.family)
        let k = variable == .residual ? 1 : Swift.max(classes, 2)
        let n = Swift.max(points, 1)
        let xs = samples(variable, for: uniformPrior(loss), classes: k, points: n)
        if variable == .pairDistance, let pair = loss as? any PairLoss {
            let pos = xs.map { pair.anchorTerm(positive: $0, negative: 2.0.squareRoot()) }
            let neg = xs.map { pair.anchorTerm(positive: 0, negative: $0) }
            return LossCurve(
                variable: variable,
                assumption:
                    "anchor with one positive and one negative on the unit circle, the other pair at √2 (positive curve) or 0 (negative curve)",
                classes: k, x: xs, loss: pos.map(\.value), derivative: pos.map(\.dPositive),
                negativeLoss: neg.map(\.value), negativeDerivative: neg.map(\.dNegative))
        }
        if variable == .angle {
            let even: [Double] = (0..<k).map { (i: Int) -> Double in 2 * Double.pi * Double(i) / Double(k) }
            let given = classAngles.flatMap { $0.count == k && $0.allSatisfy(\.isFinite) ? $0 : nil }
            let angles: [Double] = given ?? even
            var path = LossCurvePath(variable: variable, classes: k, xs: xs)
            path.angles = angles
            let (values, slopes) = evaluate(loss, along: path)
            let degrees: [String] = angles.dropFirst().map { (a: Double) -> String in
                let d: Double = (a * 180 / Double.pi).truncatingRemainder(dividingBy: 360)
                return "\(Int((d < 0 ? d + 360 : d).rounded()))°"
            }
            let text =
                "class 0, other class vectors at \(degrees.joined(separator: " ")) from w_0\(given == nil ? " (evenly spread)" : ""), K = \(k)"
            return LossCurve(variable: variable, assumption: text, classes: k, x: xs, loss: values, derivative: slopes)
        }
        let text = assumption(variable, id: id, classes: k)
        if let z = loss as? ZErrorLoss {
            let c = zErrorCurve(z, errors: xs)
            return LossCurve(variable: variable, assumption: text, classes: 0, x: xs, loss: c.loss, derivative: c.derivative)
        }
        let path = LossCurvePath(variable: variable, classes: k, xs: xs)
        let (values, slopes) = evaluate(uniformPrior(loss), along: path)
        return LossCurve(
            variable: variable, assumption: text, classes: variable == .residual ? 0 : k,
            x: xs, loss: values, derivative: slopes)
    }

    /// ℓ at each x of `path` and dℓ/dx = ∇_z ℓ · dz/dx, through the loss's tape code.
    static func evaluate(_ loss: any LossFunction, along path: LossCurvePath) -> (loss: [Double], derivative: [Double]) {
        let n = path.xs.count, k = path.classes
        let logits = path.xs.flatMap { path.logits($0).map { Float($0) } }
        let tape = Tape()
        let z = tape.parameter(Tensor(shape: [n, k], scalars: logits))
        let targets: LossTargets =
            path.variable == .residual
            ? .values(Tensor.zeros([n])) : .labels(Array(repeating: 0, count: n))
        let l = loss.perExample(z, targets)
        let g = tape.gradients(of: l).of(z)
        var values: [Double] = [], slopes: [Double] = []
        for (i, x) in path.xs.enumerated() {
            values.append(Double(l.value[flat: i]))
            let t = path.tangent(x)
            var d = 0.0
            for j in 0..<k where t[j] != 0 { d += Double(g[flat: i * k + j]) * t[j] }
            slopes.append(d)
        }
        return (values, slopes)
    }

    /// The x samples: open intervals (midpoints of n cells) where the path's end is
    /// singular or unreachable, both ends included on a margin or residual range.
    static func samples(_ v: LossCurveVariable, for loss: any LossFunction, classes k: Int, points n: Int) -> [Double] {
        func cells(_ lo: Double, _ hi: Double) -> [Double] { (0..<n).map { lo + (hi - lo) * (Double($0) + 0.5) / Double(n) } }
        func closed(_ lo: Double, _ hi: Double) -> [Double] {
            (0..<n).map { n == 1 ? (lo + hi) / 2 : lo + (hi - lo) * Double($0) / Double(n - 1) }
        }
        switch v {
        case .probability, .sparsemaxProbability: return cells(0, 1)
        case .taylorProbability: return cells(LossCurvePath.taylorMinimum(classes: k), 1)
        case .standardizedLogit:
            let r = (Double(k - 1)).squareRoot()
            return cells(-r, r)
        case .residual: return closed(-errorRange, errorRange)
        case .angle: return closed(0, Double.pi)
        case .pairDistance: return closed(0, 2)
        case .margin:
            let r = marginRange(loss)
            return closed(r.lowerBound, r.upperBound)
        }
    }

    /// Where a margin loss changes: ±4 around 0 by default; around the margin the loss demands otherwise.
    public static func marginRange(_ loss: any LossFunction) -> ClosedRange<Double> {
        if let h = loss as? HingeLoss { return -Swift.max(4, h.margin + 3)...Swift.max(4, h.margin + 3) }
        if let l = loss as? LDAMLoss {
            let w = Swift.max(4 / l.scale, 0.5)
            return (l.maxMargin - w)...(l.maxMargin + w)
        }
        if let l = loss as? LDRKLLoss {
            let w = Swift.max(4 * l.lambda, 3)
            return (l.c - w)...(l.c + w)
        }
        return -4...4
    }

    /// The assumption the curve is drawn under, in words.
    public static func assumption(_ v: LossCurveVariable, id: String, classes k: Int) -> String {
        let prior = id == "logit_adjusted" || id == "ldam" ? ", uniform class prior" : ""
        switch v {
        case .probability: return "others share 1 − p_y, K = \(k)"
        case .margin: return "other logits 0, K = \(k)\(prior)"
        case .taylorProbability: return "z_y ≥ −1, other logits 0, K = \(k)"
        case .sparsemaxProbability: return "other logits 0, K = \(k)"
        case .standardizedLogit:
            return "reachable ±√(K−1), other logits unequal (equal ones pin ẑ_y to ±√(K−1)), K = \(k)"
        case .angle: return "other class vectors evenly spread, K = \(k)"
        case .pairDistance: return "anchor, one positive, one negative"
        case .residual:
            return id == "z_error"
                ? "one probe error among 15 fixed residuals in [−1.5, 1.5]: its term m·e², 0 once masked"
                : "target 0, prediction e"
        }
    }

    /// The loss with a uniform class prior (equal counts) if it uses one.
    static func uniformPrior(_ loss: any LossFunction) -> any LossFunction {
        if let l = loss as? LogitAdjustedLoss { return LogitAdjustedLoss(tau: l.tau) }
        if let l = loss as? LDAMLoss { return LDAMLoss(maxMargin: l.maxMargin, scale: l.scale) }
        return loss
    }

    static func zErrorCurve(_ loss: ZErrorLoss, errors: [Double]) -> (loss: [Double], derivative: [Double]) {
        var values: [Double] = [], slopes: [Double] = []
        for e in errors {
            let batch = zErrorBatch + [e]
            let mask = ZErrorLoss.mask(errors: batch, tau: loss.tau)
            let kept = Swift.max(Double(mask.filter { $0 }.count), 1)
            let tape = Tape()
            let yhat = tape.parameter(Tensor(shape: [batch.count, 1], scalars: batch.map { Float($0) }))
            let l = loss.batchLoss(yhat, .values(Tensor.zeros([batch.count])), classWeights: nil)
            let g = tape.gradients(of: l).of(yhat)
            values.append(mask.last! ? e * e : 0)
            slopes.append(Double(g[flat: batch.count - 1]) * kept)
        }
        return (values, slopes)
    }
}
