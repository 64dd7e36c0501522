import Dispatch
import TensorCore

/// One weight set of a landscape, as coefficients of three parameter
/// vectors: θ = s·base + a·u + b·v (a surface point is s = 1, (a, b) = (α, β);
/// an interpolation point is s = 1 − α, a = α, b = 0).
public struct LandscapePoint: Sendable, Equatable {
    public var s: Float, a: Float, b: Float

    public init(s: Float = 1, a: Float, b: Float) {
        self.s = s
        self.a = a
        self.b = b
    }
}

/// Evaluates a `LandscapeObjective` at many weight sets without a tape: per
/// point, θ = s·base + a·u + b·v entry by entry (two fused multiply-adds),
/// then the network's forward pass over the split in row blocks of 128
/// (`LandscapeKernel`: bias, matmul and activation in one pass), then the
/// loss's own `batchLoss` on the outputs. The arithmetic of a point never
/// depends on the other points or on the thread computing it, and it is the
/// arithmetic of the tape forward pass: f(θ) here equals
/// `LandscapeObjective.value(at: θ)` bit for bit (the tests check it).
///
/// Layout: each weight matrix W [out, in] is kept transposed and zero-padded
/// as Wᵀ [in, outPad] (outPad = out rounded up to 8), which is exactly the
/// block `MatmulKernel` packs for the tape's `dense`, so no per-point packing
/// or allocation happens. Networks whose activation has no fused kernel (gelu,
/// sin) and networks with a cosine head fall back to the tape forward pass per point.
///
/// Cost (release, this machine's Zen 3 cores): the 51×51 surface of a
/// 2-16-16-2 tanh network on 512 points is ≈ 55 ms on one thread, ≈ 30 ms
/// on two (`losscape bench --workloads landscape51`); about a third each in
/// the tanh, the matmuls and the loss.
public final class LandscapeEvaluator: Sendable {
    public let objective: LandscapeObjective
    let layers: [Layout]
    let base: [Float], u: [Float], v: [Float]
    let packedCount: Int
    let epilogue: Epilogue?
    /// Where a cosine head's class vectors sit in the packed vector, and their shape.
    let classVectors: (offset: Int, shape: Shape)?
    /// Row blocks of the split (each ≥ 4 rows when the split has ≥ 4, so the
    /// kernel's blocking matches the whole-split product of the tape).
    let blocks: [Range<Int>]
    let maxWidth: Int

    struct Layout: Sendable {
        let inputs: Int, outputs: Int, padded: Int
        /// Offsets of Wᵀ [inputs × padded] and of the padded bias in the packed vector.
        let weight: Int, bias: Int
    }

    /// Rows per block: a block's activations stay in the L1 cache.
    public static let blockRows = 128

    /// An evaluator of θ = s·base + a·u + b·v; `base`, `u` and `v` are shaped
    /// like `objective.model.parameters`.
    public init(objective: LandscapeObjective, base: [Tensor], u: [Tensor], v: [Tensor]) {
        self.objective = objective
        let model = objective.model
        var offset = 0
        var ls: [Layout] = []
        for l in model.layers {
            let padded = (l.outputs + 7) & ~7
            let w = offset
            offset += l.inputs * padded
            ls.append(Layout(inputs: l.inputs, outputs: l.outputs, padded: padded, weight: w, bias: offset))
            offset += padded
        }
        layers = ls
        // a cosine head's class vectors [K, d], as they are, after the layers
        classVectors = model.classVectors.map { (offset, $0.shape) }
        offset += model.classVectors?.count ?? 0
        packedCount = (offset + 7) & ~7
        maxWidth = ls.map(\.padded).max() ?? 8
        let extra = classVectors
        func pack(_ p: [Tensor]) -> [Float] {
            precondition(p.count == 2 * ls.count + (extra == nil ? 0 : 1), "\(p.count) tensors for \(ls.count) layers")
            var out = [Float](repeating: 0, count: offset == 0 ? 8 : (offset + 7) & ~7)
            for (i, l) in ls.enumerated() {
                let w = p[2 * i].pointer, b = p[2 * i + 1].pointer
                precondition(p[2 * i].shape == [l.outputs, l.inputs] && p[2 * i + 1].count == l.outputs, "parameter shapes differ from the model")
                for r in 0..<l.inputs { for o in 0..<l.outputs { out[l.weight + r * l.padded + o] = w[o * l.inputs + r] } }
                for o in 0..<l.outputs { out[l.bias + o] = b[o] }
            }
            if let (at, shape) = extra {
                let c = p[2 * ls.count]
                precondition(c.shape == shape, "class vectors of another shape")
                for j in 0..<c.count { out[at + j] = c[flat: j] }
            }
            return out
        }
        self.base = pack(base)
        self.u = pack(u)
        self.v = pack(v)
        // the packed forward pass covers dense layers only: a cosine head goes through the tape
        epilogue = model.spec.head == .cosine ? nil : model.spec.activation.fused.map(LandscapeEvaluator.epilogue)
        let n = objective.count
        var bs: [Range<Int>] = []
        var start = 0
        while start < n {
            var end = min(start + LandscapeEvaluator.blockRows, n)
            if n - end < 4 { end = n }
            bs.append(start..<end)
            start = end
        }
        blocks = bs
    }

    /// Scratch memory of one worker thread.
    public final class Workspace {
        let weights: UnsafeMutablePointer<Float>
        let hidden: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)
        let tape = Tape()
        let count: Int

        init(packed: Int, rows: Int, width: Int) {
            count = packed
            weights = .allocate(capacity: max(packed, 8))
            hidden = (.allocate(capacity: max(rows * width, 8)), .allocate(capacity: max(rows * width, 8)))
        }

        deinit {
            weights.deallocate()
            hidden.0.deallocate()
            hidden.1.deallocate()
        }
    }

    /// A workspace for one thread.
    public func makeWorkspace() -> Workspace {
        Workspace(packed: packedCount, rows: LandscapeEvaluator.blockRows + 3, width: maxWidth)
    }

    /// f at one point.
    public func value(at p: LandscapePoint, workspace ws: Workspace) -> Double {
        combine(p, into: ws.weights)
        let outputs: Tensor
        if let epilogue {
            outputs = forward(ws, epilogue: epilogue)
        } else {
            outputs =
                objective.model.forward(
                    ws.tape.constant(objective.features),
                    params: unpacked(ws.weights).map { ws.tape.constant($0) }
                ).value
        }
        return objective.measure(outputs: outputs, tape: ws.tape)
    }

    /// f at every point, the points split into `threads` contiguous ranges
    /// computed concurrently; the numbers do not depend on `threads`.
    public func values(at points: [LandscapePoint], threads: Int = 1) -> [Double] {
        if points.isEmpty { return [] }
        var out = [Double](repeating: .nan, count: points.count)
        let workers = max(1, min(threads, points.count))
        out.withUnsafeMutableBufferPointer { results in
            let r = ResultSlots(base: results.baseAddress!)
            if workers == 1 {
                let ws = makeWorkspace()
                for i in points.indices { r[i] = value(at: points[i], workspace: ws) }
                return
            }
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let ws = makeWorkspace()
                let lo = points.count * w / workers, hi = points.count * (w + 1) / workers
                for i in lo..<hi { r[i] = value(at: points[i], workspace: ws) }
            }
        }
        return out
    }

    /// Each worker writes its own disjoint range of result slots.
    struct ResultSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Double>
        subscript(i: Int) -> Double {
            get { base[i] }
            nonmutating set { base[i] = newValue }
        }
    }

    /// weights = s·base + a·u + b·v, eight entries at a time: fma(b, v, fma(a, u, s·base)).
    func combine(_ p: LandscapePoint, into w: UnsafeMutablePointer<Float>) {
        typealias V = SIMD8<Float>
        let s = V(repeating: p.s), a = V(repeating: p.a), b = V(repeating: p.b)
        base.withUnsafeBufferPointer { pb in
            u.withUnsafeBufferPointer { pu in
                v.withUnsafeBufferPointer { pv in
                    let raw0 = UnsafeRawPointer(pb.baseAddress!), raw1 = UnsafeRawPointer(pu.baseAddress!)
                    let raw2 = UnsafeRawPointer(pv.baseAddress!), out = UnsafeMutableRawPointer(w)
                    var i = 0
                    while i < packedCount {
                        let o = i &* 4
                        let x = (s * raw0.loadUnaligned(fromByteOffset: o, as: V.self))
                            .addingProduct(a, raw1.loadUnaligned(fromByteOffset: o, as: V.self))
                            .addingProduct(b, raw2.loadUnaligned(fromByteOffset: o, as: V.self))
                        out.storeBytes(of: x, toByteOffset: o, as: V.self)
                        i &+= 8
                    }
                }
            }
        }
    }

    /// The network's outputs [N, K] for the weights in the workspace.
    func forward(_ ws: Workspace, epilogue: Epilogue) -> Tensor {
        let n = objective.count
        let last = layers.count - 1
        var outputs = Tensor(uninitializedShape: [n, layers[last].outputs])
        let x = objective.features.pointer
        let f = objective.features.shape[1]
        outputs.withUnsafeMutableBufferPointer { ob in
            let o = ob.baseAddress!
            let k = layers[last].outputs
            for block in blocks {
                var input = UnsafePointer(x + block.lowerBound * f)
                var stride = f
                var buffers = ws.hidden
                for (i, l) in layers.enumerated() {
                    let c = buffers.0
                    let act = i == last ? Epilogue.none : epilogue
                    if n >= 4 {
                        LandscapeKernel.dense(
                            m: block.count, k: l.inputs, n: l.padded, a: input, lda: stride,
                            w: UnsafePointer(ws.weights + l.weight), bias: UnsafePointer(ws.weights + l.bias),
                            c: c, activation: act)
                    } else {
                        // under 4 rows the tape's kernel sums long rows in split order: use it as is
                        MatmulKernel.product(
                            m: block.count, n: l.padded, k: l.inputs,
                            a: input, aRowStride: stride, aColStride: 1,
                            b: UnsafePointer(ws.weights + l.weight), ldb: l.padded, transposeB: false,
                            c: c, bias: UnsafePointer(ws.weights + l.bias), epilogue: act)
                    }
                    input = UnsafePointer(c)
                    stride = l.padded
                    buffers = (buffers.1, buffers.0)
                }
                for r in 0..<block.count {
                    for j in 0..<k { o[(block.lowerBound + r) * k + j] = input[r * stride + j] }
                }
            }
        }
        return outputs
    }

    /// The kernel epilogue of a fused dense activation (as `Variable.dense` uses).
    static func epilogue(_ a: DenseActivation) -> Epilogue {
        switch a {
        case .identity: return .none
        case .tanh: return .tanh
        case .relu: return .relu
        case .sigmoid: return .sigmoid
        case .leakyRelu(let s): return .leakyRelu(s)
        }
    }

    /// The packed weights as parameter tensors (the fallback path).
    func unpacked(_ w: UnsafeMutablePointer<Float>) -> [Tensor] {
        var out = layers.flatMap { l -> [Tensor] in
            var weight = Tensor(uninitializedShape: [l.outputs, l.inputs])
            weight.withUnsafeMutableBufferPointer { d in
                for o in 0..<l.outputs { for r in 0..<l.inputs { d[o * l.inputs + r] = w[l.weight + r * l.padded + o] } }
            }
            let bias = Tensor(shape: [l.outputs], scalars: (0..<l.outputs).map { w[l.bias + $0] })
            return [weight, bias]
        }
        if let (at, shape) = classVectors {
            out.append(Tensor(shape: shape, scalars: (0..<shape.count).map { w[at + $0] }))
        }
        return out
    }
}
