import TensorCore

/// Z-Error loss: squared error over the examples whose error is not an outlier
/// of the batch being evaluated.
///
/// With e the errors of the batch (the mini-batch in training; the whole split for
/// the logged train and test loss): z_i = (e_i − mean e)/(std e + 1e−8) (population
/// std), mask m_i = 1[|z_i| ≤ τ] (no gradient through it), and
/// L = Σ m_i e_i² / max(Σ m_i, 1); ∂L/∂ŷ_i = 2m_i e_i / max(Σ m_i, 1).
/// Batch-level: `batchLoss` is this L; `perExample` gives N·m_i e_i²/max(Σ m_i, 1),
/// whose mean is L (each example's share, so averaging per-example values agrees).
/// Paper: "Z-Error Loss for Training Neural Networks".
public struct ZErrorLoss: LossFunction {
    public static let info = LossInfo(
        id: "z_error", family: .regression,
        parameters: [
            LossParameter(
                "tau", default: 2, in: 0...10, lowerOpen: true,
                "τ > 0 (≤ 10): errors beyond τ batch standard deviations are masked")
        ],
        summary: "Squared error that ignores the batch's outlying errors (|z-score| > τ)",
        formula: "L = Σ m_i e_i² / max(Σ m_i, 1), m_i = 1[|e_i − mean e| ≤ τ·(std e + 1e−8)]")

    public var info: LossInfo { Self.info }
    public let tau: Double

    public init(tau: Double = 2) { self.tau = tau }
    public init(parameters p: LossParameters, context: LossContext) { self.init(tau: p["tau"]) }

    /// The mask m_i = 1[|z_i| ≤ τ] of a batch of errors.
    public static func mask(errors e: [Double], tau: Double) -> [Bool] {
        guard !e.isEmpty else { return [] }
        let n = Double(e.count)
        let mean = e.reduce(0, +) / n
        let std = (e.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        return e.map { Swift.abs(($0 - mean) / (std + 1e-8)) <= tau }
    }

    public func batchLoss(_ yhat: Variable, _ targets: LossTargets, classWeights: [Float]?) -> Variable {
        node(yhat, targets, perExample: false)
    }

    public func perExample(_ yhat: Variable, _ targets: LossTargets) -> Variable {
        node(yhat, targets, perExample: true)
    }

    /// Batch value (scalar) or each example's share (times N), with gradient 2m_i e_i/max(Σm, 1)·upstream.
    private func node(_ yhat: Variable, _ targets: LossTargets, perExample: Bool) -> Variable {
        let e = regressionErrors(yhat.value, targets.values)
        let m = Self.mask(errors: e, tau: tau)
        let denominator = Swift.max(Double(m.filter { $0 }.count), 1)
        let n = Double(e.count)
        let terms = e.indices.map { m[$0] ? e[$0] * e[$0] / denominator : 0 }
        let value =
            perExample
            ? Tensor(terms.map { Float(n * $0) })
            : Tensor(scalar: Float(terms.reduce(0, +)))
        let shape = yhat.shape
        return yhat.tape.record(value, inputs: yhat) { [yhatID = yhat.id] upstream, acc in
            let g = upstream.pointer
            let d = e.indices.map { i -> Float in
                guard m[i] else { return 0 }
                let gi = perExample ? n * Double(g[i]) : Double(g[0])
                return Float(gi * 2 * e[i] / denominator)
            }
            acc.add(Tensor(shape: shape, scalars: d), to: yhatID)
        }
    }
}
