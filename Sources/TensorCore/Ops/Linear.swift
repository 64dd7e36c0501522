/// Differentiable matrix products.
extension Variable {
    /// a·b (or a·bᵀ) for matrices. Backward: dA = G·Bᵀ, dB = Aᵀ·G.
    public static func matmul(_ a: Variable, _ b: Variable, transposeB: Bool = false) -> Variable {
        let (va, vb) = (a.value, b.value)
        let y = Tensor.matmul(va, vb, transposeB: transposeB)
        return a.tape.record(y, inputs: a, b) { [aID = a.id, bID = b.id] g, acc in
            if acc.needs(aID) { acc.add(Tensor.matmul(g, vb, transposeB: !transposeB), to: aID) }
            if acc.needs(bID) {
                // d(A·B)/dB = Aᵀ·G; d(A·Bᵀ)/dB = Gᵀ·A
                acc.add(transposeB ? Tensor.matmul(g, va, transposeA: true) : Tensor.matmul(va, g, transposeA: true), to: bID)
            }
        }
    }

    /// The affine map of a `torch.nn.Linear` layer: y = x·Wᵀ + b, with x of shape
    /// [batch, in], W of shape [out, in] and b of shape [out].
    /// Backward: dx = G·W, dW = Gᵀ·x, db = Σ_rows G.
    public static func linear(_ x: Variable, weight w: Variable, bias b: Variable) -> Variable {
        let (vx, vw, vb) = (x.value, w.value, b.value)
        precondition(vb.rank == 1 && vb.count == vw.shape[0], "bias \(vb.shape) for weight \(vw.shape)")
        var y = Tensor.matmul(vx, vw, transposeB: true)
        let out = vw.shape[0]
        y.withUnsafeMutableBufferPointer { d in
            let pb = vb.pointer
            for r in 0..<(d.count / Swift.max(out, 1)) {
                for j in 0..<out { d[r * out + j] += pb[j] }
            }
        }
        return x.tape.record(y, inputs: x, w, b) { [bID = b.id, wID = w.id, xID = x.id] g, acc in
            if acc.needs(xID) { acc.add(Tensor.matmul(g, vw), to: xID) }
            if acc.needs(wID) { acc.add(Tensor.matmul(g, vx, transposeA: true), to: wID) }
            if acc.needs(bID) { acc.add(g.sum(alongAxis: 0), to: bID) }
        }
    }
}
