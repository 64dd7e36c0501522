import TensorCore

/// Arithmetic on a parameter list ([W₀, b₀, W₁, b₁, …], as `MLP.parameters`)
/// seen as one flat vector θ ∈ R^P, the space the landscape lives in.
///
/// Reductions accumulate in Double, entry by entry in list order, so they are
/// deterministic.
public enum ParameterVector {
    /// ⟨a, b⟩ over all entries.
    public static func dot(_ a: [Tensor], _ b: [Tensor]) -> Double {
        precondition(a.count == b.count, "\(a.count) tensors against \(b.count)")
        var s = 0.0
        for (x, y) in zip(a, b) {
            precondition(x.count == y.count, "shape \(x.shape) against \(y.shape)")
            let px = x.pointer, py = y.pointer
            for i in 0..<x.count { s += Double(px[i]) * Double(py[i]) }
        }
        return s
    }

    /// ‖a‖₂ over all entries.
    public static func norm(_ a: [Tensor]) -> Double { dot(a, a).squareRoot() }

    /// cos∠(a, b) = ⟨a, b⟩ / (‖a‖‖b‖); 0 when either is the zero vector.
    public static func cosine(_ a: [Tensor], _ b: [Tensor]) -> Double {
        let na = norm(a), nb = norm(b)
        return na > 0 && nb > 0 ? dot(a, b) / (na * nb) : 0
    }

    /// Zeros shaped like `a`.
    public static func zeros(like a: [Tensor]) -> [Tensor] { a.map { Tensor.zeros($0.shape) } }

    /// a − b, entrywise.
    public static func difference(_ a: [Tensor], _ b: [Tensor]) -> [Tensor] {
        zip(a, b).map { x, y in
            var d = x
            d.addScaled(y, -1)
            return d
        }
    }

    /// base + Σ cₖ·vₖ, entrywise in Float (the terms added in order).
    public static func combination(_ base: [Tensor], _ terms: [(Float, [Tensor])]) -> [Tensor] {
        var out = base
        for (c, v) in terms where c != 0 {
            for i in out.indices { out[i].addScaled(v[i], c) }
        }
        return out
    }

    /// The entries in list order.
    public static func flattened(_ a: [Tensor]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(a.reduce(0) { $0 + $1.count })
        for t in a { t.withUnsafeBufferPointer { b in for v in b { out.append(Double(v)) } } }
        return out
    }

    /// A flat vector cut back into tensors shaped like `like` (rounded to Float).
    public static func unflattened(_ v: [Double], like: [Tensor]) -> [Tensor] {
        var offset = 0
        return like.map { t in
            let n = t.count
            let out = Tensor(shape: t.shape, scalars: (0..<n).map { Float(v[offset + $0]) })
            offset += n
            return out
        }
    }

    /// True for the tensors the landscape treats as biases: rank ≤ 1
    /// (torch's `dim() <= 1`, as the reference code decides).
    public static func isBias(_ t: Tensor) -> Bool { t.rank <= 1 }
}
