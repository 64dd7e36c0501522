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
        KernelISA.active.columnSums(rows, cols, g, db)
    }

    /// dz = g ⊙ act'(y) and db = Σ_rows dz in one pass, y the layer's output [rows, cols].
    public static func activationGradient(
        rows: Int, cols: Int, g: UnsafePointer<Float>, y: UnsafePointer<Float>, activation: DenseActivation,
        dz: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>
    ) {
        KernelISA.active.activationGradient(rows, cols, g, y, activation.epilogue.lane, dz, db)
    }
}
