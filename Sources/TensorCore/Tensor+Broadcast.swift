/// Binary kernels with NumPy broadcasting.
extension Tensor {
    /// Combines `a` and `b` elementwise after broadcasting both to their common
    /// shape. The inner loop runs over the last axis with each operand either
    /// contiguous or a repeated scalar, in SIMD blocks with a padded tail.
    @inlinable @inline(__always)
    public static func broadcasting(
        _ a: Tensor, _ b: Tensor, _ f: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
    ) -> Tensor {
        if a.shape == b.shape { return a.zipSIMD(b, f) }
        guard let outShape = Shape.broadcast(a.shape, b.shape) else {
            preconditionFailure("cannot broadcast \(a.shape) with \(b.shape)")
        }
        var out = Tensor(uninitializedShape: outShape)
        let rank = outShape.rank
        let n = outShape.last
        if outShape.count == 0 { return out }
        let sa = broadcastStrides(a.shape, to: outShape)
        let sb = broadcastStrides(b.shape, to: outShape)
        let innerA = rank == 0 ? 0 : sa[rank - 1], innerB = rank == 0 ? 0 : sb[rank - 1]
        let rows = outShape.count / n
        let pa = a.pointer, pb = b.pointer
        out.withUnsafeMutableBufferPointer { dst in
            let d = dst.baseAddress!
            var index = [Int](repeating: 0, count: Swift.max(rank - 1, 0))
            for r in 0..<rows {
                var offA = 0, offB = 0
                for ax in 0..<(rank - 1) { offA += index[ax] * sa[ax]; offB += index[ax] * sb[ax] }
                innerLoop(pa + offA, innerA, pb + offB, innerB, d + r * n, n, f)
                // advance the multi-index over all axes but the last
                var ax = rank - 2
                while ax >= 0 {
                    index[ax] += 1
                    if index[ax] < outShape[ax] { break }
                    index[ax] = 0
                    ax -= 1
                }
            }
        }
        return out
    }

    @inlinable @inline(__always)
    static func innerLoop(
        _ a: UnsafePointer<Float>, _ sa: Int, _ b: UnsafePointer<Float>, _ sb: Int,
        _ d: UnsafeMutablePointer<Float>, _ n: Int, _ f: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
    ) {
        @inline(__always) func load(_ p: UnsafePointer<Float>, _ s: Int, _ i: Int) -> SIMD8<Float> {
            s == 0 ? SIMD8(repeating: p[0]) : UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
        }
        var i = 0
        while i + 8 <= n {
            UnsafeMutableRawPointer(d + i).storeBytes(of: f(load(a, sa, i), load(b, sb, i)), as: SIMD8<Float>.self)
            i += 8
        }
        if i < n {
            var va = SIMD8<Float>(repeating: 0), vb = SIMD8<Float>(repeating: 0)
            for j in 0..<(n - i) { va[j] = a[(i + j) * sa]; vb[j] = b[(i + j) * sb] }
            let r = f(va, vb)
            for j in 0..<(n - i) { d[i + j] = r[j] }
        }
    }

    /// Strides of `shape` seen as `target` after broadcasting: 0 along
    /// broadcast axes.
    @usableFromInline
    static func broadcastStrides(_ shape: Shape, to target: Shape) -> [Int] {
        let own = shape.strides
        let lead = target.rank - shape.rank
        return (0..<target.rank).map { ax in
            ax < lead ? 0 : (shape[ax - lead] == 1 && target[ax] != 1 ? 0 : own[ax - lead])
        }
    }

    /// Sums a broadcast result back to `target`, the shape an operand had
    /// before broadcasting: the gradient rule of every broadcasting op.
    public func summed(toShape target: Shape) -> Tensor {
        if shape == target { return self }
        var t = self
        let lead = rank - target.rank
        precondition(lead >= 0, "cannot reduce \(shape) to \(target)")
        for _ in 0..<lead { t = t.sum(alongAxis: 0) }
        for ax in 0..<target.rank where target[ax] == 1 && t.shape[ax] != 1 {
            t = t.sum(alongAxis: ax, keepingDimension: true)
        }
        return t.reshaped(target)
    }
}

// MARK: - Arithmetic operators on plain tensors (no gradients)

extension Tensor {
    public static func + (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 + $1 } }
    public static func - (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 - $1 } }
    public static func * (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 * $1 } }
    public static func / (a: Tensor, b: Tensor) -> Tensor { broadcasting(a, b) { $0 / $1 } }
    public static prefix func - (a: Tensor) -> Tensor { a.mapSIMD { -$0 } }
    public static func + (a: Tensor, s: Float) -> Tensor { a.mapSIMD { $0 + s } }
    public static func - (a: Tensor, s: Float) -> Tensor { a.mapSIMD { $0 - s } }
    public static func * (a: Tensor, s: Float) -> Tensor { a.mapSIMD { $0 * s } }
    public static func * (s: Float, a: Tensor) -> Tensor { a.mapSIMD { $0 * s } }
    public static func / (a: Tensor, s: Float) -> Tensor { a.mapSIMD { $0 / s } }
}
