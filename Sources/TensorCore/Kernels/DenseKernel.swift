/// The kernels of a dense layer on raw pointers, shared by the tape's `dense` and `linear` nodes
/// and by the fused training step (`MLPGradientWorkspace` in Learning): both paths call exactly
/// these functions, so they give the same bits.
///
/// Layout: x [rows, inputs], W [outputs, inputs] (torch.nn.Linear), b [outputs], y [rows, outputs],
/// all row-major and contiguous.
public enum DenseKernel {
    /// y = act(x·Wᵀ + b): the bias starts the accumulators, the activation runs over y after.
    public static func forward(
        rows: Int, inputs: Int, outputs: Int,
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
        activation: DenseActivation, y: UnsafeMutablePointer<Float>
    ) {
        MatmulKernel.product(
            m: rows, n: outputs, k: inputs,
            a: x, aRowStride: inputs, aColStride: 1,
            b: w, ldb: inputs, transposeB: true,
            c: y, bias: b, epilogue: activation.epilogue)
    }

    /// y = x·Wᵀ, then y += b row by row (the unfused `linear` node: the bias is added after the sum).
    public static func linearForward(
        rows: Int, inputs: Int, outputs: Int,
        x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
        y: UnsafeMutablePointer<Float>
    ) {
        MatmulKernel.product(
            m: rows, n: outputs, k: inputs,
            a: x, aRowStride: inputs, aColStride: 1,
            b: w, ldb: inputs, transposeB: true, c: y)
        for r in 0..<rows {
            for j in 0..<outputs { y[r &* outputs &+ j] += b[j] }
        }
    }

    /// dW = dzᵀ·x  ([outputs, inputs]): the sum over rows in order.
    public static func weightGradient(
        rows: Int, inputs: Int, outputs: Int,
        dz: UnsafePointer<Float>, x: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>
    ) {
        MatmulKernel.product(
            m: outputs, n: inputs, k: rows,
            a: dz, aRowStride: 1, aColStride: outputs,
            b: x, ldb: inputs, transposeB: false, c: dw)
    }

    /// dx = dz·W  ([rows, inputs]).
    public static func inputGradient(
        rows: Int, inputs: Int, outputs: Int,
        dz: UnsafePointer<Float>, w: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>
    ) {
        MatmulKernel.product(
            m: rows, n: inputs, k: outputs,
            a: dz, aRowStride: outputs, aColStride: 1,
            b: w, ldb: inputs, transposeB: false, c: dx)
    }

    /// db = Σ_rows g, row after row from zero (the tape's `sum(alongAxis: 0)`).
    public static func columnSums(rows: Int, cols: Int, g: UnsafePointer<Float>, db: UnsafeMutablePointer<Float>) {
        db.initialize(repeating: 0, count: cols)
        for r in 0..<rows {
            let row = g + r &* cols
            var i = 0
            while i + 8 <= cols {
                let v =
                    UnsafeRawPointer(db + i).loadUnaligned(as: SIMD8<Float>.self)
                    + UnsafeRawPointer(row + i).loadUnaligned(as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(db + i).storeBytes(of: v, as: SIMD8<Float>.self)
                i &+= 8
            }
            while i < cols { db[i] += row[i]; i &+= 1 }
        }
    }

    /// dz = g ⊙ act'(y) and db = Σ_rows dz in one pass, y the layer's output [rows, cols].
    public static func activationGradient(
        rows: Int, cols: Int, g: UnsafePointer<Float>, y: UnsafePointer<Float>, activation: DenseActivation,
        dz: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>
    ) {
        switch activation {
        case .identity: activationGradient(rows, cols, g, y, dz, db, Lanes.OneDerivative())
        case .tanh: activationGradient(rows, cols, g, y, dz, db, Lanes.TanhDerivative())
        case .sigmoid: activationGradient(rows, cols, g, y, dz, db, Lanes.SigmoidDerivative())
        case .relu: activationGradient(rows, cols, g, y, dz, db, Lanes.ReluDerivative())
        case .leakyRelu(let s): activationGradient(rows, cols, g, y, dz, db, Lanes.LeakyReluDerivative(slope: s))
        }
    }

    @inline(__always)
    static func activationGradient<F: LaneMap>(
        _ rows: Int, _ cols: Int, _ pg: UnsafePointer<Float>, _ py: UnsafePointer<Float>,
        _ d: UnsafeMutablePointer<Float>, _ s: UnsafeMutablePointer<Float>, _ derivative: F
    ) {
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
        s.initialize(repeating: 0, count: cols)
        if cols < 8 {
            // Narrow layers (the output layer): dz eight elements at a time over the flat buffer, then
            // the column sums row after row, a row per vector (lane c sums column c).
            let total = rows &* cols
            Lanes.map2(ProductWithDerivative(derivative), pg, py, into: d, count: total)
            let keep = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .< Int32(cols)
            var acc = SIMD8<Float>()
            var r = 0
            while r < rows && r &* cols &+ 8 <= total {
                acc += UnsafeRawPointer(d + r &* cols).loadUnaligned(as: SIMD8<Float>.self).replacing(with: 0, where: .!keep)
                r &+= 1
            }
            while r < rows {
                var v = SIMD8<Float>()
                for j in 0..<cols { v[j] = d[r &* cols &+ j] }
                acc += v
                r &+= 1
            }
            for j in 0..<cols { s[j] = acc[j] }
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

/// g·f′(y) on eight lanes, for `Lanes.map2`.
struct ProductWithDerivative<F: LaneMap>: LaneMap2 {
    let derivative: F
    init(_ derivative: F) { self.derivative = derivative }
    @inline(__always) func callAsFunction(_ g: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> { g * derivative(y) }
}
