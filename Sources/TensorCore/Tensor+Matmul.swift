/// Matrix multiplication: the hot path of training (batch 256–4096 × width 2–128).
///
/// One register-blocked kernel computes C = op(A)·B for row-major matrices:
/// four rows of C by sixteen (or eight) columns at a time, held in SIMD8
/// accumulators, with a fused multiply-add per element of A. op(A) is A or Aᵀ
/// (read with swapped strides, never copied). B must be row-major with a
/// multiple of eight columns; when it is transposed or narrower it is packed
/// (zero-padded) first, which costs k·n copies against m·k·n multiply-adds.
/// Every element of C is the sum over k in increasing order, so the result does
/// not depend on the blocking or on m.
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

/// The matmul kernel on raw pointers, shared by `Tensor.matmul` and the batched
/// landscape evaluator.
public enum MatmulKernel {
    public typealias V = SIMD8<Float>

    /// C[m×n] = op(A)·op(B); A's element (i, p) is at a[i·aRowStride + p·aColStride];
    /// B is row-major k×n with leading dimension ldb (or n×k when transposed).
    public static func product(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 { c.initialize(repeating: 0, count: m * n); return }
        let nPad = (n + 7) & ~7
        if !transposeB && nPad == n {
            blocked(m: m, n: n, k: k, a: a, ars: aRowStride, acs: aColStride, b: b, ldb: ldb, c: c, ldc: n)
            return
        }
        // Pack B as a zero-padded k × nPad row-major block.
        let packed = UnsafeMutablePointer<Float>.allocate(capacity: k * nPad)
        defer { packed.deallocate() }
        for p in 0..<k {
            let row = packed + p * nPad
            for j in 0..<n { row[j] = transposeB ? b[j * ldb + p] : b[p * ldb + j] }
            for j in n..<nPad { row[j] = 0 }
        }
        if nPad == n {
            blocked(m: m, n: n, k: k, a: a, ars: aRowStride, acs: aColStride, b: packed, ldb: nPad, c: c, ldc: n)
        } else {
            let cp = UnsafeMutablePointer<Float>.allocate(capacity: m * nPad)
            defer { cp.deallocate() }
            blocked(m: m, n: nPad, k: k, a: a, ars: aRowStride, acs: aColStride, b: packed, ldb: nPad, c: cp, ldc: nPad)
            for i in 0..<m { (c + i * n).update(from: cp + i * nPad, count: n) }
        }
    }

    /// C = A·B with n a multiple of 8.
    @inline(__always)
    static func blocked(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, ars: Int, acs: Int,
        b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        var j = 0
        while j + 16 <= n {
            var i = 0
            while i + 4 <= m { block4x16(i, j, k, a, ars, acs, b, ldb, c, ldc); i += 4 }
            while i < m { block1xW(i, j, 2, k, a, ars, acs, b, ldb, c, ldc); i += 1 }
            j += 16
        }
        if j < n {  // one block of 8 remains
            var i = 0
            while i + 4 <= m { block4x8(i, j, k, a, ars, acs, b, ldb, c, ldc); i += 4 }
            while i < m { block1xW(i, j, 1, k, a, ars, acs, b, ldb, c, ldc); i += 1 }
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always) static func store(_ v: V, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }

    @inline(__always)
    static func block4x16(
        _ i: Int, _ j: Int, _ k: Int, _ a: UnsafePointer<Float>, _ ars: Int, _ acs: Int,
        _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V(), c30 = V(), c31 = V()
        let a0 = a + i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars
        var bp = b + j
        var off = 0
        for _ in 0..<k {
            let b0 = load(bp), b1 = load(bp + 8)
            let x0 = V(repeating: a0[off]), x1 = V(repeating: a1[off])
            let x2 = V(repeating: a2[off]), x3 = V(repeating: a3[off])
            c00 = c00.addingProduct(x0, b0); c01 = c01.addingProduct(x0, b1)
            c10 = c10.addingProduct(x1, b0); c11 = c11.addingProduct(x1, b1)
            c20 = c20.addingProduct(x2, b0); c21 = c21.addingProduct(x2, b1)
            c30 = c30.addingProduct(x3, b0); c31 = c31.addingProduct(x3, b1)
            bp += ldb
            off += acs
        }
        let p = c + i * ldc + j
        store(c00, p); store(c01, p + 8)
        store(c10, p + ldc); store(c11, p + ldc + 8)
        store(c20, p + 2 * ldc); store(c21, p + 2 * ldc + 8)
        store(c30, p + 3 * ldc); store(c31, p + 3 * ldc + 8)
    }

    @inline(__always)
    static func block4x8(
        _ i: Int, _ j: Int, _ k: Int, _ a: UnsafePointer<Float>, _ ars: Int, _ acs: Int,
        _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        var c0 = V(), c1 = V(), c2 = V(), c3 = V()
        let a0 = a + i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars
        var bp = b + j
        var off = 0
        for _ in 0..<k {
            let b0 = load(bp)
            c0 = c0.addingProduct(V(repeating: a0[off]), b0)
            c1 = c1.addingProduct(V(repeating: a1[off]), b0)
            c2 = c2.addingProduct(V(repeating: a2[off]), b0)
            c3 = c3.addingProduct(V(repeating: a3[off]), b0)
            bp += ldb
            off += acs
        }
        let p = c + i * ldc + j
        store(c0, p); store(c1, p + ldc); store(c2, p + 2 * ldc); store(c3, p + 3 * ldc)
    }

    /// One row of C, `blocks` × 8 columns wide (1 or 2).
    @inline(__always)
    static func block1xW(
        _ i: Int, _ j: Int, _ blocks: Int, _ k: Int, _ a: UnsafePointer<Float>, _ ars: Int, _ acs: Int,
        _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        var c0 = V(), c1 = V()
        let a0 = a + i * ars
        var bp = b + j
        var off = 0
        for _ in 0..<k {
            let x = V(repeating: a0[off])
            c0 = c0.addingProduct(x, load(bp))
            if blocks == 2 { c1 = c1.addingProduct(x, load(bp + 8)) }
            bp += ldb
            off += acs
        }
        let p = c + i * ldc + j
        store(c0, p)
        if blocks == 2 { store(c1, p + 8) }
    }
}
