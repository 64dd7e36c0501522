import Platform
import TensorCore

/// `sine` (regression, 1-D): x1 ~ U(−3, 3), x2 = 0, y = sin x1 + noise·N(0, 1).
///
/// `noise` is the std of the target noise. The dataset is 1-D
/// (`isOneDimensional`, default features ["x1"]).
enum Sine: TargetGenerator {
    static func sample(count: Int, noise: Double, rng: inout SeededRandom) -> (x: [SIMD2<Double>], y: [Double]) {
        var xs: [SIMD2<Double>] = [], ys: [Double] = []
        xs.reserveCapacity(count); ys.reserveCapacity(count)
        for _ in 0..<count {
            let x1 = rng.uniform(-3, 3)
            xs.append(SIMD2(x1, 0))
            ys.append(LibM.sin(x1) + noise * rng.normal())
        }
        return (xs, ys)
    }
}
