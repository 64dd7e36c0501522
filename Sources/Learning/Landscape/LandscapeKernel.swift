import TensorCore

/// The dense layer of the landscape evaluator: C = act(A·W + b) for a block of
/// rows, with the activation applied in registers before the store.
///
/// W is the transposed, zero-padded weight block [k × n] (n a multiple of 8)
/// that `MatmulKernel` packs for the tape's `dense`; every output element is
/// the same fused multiply-add chain as there — start at the bias, add
/// a[r, p]·w[p, j] for p = 0, 1, …, k − 1 in order — followed by the same
/// activation function (`FastMath`), so the numbers are bit-identical to the
/// tape forward pass of a split of at least 4 rows. Blocks of 4 rows × 16
/// columns keep eight accumulators in registers.
enum LandscapeKernel {
    typealias V = SIMD8<Float>

    /// c[r, j] = act(bias[j] + Σ_p a[r·lda + p]·w[p·n + j]) for r < m, j < n; c has leading dimension n.
    static func dense(
        m: Int, k: Int, n: Int, a: UnsafePointer<Float>, lda: Int,
        w: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, activation: Epilogue
    ) {
        run(Lanes.Identity(), m, k, n, a, lda, w, bias, c)
        switch activation {
        case .none: return
        case .tanh: map(Lanes.Tanh(), c, m &* n)
        case .relu: map(Lanes.Relu(), c, m &* n)
        case .sigmoid: map(Lanes.Sigmoid(), c, m &* n)
        case .leakyRelu(let s): map(Lanes.LeakyRelu(slope: s), c, m &* n)
        }
    }

    /// c[i] = f(c[i]) for i < count (a multiple of 8), four vectors per iteration.
    @inline(__always)
    static func map<F: LaneMap>(_ f: F, _ c: UnsafeMutablePointer<Float>, _ count: Int) {
        var i = 0
        while i &+ 32 <= count {
            let v0 = f(load(c + i)), v1 = f(load(c + (i &+ 8))), v2 = f(load(c + (i &+ 16))), v3 = f(load(c + (i &+ 24)))
            store(v0, c + i); store(v1, c + (i &+ 8)); store(v2, c + (i &+ 16)); store(v3, c + (i &+ 24))
            i &+= 32
        }
        while i < count {
            store(f(load(c + i)), c + i)
            i &+= 8
        }
    }

    @inline(__always)
    static func run<F: LaneMap>(
        _ f: F, _ m: Int, _ k: Int, _ n: Int, _ a: UnsafePointer<Float>, _ lda: Int,
        _ w: UnsafePointer<Float>, _ bias: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>
    ) {
        var i = 0
        if n == 8 {
            // One column block (a narrow output layer): eight rows at a time,
            // so eight independent chains keep both FMA pipes busy.
            while i &+ 8 <= m {
                let a0 = a + i &* lda
                let s = load(bias)
                var x0 = s, x1 = s, x2 = s, x3 = s, x4 = s, x5 = s, x6 = s, x7 = s
                var wp = w
                for p in 0..<k {
                    let w0 = load(wp)
                    x0 = x0.addingProduct(V(repeating: a0[p]), w0)
                    x1 = x1.addingProduct(V(repeating: a0[lda &+ p]), w0)
                    x2 = x2.addingProduct(V(repeating: a0[2 &* lda &+ p]), w0)
                    x3 = x3.addingProduct(V(repeating: a0[3 &* lda &+ p]), w0)
                    x4 = x4.addingProduct(V(repeating: a0[4 &* lda &+ p]), w0)
                    x5 = x5.addingProduct(V(repeating: a0[5 &* lda &+ p]), w0)
                    x6 = x6.addingProduct(V(repeating: a0[6 &* lda &+ p]), w0)
                    x7 = x7.addingProduct(V(repeating: a0[7 &* lda &+ p]), w0)
                    wp += 8
                }
                let c0 = c + i &* 8
                store(f(x0), c0); store(f(x1), c0 + 8); store(f(x2), c0 + 16); store(f(x3), c0 + 24)
                store(f(x4), c0 + 32); store(f(x5), c0 + 40); store(f(x6), c0 + 48); store(f(x7), c0 + 56)
                i &+= 8
            }
        }
        while i &+ 4 <= m {
            let a0 = a + i &* lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda
            let c0 = c + i &* n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
            var j = 0
            while j &+ 16 <= n {
                let s0 = load(bias + j), s1 = load(bias + (j &+ 8))
                var x00 = s0, x01 = s1, x10 = s0, x11 = s1, x20 = s0, x21 = s1, x30 = s0, x31 = s1
                var wp = w + j
                for p in 0..<k {
                    let w0 = load(wp), w1 = load(wp + 8)
                    let b0 = V(repeating: a0[p]), b1 = V(repeating: a1[p]), b2 = V(repeating: a2[p]), b3 = V(repeating: a3[p])
                    x00 = x00.addingProduct(b0, w0); x01 = x01.addingProduct(b0, w1)
                    x10 = x10.addingProduct(b1, w0); x11 = x11.addingProduct(b1, w1)
                    x20 = x20.addingProduct(b2, w0); x21 = x21.addingProduct(b2, w1)
                    x30 = x30.addingProduct(b3, w0); x31 = x31.addingProduct(b3, w1)
                    wp += n
                }
                store(f(x00), c0 + j); store(f(x01), c0 + (j &+ 8))
                store(f(x10), c1 + j); store(f(x11), c1 + (j &+ 8))
                store(f(x20), c2 + j); store(f(x21), c2 + (j &+ 8))
                store(f(x30), c3 + j); store(f(x31), c3 + (j &+ 8))
                j &+= 16
            }
            if j < n {
                let s = load(bias + j)
                var x0 = s, x1 = s, x2 = s, x3 = s
                var wp = w + j
                for p in 0..<k {
                    let w0 = load(wp)
                    x0 = x0.addingProduct(V(repeating: a0[p]), w0)
                    x1 = x1.addingProduct(V(repeating: a1[p]), w0)
                    x2 = x2.addingProduct(V(repeating: a2[p]), w0)
                    x3 = x3.addingProduct(V(repeating: a3[p]), w0)
                    wp += n
                }
                store(f(x0), c0 + j); store(f(x1), c1 + j); store(f(x2), c2 + j); store(f(x3), c3 + j)
            }
            i &+= 4
        }
        while i < m {
            let a0 = a + i &* lda, c0 = c + i &* n
            var j = 0
            while j < n {
                var x = load(bias + j)
                var wp = w + j
                for p in 0..<k {
                    x = x.addingProduct(V(repeating: a0[p]), load(wp))
                    wp += n
                }
                store(f(x), c0 + j)
                j &+= 8
            }
            i &+= 1
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
    @inline(__always) static func store(_ v: V, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }
}
