import TensorCore

/// Central finite-difference check of reverse-mode gradients (after PyTorch's
/// gradcheck): with a random upstream weight v, the tape's vᵀJ for each input
/// is compared with (Σ v·f(x + h·eᵢ) − Σ v·f(x − h·eᵢ)) / 2h, the sums taken in
/// Double. A random v (not all ones) makes a transposed or misrouted gradient
/// show.
///
/// Tensors are Float32, so h is relative (h = step·max(1, |xᵢ|)) and the
/// tolerance is |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|).
public struct GradientCheckFailure: CustomStringConvertible, Sendable {
    public let input: Int, element: Int
    public let analytic: Double, numeric: Double
    public var description: String {
        "input \(input) element \(element): analytic \(analytic), numeric \(numeric)"
    }
}

/// Returns the elements whose gradients disagree (empty when the check passes).
public func gradientCheck(
    _ inputs: [Tensor], seed: UInt64 = 7, step: Float = 1e-2, rtol: Double = 1e-2, atol: Double = 1e-3,
    _ f: ([Variable]) -> Variable
) -> [GradientCheckFailure] {
    // Analytic vᵀJ.
    let tape = Tape()
    let vars = inputs.map { tape.parameter($0) }
    let out = f(vars)
    var rng = SeededRandom(seed: seed, stream: "gradcheck")
    let v = Tensor.randomNormal(out.shape, using: &rng)
    let grads = tape.gradients(of: out, seed: v)

    func weighted(_ xs: [Tensor]) -> Double {
        let t = Tape()
        let y = f(xs.map { t.constant($0) }).value
        var s = 0.0
        for i in 0..<y.count { s += Double(v[flat: i]) * Double(y[flat: i]) }
        return s
    }

    var failures: [GradientCheckFailure] = []
    for (k, x) in inputs.enumerated() {
        let analytic = grads.of(vars[k])
        for i in 0..<x.count {
            let h = step * max(1, abs(x[flat: i]))
            var plus = inputs, minus = inputs
            plus[k][flat: i] = x[flat: i] + h
            minus[k][flat: i] = x[flat: i] - h
            let hp = Double(plus[k][flat: i]) - Double(x[flat: i])
            let hm = Double(x[flat: i]) - Double(minus[k][flat: i])
            let numeric = (weighted(plus) - weighted(minus)) / (hp + hm)
            let a = Double(analytic[flat: i])
            if !(abs(a - numeric) <= atol + rtol * max(abs(a), abs(numeric))) {
                failures.append(GradientCheckFailure(input: k, element: i, analytic: a, numeric: numeric))
            }
        }
    }
    return failures
}

/// A tensor of standard-normal elements from a fixed seed.
public func randomTensor(_ shape: Shape, seed: UInt64, scale: Float = 1) -> Tensor {
    var rng = SeededRandom(seed: seed, stream: "test")
    return Tensor.randomNormal(shape, std: scale, using: &rng)
}

/// Keeps elements at least `gap` away from each of `kinks` (for ops with kinks).
public func awayFromKinks(_ t: Tensor, _ kinks: [Float], gap: Float = 0.1) -> Tensor {
    t.map { x in
        var y = x
        for k in kinks where abs(y - k) < gap { y = y < k ? k - gap : k + gap }
        return y
    }
}
