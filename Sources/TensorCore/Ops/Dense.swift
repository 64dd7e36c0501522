/// The fused dense layer: y = act(x·Wᵀ + b) in one tape node.
///
/// Forward: one matmul whose accumulators start at the bias and pass through
/// the activation in registers before the store. Backward: one pass computes
/// dz = g ⊙ act'(y) and db = Σ_rows dz; then dW = dzᵀ·x and dx = dz·W.
/// Equivalent to `linear` followed by the activation op (tests check both).
public enum DenseActivation: Sendable, Equatable {
    case identity, tanh, relu, sigmoid, leakyRelu(Float)

    var epilogue: Epilogue {
        switch self {
        case .identity: return .none
        case .tanh: return .tanh
        case .relu: return .relu
        case .sigmoid: return .sigmoid
        case .leakyRelu(let s): return .leakyRelu(s)
        }
    }
}

extension Variable {
    /// act(x·Wᵀ + b) for x [batch, in], W [out, in] (torch.nn.Linear layout), b [out].
    public static func dense(_ x: Variable, weight w: Variable, bias b: Variable, activation: DenseActivation) -> Variable {
        let (vx, vw, vb) = (x.value, w.value, b.value)
        precondition(vx.rank == 2 && vw.rank == 2 && vx.shape[1] == vw.shape[1], "dense: input \(vx.shape) for weight \(vw.shape)")
        precondition(vb.rank == 1 && vb.count == vw.shape[0], "dense: bias \(vb.shape) for weight \(vw.shape)")
        let (rows, inputs, outputs) = (vx.shape[0], vx.shape[1], vw.shape[0])
        var y = Tensor(uninitializedShape: [rows, outputs])
        DenseKernel.forward(
            rows: rows, inputs: inputs, outputs: outputs, x: vx.pointer, w: vw.pointer, b: vb.pointer,
            activation: activation, y: y.uniquePointer())
        return x.tape.record(y, inputs: x, w, b) { [bID = b.id, wID = w.id, xID = x.id] g, acc in
            var dz = Tensor(uninitializedShape: y.shape)
            var db = Tensor(uninitializedShape: [outputs])
            DenseKernel.activationGradient(
                rows: rows, cols: outputs, g: g.pointer, y: y.pointer, activation: activation,
                dz: dz.uniquePointer(), db: db.uniquePointer())
            if acc.needs(bID) { acc.add(db, to: bID) }
            if acc.needs(wID) {
                var dw = Tensor(uninitializedShape: vw.shape)
                DenseKernel.weightGradient(
                    rows: rows, inputs: inputs, outputs: outputs, dz: dz.pointer, x: vx.pointer, dw: dw.uniquePointer())
                acc.add(dw, to: wID)
            }
            if acc.needs(xID) {
                var dx = Tensor(uninitializedShape: vx.shape)
                DenseKernel.inputGradient(
                    rows: rows, inputs: inputs, outputs: outputs, dz: dz.pointer, w: vw.pointer, dx: dx.uniquePointer())
                acc.add(dx, to: xID)
            }
        }
    }
}
