import Platform

/// The activations without a SIMD form, one element at a time; the tape's `gelu` and `sin` nodes
/// and the fused training step both use these (same bits).
public enum ScalarActivation {
    /// GELU, exact form: x·Φ(x) = ½x(1 + erf(x/√2)) (Hendrycks & Gimpel 2016).
    @inlinable public static func gelu(_ x: Float) -> Float { 0.5 * x * (1 + LibM.erf(x * 0.707_106_78)) }

    /// GELU′(x) = Φ(x) + x·φ(x).
    @inlinable public static func geluDerivative(_ x: Float) -> Float {
        let cdf = 0.5 * (1 + LibM.erf(x * 0.707_106_78))
        let pdf = 0.398_942_28 * LibM.exp(-0.5 * x * x)
        return cdf + x * pdf
    }

    @inlinable public static func sin(_ x: Float) -> Float { LibM.sin(x) }
    @inlinable public static func sinDerivative(_ x: Float) -> Float { LibM.cos(x) }

    /// d[i] = g[i]·derivative(x[i]) (the tape's scalar `elementwise` backward).
    @inlinable public static func backward(
        count: Int, g: UnsafePointer<Float>, x: UnsafePointer<Float>, d: UnsafeMutablePointer<Float>,
        _ derivative: (Float) -> Float
    ) {
        for i in 0..<count { d[i] = g[i] * derivative(x[i]) }
    }
}
