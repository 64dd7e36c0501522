import Kernels8
import Platform

/// Differentiable elementary functions, elementwise.
///
/// Kinks and edges (documented per op): |x|'(0) = 0, sign' = 0, pow's
/// derivative at x = 0 is taken as 0 when the exponent is below 1, sqrt'(0) = +inf,
/// log'(0) = +inf (as in calculus).
extension Variable {
    /// Records an elementwise op whose derivative is `dy(x, y)` (x the input,
    /// y the output), multiplied by the upstream gradient.
    @inlinable
    func elementwise(_ y: Tensor, _ dy: @escaping (Float, Float) -> Float) -> Variable {
        let x = value
        return tape.record(y, inputs: self) { [selfID = self.id] g, acc in
            var d = Tensor(uninitializedShape: x.shape)
            let px = x.pointer, py = y.pointer, pg = g.pointer
            d.withUnsafeMutableBufferPointer { b in
                for i in 0..<b.count { b[i] = pg[i] * dy(px[i], py[i]) }
            }
            acc.add(d, to: selfID)
        }
    }

    /// Like `elementwise`, with a SIMD derivative of (x, y).
    @inlinable @inline(__always)
    func elementwiseSIMD(
        _ y: Tensor, _ dy: @escaping (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
    ) -> Variable {
        let x = value
        return tape.record(y, inputs: self) { [selfID = self.id] g, acc in
            // d = g · dy(x, y), computed blockwise
            var d = Tensor(uninitializedShape: x.shape)
            let n = x.count
            let px = x.pointer, py = y.pointer, pg = g.pointer
            d.withUnsafeMutableBufferPointer { b in
                let pd = b.baseAddress!
                var i = 0
                while i + 8 <= n {
                    let vx = UnsafeRawPointer(px + i).loadUnaligned(as: SIMD8<Float>.self)
                    let vy = UnsafeRawPointer(py + i).loadUnaligned(as: SIMD8<Float>.self)
                    let vg = UnsafeRawPointer(pg + i).loadUnaligned(as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(pd + i).storeBytes(of: vg * dy(vx, vy), as: SIMD8<Float>.self)
                    i += 8
                }
                if i < n {
                    var vx = SIMD8<Float>(), vy = SIMD8<Float>(), vg = SIMD8<Float>()
                    for j in 0..<(n - i) { vx[j] = px[i + j]; vy[j] = py[i + j]; vg[j] = pg[i + j] }
                    let r = vg * dy(vx, vy)
                    for j in 0..<(n - i) { pd[i + j] = r[j] }
                }
            }
            acc.add(d, to: selfID)
        }
    }

    /// eˣ (vectorised, see `FastMath.exp`).
    public func exp() -> Variable { elementwiseSIMD(value.mapSIMD(FastMath.exp)) { _, y in y } }

    /// Natural logarithm; log 0 = −inf, log of a negative number = NaN.
    public func log() -> Variable { elementwise(value.map { LibM.log($0) }) { x, _ in 1 / x } }

    /// log(1 + x), accurate for small x.
    public func log1p() -> Variable { elementwise(value.map { LibM.log1p($0) }) { x, _ in 1 / (1 + x) } }

    /// √x; the derivative 1/(2√x) is +inf at 0.
    public func sqrt() -> Variable {
        elementwiseSIMD(value.mapSIMD { $0.squareRoot() }) { _, y in 0.5 / y }
    }

    /// x², as x·x.
    public func square() -> Variable { elementwiseSIMD(value.mapSIMD { $0 * $0 }) { x, _ in 2 * x } }

    /// xᵖ for a constant exponent. Fractional p needs x ≥ 0 (NaN otherwise, as
    /// powf). Safe at 0: the derivative p·x^(p−1) is taken as 0 at x = 0 when
    /// p < 1 (where it is +inf) and when p > 1, and as 1 when p = 1.
    public func pow(_ p: Float) -> Variable {
        elementwise(value.map { LibM.pow($0, p) }) { x, _ in
            if x == 0 { return p == 1 ? 1 : 0 }
            return p * LibM.pow(x, p - 1)
        }
    }

    /// |x|; derivative sign(x), 0 at 0.
    public func abs() -> Variable {
        elementwiseSIMD(value.mapSIMD { vabs($0) }) { x, _ in
            SIMD8<Float>(repeating: 0).replacing(with: 1, where: x .> 0).replacing(with: -1, where: x .< 0)
        }
    }

    /// sign(x) ∈ {−1, 0, 1}; zero gradient everywhere.
    public func sign() -> Variable {
        tape.constant(
            value.mapSIMD { x in
                SIMD8<Float>(repeating: 0).replacing(with: 1, where: x .> 0).replacing(with: -1, where: x .< 0)
            })
    }

    public func sin() -> Variable { elementwise(value.map(ScalarActivation.sin)) { x, _ in ScalarActivation.sinDerivative(x) } }
    public func cos() -> Variable { elementwise(value.map { LibM.cos($0) }) { x, _ in -LibM.sin(x) } }

    /// log cosh x, computed as |x| + log1p(e^{−2|x|}) − log 2 (no overflow for
    /// any finite x); derivative tanh x.
    public func logCosh() -> Variable {
        let y = value.map { x in
            let a = Swift.abs(x)
            return a + LibM.log1p(LibM.exp(-2 * a)) - 0.693_147_18
        }
        return elementwiseSIMD(y) { x, _ in FastMath.tanh(x) }
    }
}
