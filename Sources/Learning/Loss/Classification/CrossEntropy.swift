import TensorCore

/// Cross-entropy with temperature: ℓ = −log softmax(z/T)_y.
///
/// Fused: one tape node computes the value from log-softmax and the gradient
/// (softmax(z/T) − e_y)/T directly (the hot path of training).
/// Temperature-scaled CE as in "Label Distributionally Robust Losses for
/// Multi-class Classification".
public struct CrossEntropyLoss: LossFunction {
    public static let info = LossInfo(
        id: "cross_entropy", family: .classification,
        parameters: [LossParameter("temperature", default: 1, in: 1e-3...1e3, "T ∈ [0.001, 1000]: logits are divided by T")],
        summary: "Softmax cross-entropy (negative log-likelihood), optionally temperature-scaled",
        formula: "ℓ = −log softmax(z/T)_y")

    public var info: LossInfo { Self.info }
    public let temperature: Float

    public init(temperature: Double = 1) { self.temperature = Float(temperature) }

    public init(parameters p: LossParameters, context: LossContext) {
        self.init(temperature: p["temperature"])
    }

    public func perExample(_ z: Variable, _ targets: LossTargets) -> Variable {
        (z / temperature).logSoftmax().gather(columns: targets.labels) * -1
    }

    public func batchLoss(_ z: Variable, _ targets: LossTargets, classWeights: [Float]?) -> Variable {
        softmaxCrossEntropy(z, labels: targets.labels, classWeights: classWeights, temperature: temperature)
    }
}

/// The fused softmax cross-entropy node: value mean_w(−log softmax(z/T)_y),
/// gradient w_i (softmax(z_i/T) − e_{y_i}) / (T Σ w).
public func softmaxCrossEntropy(_ z: Variable, labels: [Int], classWeights: [Float]?, temperature: Float = 1) -> Variable {
    let logits = temperature == 1 ? z.value : z.value / temperature
    let n = logits.shape[0], k = logits.shape[1]
    precondition(labels.count == n, "\(labels.count) labels for \(n) rows")
    let logp = logits.logSoftmaxRows()
    let lp = logp.pointer
    let w: [Float] = classWeights.map { cw in labels.map { cw[$0] } } ?? []
    var total = 0.0, wsum = 0.0
    for i in 0..<n {
        let wi = w.isEmpty ? 1 : Double(w[i])
        total -= wi * Double(lp[i * k + labels[i]])
        wsum += wi
    }
    let denom = wsum > 0 ? wsum : 1
    let value = Tensor(scalar: Float(total / denom))
    return z.tape.record(value, inputs: z) { [zID = z.id] g, acc in
        var d = logp.mapSIMD(FastMath.exp)  // softmax(z/T)
        let scale = g.scalar / Float(denom) / temperature
        d.withUnsafeMutableBufferPointer { b in
            for i in 0..<n {
                let s = scale * (w.isEmpty ? 1 : w[i])
                b[i * k + labels[i]] -= 1
                for j in 0..<k { b[i * k + j] *= s }
            }
        }
        acc.add(d, to: zID)
    }
}
