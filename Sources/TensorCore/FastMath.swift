/// Vectorised elementary functions on eight floats at a time.
///
/// Every elementwise kernel applies these to whole SIMD8 blocks, padding the
/// tail of a buffer into one more block, so an element's result never depends
/// on its position or on the buffer's length (determinism across batch sizes,
/// chunkings and thread counts).
public enum FastMath {
    public typealias V = SIMD8<Float>

    /// tanh by a 13/6 rational approximation on [−7.905, 7.905] (the form used by
    /// Eigen's `generic_fast_tanh_float`); maximum error about 2 ulp, odd, and
    /// saturating just below ±1 outside the interval.
    @inlinable @inline(__always)
    public static func tanh(_ x0: V) -> V {
        let c: Float = 7.905_311_107_635_498
        let x = x0.clamped(lowerBound: V(repeating: -c), upperBound: V(repeating: c))
        let x2 = x * x
        var p = x2 * -2.760_768_477_423_55e-16 + 2.000_187_904_824_77e-13
        p = p * x2 + -8.604_671_522_137_35e-11
        p = p * x2 + 5.122_297_090_371_14e-08
        p = p * x2 + 1.485_722_357_179_79e-05
        p = p * x2 + 6.372_619_288_754_36e-04
        p = p * x2 + 4.893_524_558_917_86e-03
        p = p * x
        var q = x2 * 1.198_258_394_667_02e-06 + 1.185_347_056_866_54e-04
        q = q * x2 + 2.268_434_632_439_00e-03
        q = q * x2 + 4.893_525_185_543_85e-03
        // Tiny |x|: tanh x = x to float precision (keeps tanh(−0) = −0).
        let tiny = vabs(x0) .< Float(4e-4)
        return (p / q).replacing(with: x0, where: tiny)
    }

    /// exp by range reduction x = n·ln2 + r, |r| ≤ ln2/2, and a degree-6
    /// polynomial for e^r (Cephes `expf` coefficients); relative error ≈ 1 ulp.
    /// Returns 0 below −88.38 (no subnormals), +inf above 88.38; NaN stays NaN.
    @inlinable @inline(__always)
    public static func exp(_ x0: V) -> V {
        let x = x0.clamped(lowerBound: V(repeating: -88.376_26), upperBound: V(repeating: 88.376_26))
        let n = (x * 1.442_695_040_888_963_4).rounded(.toNearestOrEven)
        var r = x - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        var p = V(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        p = p * (r * r) + r + 1
        let ni = SIMD8<Int32>(n, rounding: .towardZero)
        let bits: SIMD8<Int32> = (ni &+ SIMD8<Int32>(repeating: 127)) &<< SIMD8<Int32>(repeating: 23)
        var y: V = p * unsafeBitCast(bits, to: V.self)
        y = y.replacing(with: 0, where: x0 .< -88.376_26)
        y = y.replacing(with: .infinity, where: x0 .> 88.376_26)
        return y.replacing(with: x0, where: x0 .!= x0)
    }

    /// The logistic function 1/(1 + e^{−x}), stable for large |x|.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: V) -> V {
        let e = exp(-vabs(x))  // in (0, 1]
        let pos = 1 / (1 + e)
        return pos.replacing(with: e / (1 + e), where: x .< 0)
    }
}

/// |v| elementwise (clears the sign bit).
@inlinable @inline(__always)
public func vabs(_ v: SIMD8<Float>) -> SIMD8<Float> {
    unsafeBitCast(unsafeBitCast(v, to: SIMD8<UInt32>.self) & SIMD8<UInt32>(repeating: 0x7FFF_FFFF), to: SIMD8<Float>.self)
}

extension SIMD8 where Scalar == Float {
    @inlinable @inline(__always)
    public func clamped(lowerBound: SIMD8<Float>, upperBound: SIMD8<Float>) -> SIMD8<Float> {
        pointwiseMin(pointwiseMax(self, lowerBound), upperBound)
    }
}
