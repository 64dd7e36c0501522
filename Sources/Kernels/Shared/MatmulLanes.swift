/// The matrix product on raw pointers: the hot path of training (batch 256–4096 × width 2–256).
///
/// C[m×n] = act(op(A)·op(B) + bias) for row-major matrices: four rows of C by two vectors of columns
/// at a time (4×16 with AVX2's eight lanes, 4×32 with AVX-512's sixteen), held in accumulators, with
/// a fused multiply-add per element of A. op(A) is A or Aᵀ (read with swapped strides, never copied).
/// B must be row-major with a multiple of the vector width of columns; when it is transposed or
/// narrower it is packed (zero-padded) first, which costs k·n copies against m·k·n multiply-adds.
///
/// Every element of C is its bias (or 0) plus a[i,p]·b[p,j] for p = 0, 1, …, k − 1, one FMA after
/// another, so the result depends neither on the blocking, nor on m, nor on the vector width: the
/// AVX2 and AVX-512 builds of this file give the same bits. The two places where the order of a sum
/// is chosen (the transposed product of a narrow C, and four interleaved partial sums for a C of
/// fewer than four rows) are decided by the shapes alone, never by the width.
public enum LaneKernels {
    public typealias V = LaneVector

    /// The number of floats in a vector of this build.
    public static var width: Int { V.scalarCount }

    /// C[m×n] = act(op(A)·op(B) + bias). A's element (i, p) is at a[i·aRowStride + p·aColStride];
    /// B is row-major k×n with leading dimension ldb (or n×k when transposed); C is row-major with
    /// leading dimension n; `bias` (n values) starts every row's accumulators.
    public static func product(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>,
        bias: UnsafePointer<Float>? = nil, activation: LaneActivation = .identity
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<m { for j in 0..<n { c[i * n + j] = bias?[j] ?? 0 } }
            apply(activation, c, m * n)
            return
        }
        // A narrow C whose A is read transposed (a weight gradient Gᵀ·X with few inputs): compute
        // Cᵀ = op(B)ᵀ·op(A)ᵀ instead, whose right-hand side (A's storage) is already row-major and
        // wide. (The test is on 8 whatever the width: it changes the order of sums below.)
        if n % 8 != 0 && aRowStride == 1 && m % 8 == 0 && bias == nil && activation == .identity {
            let ct = UnsafeMutablePointer<Float>.allocate(capacity: m * n)
            defer { ct.deallocate() }
            product(
                m: n, n: m, k: k,
                a: b, aRowStride: transposeB ? ldb : 1, aColStride: transposeB ? 1 : ldb,
                b: a, ldb: aColStride, transposeB: false, c: ct)
            for j in 0..<n { for i in 0..<m { c[i &* n &+ j] = ct[j &* m &+ i] } }
            return
        }
        let w = V.scalarCount
        let nPad = (n + w - 1) / w * w
        var bp = b, ldbp = ldb
        var packed: UnsafeMutablePointer<Float>?
        var biasPadded: UnsafeMutablePointer<Float>?
        if transposeB || nPad != n {
            // Pack B as a zero-padded k × nPad row-major block (small: weights).
            let p = UnsafeMutablePointer<Float>.allocate(capacity: k * nPad)
            for r in 0..<k {
                let row = p + r * nPad
                for j in 0..<n { row[j] = transposeB ? b[j &* ldb &+ r] : b[r &* ldb &+ j] }
                for j in n..<nPad { row[j] = 0 }
            }
            packed = p
            bp = UnsafePointer(p)
            ldbp = nPad
        }
        if let bias, nPad != n {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: nPad)
            p.initialize(repeating: 0, count: nPad)
            p.update(from: bias, count: n)
            biasPadded = p
        }
        defer { packed?.deallocate(); biasPadded?.deallocate() }
        let tile = Tile(
            k: k, a: a, ars: aRowStride, acs: aColStride, b: bp, ldb: ldbp,
            c: c, ldc: n, n: n, bias: biasPadded.map { UnsafePointer($0) } ?? bias)
        tile.run(m: m, nPad: nPad)
        // The activation, in a separate tight pass while C is still in cache (inlining it into the
        // register-blocked loop spills registers).
        apply(activation, c, m * n)
    }

    /// c[i] = act(c[i]) for i < count.
    public static func apply(_ activation: LaneActivation, _ c: UnsafeMutablePointer<Float>, _ count: Int) {
        let x = UnsafePointer(c)
        switch activation {
        case .identity: return
        case .tanh: Lanes.map(Lanes.Tanh(), x, into: c, count: count)
        case .relu: Lanes.map(Lanes.Relu(), x, into: c, count: count)
        case .sigmoid: Lanes.map(Lanes.Sigmoid(), x, into: c, count: count)
        case .leakyRelu(let s): Lanes.map(Lanes.LeakyRelu(slope: s), x, into: c, count: count)
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }

    /// Stores the first `lanes` lanes (all when the row has room).
    @inline(__always) static func store(_ v: V, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
        if lanes >= V.scalarCount {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
        } else {
            for l in 0..<lanes { p[l] = v[l] }
        }
    }

    /// The operands of one product; each block computes a tile of C with its accumulators in
    /// registers, summing over p = 0..<k in order.
    struct Tile {
        let k: Int
        let a: UnsafePointer<Float>, ars: Int, acs: Int
        let b: UnsafePointer<Float>, ldb: Int
        let c: UnsafeMutablePointer<Float>, ldc: Int, n: Int
        let bias: UnsafePointer<Float>?

        func run(m: Int, nPad: Int) {
            let w = V.scalarCount
            // A matrix of fewer than four rows (a weight gradient Gᵀ·X with few outputs) is one long
            // dependent chain per accumulator: split the sum over k into four interleaved partial
            // sums to keep the FMA units busy.
            let split = m < 4 && k >= 64
            var j = 0
            while j + 2 * w <= nPad {
                var i = 0
                while i + 4 <= m { block4x2(i, j); i &+= 4 }
                while i < m {
                    if split { block1Split(i, j); block1Split(i, j &+ w) } else { block1(i, j); block1(i, j &+ w) }
                    i &+= 1
                }
                j &+= 2 * w
            }
            if j < nPad {
                var i = 0
                while i + 4 <= m { block4x1(i, j); i &+= 4 }
                while i < m {
                    if split { block1Split(i, j) } else { block1(i, j) }
                    i &+= 1
                }
            }
        }

        @inline(__always) func start(_ j: Int) -> V { bias.map { load($0 + j) } ?? V() }

        @inline(__always) func put(_ v: V, _ i: Int, _ j: Int) {
            store(v, c + (i &* ldc &+ j), n &- j)
        }

        @inline(__always) func block4x2(_ i: Int, _ j: Int) {
            let w = V.scalarCount
            let s0 = start(j), s1 = start(j &+ w)
            var c00 = s0, c01 = s1, c10 = s0, c11 = s1, c20 = s0, c21 = s1, c30 = s0, c31 = s1
            let a0 = a + i &* ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars
            var bp = b + j
            var off = 0
            for _ in 0..<k {
                let b0 = load(bp), b1 = load(bp + w)
                let x0 = V(repeating: a0[off]), x1 = V(repeating: a1[off])
                let x2 = V(repeating: a2[off]), x3 = V(repeating: a3[off])
                c00 = c00.addingProduct(x0, b0); c01 = c01.addingProduct(x0, b1)
                c10 = c10.addingProduct(x1, b0); c11 = c11.addingProduct(x1, b1)
                c20 = c20.addingProduct(x2, b0); c21 = c21.addingProduct(x2, b1)
                c30 = c30.addingProduct(x3, b0); c31 = c31.addingProduct(x3, b1)
                bp += ldb
                off &+= acs
            }
            put(c00, i, j); put(c01, i, j &+ w)
            put(c10, i &+ 1, j); put(c11, i &+ 1, j &+ w)
            put(c20, i &+ 2, j); put(c21, i &+ 2, j &+ w)
            put(c30, i &+ 3, j); put(c31, i &+ 3, j &+ w)
        }

        @inline(__always) func block4x1(_ i: Int, _ j: Int) {
            let s = start(j)
            var c0 = s, c1 = s, c2 = s, c3 = s
            let a0 = a + i &* ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars
            var bp = b + j
            var off = 0
            for _ in 0..<k {
                let b0 = load(bp)
                c0 = c0.addingProduct(V(repeating: a0[off]), b0)
                c1 = c1.addingProduct(V(repeating: a1[off]), b0)
                c2 = c2.addingProduct(V(repeating: a2[off]), b0)
                c3 = c3.addingProduct(V(repeating: a3[off]), b0)
                bp += ldb
                off &+= acs
            }
            put(c0, i, j); put(c1, i &+ 1, j); put(c2, i &+ 2, j); put(c3, i &+ 3, j)
        }

        /// One row, one vector of columns, with the sum over k in four interleaved partial sums
        /// (p mod 4), added at the end as (s0 + s1) + (s2 + s3).
        @inline(__always) func block1Split(_ i: Int, _ j: Int) {
            var s0 = start(j), s1 = V(), s2 = V(), s3 = V()
            let a0 = a + i &* ars
            var bp = b + j
            var off = 0
            var p = 0
            let step = ldb &* 4, aStep = acs &* 4
            while p &+ 4 <= k {
                s0 = s0.addingProduct(V(repeating: a0[off]), load(bp))
                s1 = s1.addingProduct(V(repeating: a0[off &+ acs]), load(bp + ldb))
                s2 = s2.addingProduct(V(repeating: a0[off &+ 2 &* acs]), load(bp + 2 &* ldb))
                s3 = s3.addingProduct(V(repeating: a0[off &+ 3 &* acs]), load(bp + 3 &* ldb))
                bp += step
                off &+= aStep
                p &+= 4
            }
            while p < k {
                s0 = s0.addingProduct(V(repeating: a0[off]), load(bp))
                bp += ldb
                off &+= acs
                p &+= 1
            }
            put((s0 + s1) + (s2 + s3), i, j)
        }

        @inline(__always) func block1(_ i: Int, _ j: Int) {
            var c0 = start(j)
            let a0 = a + i &* ars
            var bp = b + j
            var off = 0
            for _ in 0..<k {
                c0 = c0.addingProduct(V(repeating: a0[off]), load(bp))
                bp += ldb
                off &+= acs
            }
            put(c0, i, j)
        }
    }
}

/// An activation applied to a product's output (the dense layer's nonlinearity).
public enum LaneActivation: Sendable, Equatable {
    case identity, tanh, relu, sigmoid, leakyRelu(Float)
}
