import TensorCore

/// How a network's outputs become class scores, probabilities and predictions: the head's
/// prediction rule (``ModelHead``).
///
/// - linear head: scores are the logits; probabilities the loss's own map (softmax, sparsemax, …);
///   prediction = argmax of the probabilities.
/// - cosine head: scores are cos θ_k; probabilities softmax(s·cos θ) for NormFace, CosFace and
///   ArcFace (no margin), softmax(γ·cos θ) for Circle, none for cosine_contrastive; prediction =
///   argmax_k cos θ_k.
/// - embedding head: scores are cos(ĥ, m_c) to the class means m_c (the normalised mean of the
///   normalised training embeddings of class c); no probabilities; prediction = the nearest class
///   mean. A class absent from training has m_c = 0 and score 0.
/// Ties go to the first index everywhere.
public struct Readout: Sendable {
    public let head: ModelHead
    public let loss: any LossFunction
    /// The class means m_c [K, d] of an embedding head (unit rows, or zero), else nil.
    public let classMeans: Tensor?

    public init(head: ModelHead, loss: any LossFunction, classMeans: Tensor? = nil) {
        self.head = head
        self.loss = loss
        self.classMeans = classMeans
    }

    /// True when the loss defines probabilities (and so test NLL, calibration and Brier).
    public var hasProbabilities: Bool { head != .embedding && loss.definesProbabilities }

    /// Class scores [N, K].
    public func scores(_ outputs: Tensor) -> Tensor {
        guard head == .embedding else { return outputs }
        guard let means = classMeans else { return Tensor(shape: [outputs.shape[0], 0], repeating: 0) }
        return Readout.cosines(outputs, means)
    }

    /// Class probabilities [N, K], or nil when the loss defines none.
    public func probabilities(_ outputs: Tensor) -> Tensor? { hasProbabilities ? loss.probabilities(outputs) : nil }

    /// The predicted class of each row.
    public func predictions(_ outputs: Tensor) -> [Int] {
        switch head {
        case .linear: return loss.probabilities(outputs).argmaxRows()
        case .cosine, .embedding: return scores(outputs).argmaxRows()
        }
    }

    /// The normalised mean of the normalised embeddings of each class: m_c = mean_c(ĥ)/‖mean_c(ĥ)‖
    /// (zero for a class without points or with a zero mean). Embeddings [N, d], Double sums.
    public static func classMeans(embeddings h: Tensor, labels: [Int], classes: Int) -> Tensor {
        let d = h.shape[1]
        var sums = [Double](repeating: 0, count: classes * d)
        let unit = unitRows(h)
        for (i, y) in labels.enumerated() where y >= 0 && y < classes {
            for j in 0..<d { sums[y * d + j] += unit[i * d + j] }
        }
        var out = [Float](repeating: 0, count: classes * d)
        for c in 0..<classes {
            var norm = 0.0
            for j in 0..<d { norm += sums[c * d + j] * sums[c * d + j] }
            norm = norm.squareRoot()
            guard norm > 1e-12 else { continue }
            for j in 0..<d { out[c * d + j] = Float(sums[c * d + j] / norm) }
        }
        return Tensor(shape: [classes, d], scalars: out)
    }

    /// cos(a_i, b_k) for rows of a [N, d] and unit-or-zero rows b [K, d]: [N, K].
    static func cosines(_ a: Tensor, _ b: Tensor) -> Tensor {
        let n = a.shape[0], d = a.shape[1], k = b.shape[0]
        let unit = unitRows(a)
        let pb = b.pointer
        var out = [Float](repeating: 0, count: n * k)
        for i in 0..<n {
            for c in 0..<k {
                var dot = 0.0
                for j in 0..<d { dot += unit[i * d + j] * Double(pb[c * d + j]) }
                out[i * k + c] = Float(dot)
            }
        }
        return Tensor(shape: [n, k], scalars: out)
    }

    /// Rows of h divided by their norms (clamped at 1e−12), in Double.
    static func unitRows(_ h: Tensor) -> [Double] {
        let n = h.shape[0], d = h.shape[1], p = h.pointer
        var out = [Double](repeating: 0, count: n * d)
        for i in 0..<n {
            var s = 0.0
            for j in 0..<d { s += Double(p[i * d + j]) * Double(p[i * d + j]) }
            let r = Swift.max(s.squareRoot(), 1e-12)
            for j in 0..<d { out[i * d + j] = Double(p[i * d + j]) / r }
        }
        return out
    }
}
