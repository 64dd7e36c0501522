import TensorCore

/// Encouraging loss: ℓ = −log p_y + b(p_y), a bonus for well-classified examples.
///
/// b(p) = log(1 − p) for p ≤ le, else its tangent log(1 − le) + (p − le)/(le − 1)
/// (the conservative form, finite as p → 1); with le = 1, b(p) = log(max(1 − p, 1e−5)).
/// log(1 − p_y) is the two-branch form of ``LogitRow``.
/// Paper: "Well-classified Examples are Underestimated in Classification with
/// Deep Neural Networks"; le = 0.75 is the authors' default.
public struct EncouragingLoss: RowwiseClassificationLoss {
    public static let info = LossInfo(
        id: "encouraging", family: .classification,
        parameters: [
            LossParameter(
                "le", default: 0.75, in: 0...1, lowerOpen: true,
                "le ∈ (0, 1]: where the log(1 − p) bonus turns into its tangent")
        ],
        summary: "Cross-entropy plus a log(1 − p_y) bonus that keeps rewarding confident examples",
        formula: "ℓ = −log p_y + b(p_y); b(p) = log(1−p) (p ≤ le), log(1−le) + (p−le)/(le−1) (p > le)")

    public var info: LossInfo { Self.info }
    public let le: Double

    public init(le: Double = 0.75) { self.le = le }
    public init(parameters p: LossParameters, context: LossContext) { self.init(le: p["le"]) }

    /// log 1e−5, the floor of log(1 − p) when le = 1.
    static let floor = -11.512_925_464_970_229

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let u = r.logOneMinusPy
        if le >= 1 {
            let active = u > Self.floor
            if let g { r.writeGradient(g, dLogPy: -1, dLogOneMinusPy: active ? 1 : 0) }
            return -r.logPy + (active ? u : Self.floor)
        }
        let py = r.py
        if py <= le {
            if let g { r.writeGradient(g, dLogPy: -1, dLogOneMinusPy: 1) }
            return -r.logPy + u
        }
        if let g { r.writeGradient(g, dLogPy: -1 + py / (le - 1)) }
        return -r.logPy + DMath.log1p(-le) + (py - le) / (le - 1)
    }
}
