import Kernels8
import Platform

/// Differentiable activation functions.
extension Variable {
    /// tanh (vectorised rational approximation, `FastMath.tanh`); derivative 1 − y².
    public func tanh() -> Variable { elementwiseSIMD(value.mapSIMD(FastMath.tanh)) { _, y in 1 - y * y } }

    /// σ(x) = 1/(1 + e^{−x}); derivative y(1 − y).
    public func sigmoid() -> Variable { elementwiseSIMD(value.mapSIMD(FastMath.sigmoid)) { _, y in y * (1 - y) } }

    /// max(0, x); derivative 1 for x > 0, 0 for x ≤ 0 (relu'(0) = 0, as PyTorch).
    public func relu() -> Variable {
        elementwiseSIMD(value.mapSIMD { vmax($0, SIMD8(repeating: 0)) }) { x, _ in
            SIMD8<Float>(repeating: 0).replacing(with: 1, where: x .> 0)
        }
    }

    /// x for x > 0, slope·x otherwise (default slope 0.01); derivative 1 or
    /// slope (slope at 0).
    public func leakyRelu(slope: Float = 0.01) -> Variable {
        elementwiseSIMD(value.mapSIMD { x in (x * slope).replacing(with: x, where: x .> 0) }) { x, _ in
            SIMD8<Float>(repeating: slope).replacing(with: 1, where: x .> 0)
        }
    }

    /// GELU in its exact form x·Φ(x), Φ(x) = ½(1 + erf(x/√2)) (Hendrycks &
    /// Gimpel 2016); derivative Φ(x) + x·φ(x).
    public func gelu() -> Variable {
        elementwise(value.map(ScalarActivation.gelu)) { x, _ in ScalarActivation.geluDerivative(x) }
    }

    /// log(1 + eˣ), computed as max(x, 0) + log1p(e^{−|x|}); derivative σ(x).
    public func softplus() -> Variable {
        let y = value.map { x in Swift.max(x, 0) + LibM.log1p(LibM.exp(-Swift.abs(x))) }
        return elementwiseSIMD(y) { x, _ in FastMath.sigmoid(x) }
    }
}
