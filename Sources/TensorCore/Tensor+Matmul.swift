import Kernels8

/// Matrix multiplication of tensors, by `MatmulKernel` (see `LaneKernels.product` for the kernel:
/// every element of C is the sum over k in increasing order, so the result depends neither on the
/// blocking, nor on m, nor on the vector width).
extension Tensor {
    /// The matrix product of 2-D tensors: op(a) · op(b), op = transpose when asked.
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
        let m = transposeA ? a.shape[1] : a.shape[0]
        let k = transposeA ? a.shape[0] : a.shape[1]
        let kb = transposeB ? b.shape[1] : b.shape[0]
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition(k == kb, "matmul inner dimensions differ: \(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : "")")
        var c = Tensor(uninitializedShape: [m, n])
        let lda = a.shape[1]
        c.withUnsafeMutableBufferPointer { cb in
            MatmulKernel.product(
                m: m, n: n, k: k,
                a: a.pointer, aRowStride: transposeA ? 1 : lda, aColStride: transposeA ? lda : 1,
                b: b.pointer, ldb: b.shape[1], transposeB: transposeB,
                c: cb.baseAddress!)
        }
        return c
    }

    /// The transpose of a matrix.
    public func transposed() -> Tensor {
        precondition(rank == 2, "transpose of \(shape)")
        let r = shape[0], cols = shape[1]
        var out = Tensor(uninitializedShape: [cols, r])
        let src = pointer
        out.withUnsafeMutableBufferPointer { d in
            for i in 0..<r { for j in 0..<cols { d[j * r + i] = src[i * cols + j] } }
        }
        return out
    }
}

/// An activation applied to a matmul's output, before it is stored.
public enum Epilogue: Sendable, Equatable {
    case none, tanh, relu, sigmoid, leakyRelu(Float)

    var lane: LaneActivation {
        switch self {
        case .none: return .identity
        case .tanh: return .tanh
        case .relu: return .relu
        case .sigmoid: return .sigmoid
        case .leakyRelu(let s): return .leakyRelu(s)
        }
    }
}

/// The matmul kernel on raw pointers, shared by `Tensor.matmul`, the dense layer (tape and fused
/// step) and the batched landscape evaluator; it runs the kernels of the active ISA (`KernelISA`).
public enum MatmulKernel {
    /// C[m×n] = epilogue(op(A)·op(B) + bias). A's element (i, p) is at
    /// a[i·aRowStride + p·aColStride]; B is row-major k×n with leading
    /// dimension ldb (or n×k when transposed); C is row-major with leading
    /// dimension n; `bias` (n values) is added to every row.
    public static func product(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>,
        bias: UnsafePointer<Float>? = nil, epilogue: Epilogue = .none
    ) {
        KernelISA.active.product(
            m, n, k, a, aRowStride, aColStride, b, ldb, transposeB, c, bias, epilogue.lane)
    }
}
