/// Row normalisation and cosine similarity (the cosine head of an embedding network).
extension Variable {
    /// Each row divided by its Euclidean norm clamped below at ε: y = x / max(‖x‖, ε), as
    /// `torch.nn.functional.normalize(x, dim=1, eps=ε)`. Backward: where ‖x‖ > ε,
    /// dx = (g − y·(y·g))/‖x‖ (the projection removing the radial part); else dx = g/ε.
    /// Norms are accumulated in Double.
    public func normalizedRows(epsilon: Float = 1e-12) -> Variable {
        let x = value
        precondition(x.rank == 2, "normalizedRows of \(x.shape)")
        let rows = x.shape[0], cols = x.shape[1]
        var y = Tensor(uninitializedShape: x.shape)
        var norms = [Float](repeating: 0, count: rows)
        let px = x.pointer, py = y.uniquePointer()
        for r in 0..<rows {
            var s = 0.0
            for j in 0..<cols { s += Double(px[r * cols + j]) * Double(px[r * cols + j]) }
            let n = Swift.max(Float(s.squareRoot()), epsilon)
            norms[r] = n
            for j in 0..<cols { py[r * cols + j] = px[r * cols + j] / n }
        }
        let out = y
        return tape.record(out, inputs: self) { [selfID = self.id] g, acc in
            var dx = Tensor(uninitializedShape: out.shape)
            let pg = g.pointer, py = out.pointer, pd = dx.uniquePointer()
            for r in 0..<rows {
                let n = norms[r]
                if n > epsilon {
                    var dot = 0.0
                    for j in 0..<cols { dot += Double(py[r * cols + j]) * Double(pg[r * cols + j]) }
                    let d = Float(dot)
                    for j in 0..<cols { pd[r * cols + j] = (pg[r * cols + j] - py[r * cols + j] * d) / n }
                } else {
                    for j in 0..<cols { pd[r * cols + j] = pg[r * cols + j] / epsilon }
                }
            }
            acc.add(dx, to: selfID)
        }
    }

    /// cos θ_ik = (a_i/‖a_i‖)·(b_k/‖b_k‖) for a [N, d] and b [K, d]: [N, K], norms clamped at 1e−12.
    public static func cosineSimilarity(_ a: Variable, _ b: Variable) -> Variable {
        Variable.matmul(a.normalizedRows(), b.normalizedRows(), transposeB: true)
    }
}
