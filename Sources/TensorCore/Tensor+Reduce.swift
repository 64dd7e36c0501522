/// Reductions along one axis, and argmax/argmin for their gradients.
extension Tensor {
    /// The tensor seen as [outer, n, inner] around `axis`.
    @usableFromInline
    func split(around axis: Int) -> (outer: Int, n: Int, inner: Int) {
        precondition(axis >= 0 && axis < rank, "axis \(axis) out of range for \(shape)")
        var outer = 1, inner = 1
        for i in 0..<axis { outer *= shape[i] }
        for i in (axis + 1)..<rank { inner *= shape[i] }
        return (outer, shape[axis], inner)
    }

    func reducedShape(_ axis: Int, _ keep: Bool) -> Shape {
        keep ? shape.replacing(axis: axis, with: 1) : shape.removing(axis: axis)
    }

    /// Sum along `axis` (sequential order, so the result is deterministic).
    public func sum(alongAxis axis: Int, keepingDimension keep: Bool = false) -> Tensor {
        let (outer, n, inner) = split(around: axis)
        var out = Tensor(shape: reducedShape(axis, keep), repeating: 0)
        let src = pointer
        out.withUnsafeMutableBufferPointer { d in
            for o in 0..<outer {
                let dst = d.baseAddress! + o * inner
                for k in 0..<n {
                    let row = src + (o * n + k) * inner
                    var i = 0
                    while i + 8 <= inner {
                        let v =
                            UnsafeRawPointer(dst + i).loadUnaligned(as: SIMD8<Float>.self)
                            + UnsafeRawPointer(row + i).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(dst + i).storeBytes(of: v, as: SIMD8<Float>.self)
                        i &+= 8
                    }
                    while i < inner { dst[i] += row[i]; i &+= 1 }
                }
            }
        }
        return out
    }

    /// Sum of all elements, accumulated in Double then rounded.
    public func sum() -> Float {
        withUnsafeBufferPointer { b in Float(b.reduce(0.0) { $0 + Double($1) }) }
    }

    public func mean() -> Float { count == 0 ? .nan : sum() / Float(count) }

    /// Max (or min) along `axis`, with the flat source index of the first
    /// extreme element for each output (PyTorch's argmax convention at ties).
    public func extreme(alongAxis axis: Int, keepingDimension keep: Bool = false, max isMax: Bool)
        -> (values: Tensor, indices: [Int])
    {
        let (outer, n, inner) = split(around: axis)
        precondition(n > 0, "max/min along an empty axis of \(shape)")
        var out = Tensor(uninitializedShape: reducedShape(axis, keep))
        var idx = [Int](repeating: 0, count: outer * inner)
        let src = pointer
        out.withUnsafeMutableBufferPointer { d in
            for o in 0..<outer {
                for i in 0..<inner {
                    var best = src[o * n * inner + i], bestAt = o * n * inner + i
                    for k in 1..<n {
                        let at = (o * n + k) * inner + i
                        let v = src[at]
                        // NaN propagates: it wins over any number and stays.
                        if best.isNaN { break }
                        if v.isNaN || (isMax ? v > best : v < best) { best = v; bestAt = at }
                    }
                    d[o * inner + i] = best
                    idx[o * inner + i] = bestAt
                }
            }
        }
        return (out, idx)
    }

    public func max(alongAxis axis: Int, keepingDimension keep: Bool = false) -> Tensor {
        extreme(alongAxis: axis, keepingDimension: keep, max: true).values
    }

    public func min(alongAxis axis: Int, keepingDimension keep: Bool = false) -> Tensor {
        extreme(alongAxis: axis, keepingDimension: keep, max: false).values
    }

    /// Index of the largest element of each row (last axis), first at ties.
    public func argmaxRows() -> [Int] {
        let n = shape.last, rows = shape.rows
        let p = pointer
        return (0..<rows).map { r in
            var best = 0
            for k in 1..<Swift.max(n, 1) where p[r * n + k] > p[r * n + best] { best = k }
            return best
        }
    }
}
