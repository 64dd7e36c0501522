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
        precondition(vx.rank == 2 && vw.rank == 2 && vx.shape[1] == vw.shape[1], "linear: input \(vx.shape) for weight \(vw.shape)")
        precondition(vb.rank == 1 && vb.count == vw.shape[0], "bias \(vb.shape) for weight \(vw.shape)")
        let (rows, inputs, outputs) = (vx.shape[0], vx.shape[1], vw.shape[0])
        var y = Tensor(uninitializedShape: [rows, outputs])
        DenseKernel.linearForward(
            rows: rows, inputs: inputs, outputs: outputs, x: vx.pointer, w: vw.pointer, b: vb.pointer, y: y.uniquePointer())
        return x.tape.record(y, inputs: x, w, b) { [bID = b.id, wID = w.id, xID = x.id] g, acc in
            if acc.needs(xID) {
                var dx = Tensor(uninitializedShape: vx.shape)
                DenseKernel.inputGradient(
                    rows: rows, inputs: inputs, outputs: outputs, dz: g.pointer, w: vw.pointer, dx: dx.uniquePointer())
                acc.add(dx, to: xID)
            }
            if acc.needs(wID) {
                var dw = Tensor(uninitializedShape: vw.shape)
                DenseKernel.weightGradient(
                    rows: rows, inputs: inputs, outputs: outputs, dz: g.pointer, x: vx.pointer, dw: dw.uniquePointer())
                acc.add(dw, to: wID)
            }
            if acc.needs(bID) {
                var db = Tensor(uninitializedShape: [outputs])
                DenseKernel.columnSums(rows: rows, cols: outputs, g: g.pointer, db: db.uniquePointer())
                acc.add(db, to: bID)
            }
        }
    }
}
