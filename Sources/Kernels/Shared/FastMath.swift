/// Vectorised elementary functions on a vector of lanes (`LaneVector`: eight floats in the AVX2
/// build of these kernels, sixteen in the AVX-512 one; each lane computes the same instructions).
///
/// Every elementwise kernel applies these to whole vectors, padding the
/// tail of a buffer into one more vector, so an element's result never depends
/// on its position or on the buffer's length (determinism across batch sizes,
/// chunkings and thread counts).
public enum FastMath {
    public typealias V = LaneVector

    /// tanh by a 13/6 rational approximation on [−7.905, 7.905] (the form used by
    /// Eigen's `generic_fast_tanh_float`); maximum error about 2 ulp, odd, and
    /// saturating just below ±1 outside the interval.
    @_transparent
    public static func tanh(_ x0: V) -> V {
        let c: Float = 7.905_311_107_635_498
        let x = x0.clamped(lowerBound: V(repeating: -c), upperBound: V(repeating: c))
        let x2 = x * x
        // Horner's rule with fused multiply-adds: c + p·x².
        var p = V(repeating: 2.000_187_904_824_77e-13).addingProduct(x2, V(repeating: -2.760_768_477_423_55e-16))
        p = V(repeating: -8.604_671_522_137_35e-11).addingProduct(p, x2)
        p = V(repeating: 5.122_297_090_371_14e-08).addingProduct(p, x2)
        p = V(repeating: 1.485_722_357_179_79e-05).addingProduct(p, x2)
        p = V(repeating: 6.372_619_288_754_36e-04).addingProduct(p, x2)
        p = V(repeating: 4.893_524_558_917_86e-03).addingProduct(p, x2)
        p = p * x
        var q = V(repeating: 1.185_347_056_866_54e-04).addingProduct(x2, V(repeating: 1.198_258_394_667_02e-06))
        q = V(repeating: 2.268_434_632_439_00e-03).addingProduct(q, x2)
        q = V(repeating: 4.893_525_185_543_85e-03).addingProduct(q, x2)
        // Tiny |x|: tanh x = x to float precision (keeps tanh(−0) = −0).
        let tiny = vabs(x0) .< Float(4e-4)
        return (p / q).replacing(with: x0, where: tiny)
    }

    /// exp by range reduction x = n·ln2 + r, |r| ≤ ln2/2, and a degree-6
    /// polynomial for e^r (Cephes `expf` coefficients); relative error ≈ 1 ulp.
    /// Returns 0 below −88.38 (no subnormals), +inf above 88.38; NaN stays NaN.
    @_transparent
    public static func exp(_ x0: V) -> V {
        let x = x0.clamped(lowerBound: V(repeating: -88.376_26), upperBound: V(repeating: 88.376_26))
        let n = (x * 1.442_695_040_888_963_4).rounded(.toNearestOrEven)
        var r = x.addingProduct(n, V(repeating: -0.693_359_375))
        r = r.addingProduct(n, V(repeating: 2.121_944_4e-4))
        var p = V(repeating: 1.398_199_950_7e-3).addingProduct(r, V(repeating: 1.987_569_15e-4))
        p = V(repeating: 8.333_451_907_3e-3).addingProduct(p, r)
        p = V(repeating: 4.166_579_589_4e-2).addingProduct(p, r)
        p = V(repeating: 1.666_666_545_9e-1).addingProduct(p, r)
        p = V(repeating: 5.000_000_120_1e-1).addingProduct(p, r)
        p = (r + 1).addingProduct(p, r * r)
        // 2^n from n's bits: n + 1.5·2^23 holds n in its low mantissa bits.
        let ni = unsafeBitCast(n + 12_582_912.0, to: LaneBits.self) &- LaneBits(repeating: 0x4B40_0000)
        let bits = (ni &+ LaneBits(repeating: 127)) &<< LaneBits(repeating: 23)
        var y: V = p * unsafeBitCast(bits, to: V.self)
        y = y.replacing(with: 0, where: x0 .< -88.376_26)
        y = y.replacing(with: .infinity, where: x0 .> 88.376_26)
        return y.replacing(with: x0, where: x0 .!= x0)
    }

    /// Natural logarithm by the Cephes `logf` method: x = m·2^e with
    /// m ∈ [√½, √2), log x = e·ln2 + log m, log m by a degree-8 polynomial in
    /// m − 1; relative error ≈ 1 ulp for normal x. log 0 = −inf, log of a
    /// negative number or NaN = NaN, log(+inf) = +inf. Subnormal inputs are
    /// treated as 0.
    @_transparent
    public static func log(_ x0: V) -> V {
        let bits = unsafeBitCast(x0, to: LaneBits.self)
        // exponent and mantissa in [0.5, 1)
        var e = V(((bits &>> 23) & LaneBits(repeating: 0xFF)) &- LaneBits(repeating: 126))
        var m = unsafeBitCast((bits & LaneBits(repeating: 0x007F_FFFF)) | LaneBits(repeating: 0x3F00_0000), to: V.self)
        let small = m .< 0.707_106_781_186_547_524
        e = e.replacing(with: e - 1, where: small)
        m = (m + m).replacing(with: m, where: .!small) - 1
        let z = m * m
        var y = V(repeating: -1.151_461_031e-1).addingProduct(m, V(repeating: 7.037_683_629_2e-2))
        y = V(repeating: 1.167_699_9e-1).addingProduct(y, m)
        y = V(repeating: -1.242_014_1e-1).addingProduct(y, m)
        y = V(repeating: 1.424_932_3e-1).addingProduct(y, m)
        y = V(repeating: -1.666_805_8e-1).addingProduct(y, m)
        y = V(repeating: 2.000_071_5e-1).addingProduct(y, m)
        y = V(repeating: -2.499_999_4e-1).addingProduct(y, m)
        y = V(repeating: 3.333_333_1e-1).addingProduct(y, m)
        y = y * m * z
        y = y.addingProduct(e, V(repeating: -2.121_944_4e-4))
        y = y.addingProduct(z, V(repeating: -0.5))
        var r = (m + y).addingProduct(e, V(repeating: 0.693_359_375))
        r = r.replacing(with: -.infinity, where: x0 .< Float.leastNormalMagnitude)
        r = r.replacing(with: .nan, where: x0 .< 0)
        r = r.replacing(with: .infinity, where: x0 .== .infinity)
        return r.replacing(with: x0, where: x0 .!= x0)
    }

    /// The logistic function 1/(1 + e^{−x}), stable for large |x|.
    @_transparent
    public static func sigmoid(_ x: V) -> V {
        let e = exp(-vabs(x))  // in (0, 1]
        let pos = 1 / (1 + e)
        return pos.replacing(with: e / (1 + e), where: x .< 0)
    }
}

/// Elementwise max; NaN in `a` stays (the standard library's generic
/// `pointwiseMax` compiles to a scalar loop, this to one vmaxps).
@_transparent
public func vmax(_ a: LaneVector, _ b: LaneVector) -> LaneVector { a.replacing(with: b, where: a .< b) }

/// Elementwise min; NaN in `a` stays.
@_transparent
public func vmin(_ a: LaneVector, _ b: LaneVector) -> LaneVector { a.replacing(with: b, where: b .< a) }

/// |v| elementwise (clears the sign bit).
@_transparent
public func vabs(_ v: LaneVector) -> LaneVector {
    unsafeBitCast(unsafeBitCast(v, to: LaneUBits.self) & LaneUBits(repeating: 0x7FFF_FFFF), to: LaneVector.self)
}

extension LaneVector {
    /// Clamped to [lowerBound, upperBound]; NaN stays NaN.
    @_transparent
    public func clamped(lowerBound: LaneVector, upperBound: LaneVector) -> LaneVector {
        vmin(vmax(self, lowerBound), upperBound)
    }
}
