import Kernels8

/// Elementwise kernels: a unary map, SIMD or scalar, over contiguous storage.
extension Tensor {
    /// Applies `f` to blocks of eight elements; the tail is padded into one more
    /// block (see `FastMath`), so results are position-independent.
    @inlinable @inline(__always)
    public func mapSIMD(_ f: (SIMD8<Float>) -> SIMD8<Float>) -> Tensor {
        var out = Tensor(uninitializedShape: shape)
        let n = count
        let src = pointer
        out.withUnsafeMutableBufferPointer { dst in
            let d = dst.baseAddress!
            var i = 0
            while i + 8 <= n {
                let v = UnsafeRawPointer(src + i).loadUnaligned(as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(d + i).storeBytes(of: f(v), as: SIMD8<Float>.self)
                i += 8
            }
            if i < n {
                var v = SIMD8<Float>(repeating: 0)
                for j in 0..<(n - i) { v[j] = src[i + j] }
                let r = f(v)
                for j in 0..<(n - i) { d[i + j] = r[j] }
            }
        }
        return out
    }

    /// Applies `f` to each element.
    @inlinable
    public func map(_ f: (Float) -> Float) -> Tensor {
        var out = Tensor(uninitializedShape: shape)
        let src = pointer
        out.withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count { d[i] = f(src[i]) }
        }
        return out
    }

    /// Combines two tensors of the same shape elementwise, SIMD.
    @inlinable @inline(__always)
    public func zipSIMD(_ other: Tensor, _ f: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>) -> Tensor {
        precondition(shape == other.shape, "shape mismatch \(shape) vs \(other.shape)")
        var out = Tensor(uninitializedShape: shape)
        let n = count
        let a = pointer, b = other.pointer
        out.withUnsafeMutableBufferPointer { dst in
            let d = dst.baseAddress!
            var i = 0
            while i + 8 <= n {
                let va = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
                let vb = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(d + i).storeBytes(of: f(va, vb), as: SIMD8<Float>.self)
                i += 8
            }
            if i < n {
                var va = SIMD8<Float>(repeating: 0), vb = SIMD8<Float>(repeating: 0)
                for j in 0..<(n - i) { va[j] = a[i + j]; vb[j] = b[i + j] }
                let r = f(va, vb)
                for j in 0..<(n - i) { d[i + j] = r[j] }
            }
        }
        return out
    }

    /// Combines two tensors of the same shape elementwise.
    @inlinable
    public func zip(_ other: Tensor, _ f: (Float, Float) -> Float) -> Tensor {
        precondition(shape == other.shape, "shape mismatch \(shape) vs \(other.shape)")
        var out = Tensor(uninitializedShape: shape)
        let a = pointer, b = other.pointer
        out.withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count { d[i] = f(a[i], b[i]) }
        }
        return out
    }

    /// Adds `other` (same shape) into `self`, scaled by `alpha`: self += alpha·other.
    public mutating func addScaled(_ other: Tensor, _ alpha: Float = 1) {
        precondition(shape.count == other.count, "shape mismatch \(shape) vs \(other.shape)")
        let b = other.pointer
        withUnsafeMutableBufferPointer { d in
            let n = d.count
            let p = d.baseAddress!
            let va = SIMD8<Float>(repeating: alpha)
            var i = 0
            while i + 8 <= n {
                let x = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
                let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(p + i).storeBytes(of: x.addingProduct(va, y), as: SIMD8<Float>.self)
                i += 8
            }
            while i < n { p[i] = p[i].addingProduct(alpha, b[i]); i += 1 }
        }
    }

    /// Multiplies every element by `s` in place.
    public mutating func scale(by s: Float) {
        withUnsafeMutableBufferPointer { d in for i in 0..<d.count { d[i] *= s } }
    }

    /// The sum of squares of all elements, accumulated in Double.
    public var squaredNorm: Double {
        withUnsafeBufferPointer { b in b.reduce(0.0) { $0 + Double($1) * Double($1) } }
    }
}
