import TensorCore

/// One sample of a loss-shape curve: the loss and its gradient at x.
public struct LossShapePoint: Sendable, Equatable {
    /// p_y (classification) or e = ŷ − y (regression).
    public let x: Double
    /// ℓ at x.
    public let loss: Double
    /// ∂ℓ/∂z_y (classification) or ∂ℓ/∂ŷ (regression) at x.
    public let gradient: Double

    public init(x: Double, loss: Double, gradient: Double) {
        self.x = x
        self.loss = loss
        self.gradient = gradient
    }
}

/// The loss-shape curves drawn by the UI's "Loss shape" panel and `losscape inspect`,
/// computed through each loss's own tape code (its `perExample` or `batchLoss` and
/// the tape's backward pass).
///
/// - Classification: ℓ and ∂ℓ/∂z_y against p_y ∈ (0, 1), label y = 0, with the
///   logits z_y = log p_y and z_k = log((1 − p_y)/(K − 1)) for the K − 1 other
///   classes (they share the rest of the mass evenly, so p = softmax(z)).
///   Losses that use class priors are drawn with a uniform prior whatever counts
///   they were made with: logit_adjusted is then plain cross-entropy, and ldam has
///   the margin max_margin on every class (``note(for:)`` says so).
/// - Regression: ℓ and ∂ℓ/∂ŷ against e ∈ [−3, 3] (target 0, prediction e).
///   z_error is batch-level: its curve is one probe error e in a batch with
///   ``zErrorBatch`` (15 fixed residuals spread evenly over [−1.5, 1.5]); it shows
///   the probe's own term m·e² and its gradient 2m·e (the tape's gradient times
///   max(Σm, 1)): the squared error inside the mask, 0 where the probe is an outlier.
public enum LossShape {
    /// Half-width of the error range of regression curves.
    public static let errorRange = 3.0

    /// The fixed other residuals of the z_error curve's batch.
    public static let zErrorBatch: [Double] = (0..<15).map { -1.5 + 3 * Double($0) / 14 }

    /// The context curves are drawn with: K classes of equal counts (a uniform prior).
    public static func context(classes: Int) -> LossContext {
        LossContext(classes: classes, classCounts: Array(repeating: 100, count: classes))
    }

    /// The x axis name: "p_y" or "e".
    public static func xLabel(_ family: LossFamily) -> String { family == .classification ? "p_y" : "e" }

    /// The gradient's name: "∂ℓ/∂z_y" or "∂ℓ/∂ŷ".
    public static func gradientLabel(_ family: LossFamily) -> String {
        family == .classification ? "∂ℓ/∂z_y" : "∂ℓ/∂ŷ"
    }

    /// A note on what the curve shows for losses where it needs one, else nil.
    public static func note(for id: String) -> String? {
        switch id {
        case "logit_adjusted": return "curve with a uniform class prior (equal counts): plain cross-entropy"
        case "ldam": return "curve with equal class counts: margin max_margin on every class"
        case "z_error": return "one probe error among 15 fixed residuals in [−1.5, 1.5]: its term m·e², 0 once masked"
        default: return nil
        }
    }

    /// `points` samples of the loss's shape (see the type's documentation).
    /// p_y runs over (i + ½)/points; e over −3…3 with both ends included.
    public static func curve(_ loss: any LossFunction, classes: Int, points: Int) -> [LossShapePoint] {
        guard points > 0 else { return [] }
        if loss.info.family == .regression { return regressionCurve(loss, points: points) }
        return classificationCurve(uniformPrior(loss), classes: Swift.max(classes, 2), points: points)
    }

    /// The loss with a uniform class prior (equal counts) if it uses one.
    static func uniformPrior(_ loss: any LossFunction) -> any LossFunction {
        if let l = loss as? LogitAdjustedLoss { return LogitAdjustedLoss(tau: l.tau) }
        if let l = loss as? LDAMLoss { return LDAMLoss(maxMargin: l.maxMargin, scale: l.scale) }
        return loss
    }

    static func classificationCurve(_ loss: any LossFunction, classes k: Int, points: Int) -> [LossShapePoint] {
        let ps = (0..<points).map { (Double($0) + 0.5) / Double(points) }
        var logits = [Float]()
        logits.reserveCapacity(points * k)
        for p in ps {
            logits.append(Float(DMath.log(p)))
            let rest = Float(DMath.log((1 - p) / Double(k - 1)))
            for _ in 1..<k { logits.append(rest) }
        }
        let tape = Tape()
        let z = tape.parameter(Tensor(shape: [points, k], scalars: logits))
        let l = loss.perExample(z, .labels(Array(repeating: 0, count: points)))
        let g = tape.gradients(of: l).of(z)
        return ps.indices.map { i in
            LossShapePoint(x: ps[i], loss: Double(l.value[flat: i]), gradient: Double(g[i, 0]))
        }
    }

    static func regressionCurve(_ loss: any LossFunction, points: Int) -> [LossShapePoint] {
        let es = (0..<points).map { i in
            points == 1 ? 0 : -errorRange + 2 * errorRange * Double(i) / Double(points - 1)
        }
        if let z = loss as? ZErrorLoss { return zErrorCurve(z, errors: es) }
        let tape = Tape()
        let yhat = tape.parameter(Tensor(shape: [points, 1], scalars: es.map { Float($0) }))
        let l = loss.perExample(yhat, .values(Tensor.zeros([points])))
        let g = tape.gradients(of: l).of(yhat)
        return es.indices.map { i in
            LossShapePoint(x: es[i], loss: Double(l.value[flat: i]), gradient: Double(g[flat: i]))
        }
    }

    static func zErrorCurve(_ loss: ZErrorLoss, errors: [Double]) -> [LossShapePoint] {
        errors.map { e in
            let batch = zErrorBatch + [e]
            let mask = ZErrorLoss.mask(errors: batch, tau: loss.tau)
            let kept = Swift.max(Double(mask.filter { $0 }.count), 1)
            let tape = Tape()
            let yhat = tape.parameter(Tensor(shape: [batch.count, 1], scalars: batch.map { Float($0) }))
            let l = loss.batchLoss(yhat, .values(Tensor.zeros([batch.count])), classWeights: nil)
            let g = tape.gradients(of: l).of(yhat)
            let gradient = Double(g[flat: batch.count - 1]) * kept
            return LossShapePoint(x: e, loss: mask.last! ? e * e : 0, gradient: gradient)
        }
    }
}
