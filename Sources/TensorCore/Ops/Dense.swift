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
        y.withUnsafeMutableBufferPointer { c in
            MatmulKernel.product(
                m: rows, n: outputs, k: inputs,
                a: vx.pointer, aRowStride: inputs, aColStride: 1,
                b: vw.pointer, ldb: inputs, transposeB: true,
                c: c.baseAddress!, bias: vb.pointer, epilogue: activation.epilogue)
        }
        return x.tape.record(y, inputs: x, w, b) { [bID = b.id, wID = w.id, xID = x.id] g, acc in
            let (dz, db) = activationGradient(g, y, activation)
            if acc.needs(bID) { acc.add(db, to: bID) }
            if acc.needs(wID) { acc.add(Tensor.matmul(dz, vx, transposeA: true), to: wID) }
            if acc.needs(xID) { acc.add(Tensor.matmul(dz, vw), to: xID) }
        }
    }
}

/// dz = g ⊙ act'(y) and its column sums, in one pass.
func activationGradient(_ g: Tensor, _ y: Tensor, _ act: DenseActivation) -> (Tensor, Tensor) {
    switch act {
    case .identity: return activationGradient(g, y) { _ in SIMD8(repeating: 1) }
    case .tanh: return activationGradient(g, y) { y in 1 - y * y }
    case .sigmoid: return activationGradient(g, y) { y in y * (1 - y) }
    case .relu: return activationGradient(g, y) { y in SIMD8<Float>(repeating: 0).replacing(with: 1, where: y .> 0) }
    case .leakyRelu(let s): return activationGradient(g, y) { y in SIMD8<Float>(repeating: s).replacing(with: 1, where: y .> 0) }
    }
}

@inline(__always)
func activationGradient(_ g: Tensor, _ y: Tensor, _ derivative: (SIMD8<Float>) -> SIMD8<Float>) -> (Tensor, Tensor) {
    let rows = y.shape[0], cols = y.shape[1]
    var dz = Tensor(uninitializedShape: y.shape)
    var db = Tensor.zeros([cols])
    let pg = g.pointer, py = y.pointer
    dz.withUnsafeMutableBufferPointer { dzb in
        db.withUnsafeMutableBufferPointer { dbb in
            let d = dzb.baseAddress!, s = dbb.baseAddress!
            if cols == 16 {
                // The common width: both column sums stay in registers.
                var s0 = SIMD8<Float>(), s1 = SIMD8<Float>()
                for r in 0..<rows {
                    let o = r &* 16
                    let v0 =
                        UnsafeRawPointer(pg + o).loadUnaligned(as: SIMD8<Float>.self)
                        * derivative(UnsafeRawPointer(py + o).loadUnaligned(as: SIMD8<Float>.self))
                    let v1 =
                        UnsafeRawPointer(pg + o + 8).loadUnaligned(as: SIMD8<Float>.self)
                        * derivative(UnsafeRawPointer(py + o + 8).loadUnaligned(as: SIMD8<Float>.self))
                    UnsafeMutableRawPointer(d + o).storeBytes(of: v0, as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(d + o + 8).storeBytes(of: v1, as: SIMD8<Float>.self)
                    s0 += v0
                    s1 += v1
                }
                UnsafeMutableRawPointer(s).storeBytes(of: s0, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(s + 8).storeBytes(of: s1, as: SIMD8<Float>.self)
                return
            }
            for r in 0..<rows {
                let o = r &* cols
                var j = 0
                while j + 8 <= cols {
                    let v =
                        UnsafeRawPointer(pg + o + j).loadUnaligned(as: SIMD8<Float>.self)
                        * derivative(UnsafeRawPointer(py + o + j).loadUnaligned(as: SIMD8<Float>.self))
                    UnsafeMutableRawPointer(d + o + j).storeBytes(of: v, as: SIMD8<Float>.self)
                    let acc = UnsafeRawPointer(s + j).loadUnaligned(as: SIMD8<Float>.self) + v
                    UnsafeMutableRawPointer(s + j).storeBytes(of: acc, as: SIMD8<Float>.self)
                    j &+= 8
                }
                if j < cols {
                    var gv = SIMD8<Float>(), yv = SIMD8<Float>()
                    for l in 0..<(cols - j) { gv[l] = pg[o + j + l]; yv[l] = py[o + j + l] }
                    let v = gv * derivative(yv)
                    for l in 0..<(cols - j) { d[o + j + l] = v[l]; s[j + l] += v[l] }
                }
            }
        }
    }
    return (dz, db)
}
