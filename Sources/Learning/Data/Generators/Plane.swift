import TensorCore

/// `plane` (regression): a tilted plane over [−3, 3]².
///
/// x1, x2 ~ U(−3, 3); y = 0.5·x1 − 0.8·x2 + noise·N(0, 1) (`noise` is the
/// std of the target noise; the inputs are exact). y ranges over about ±3.9.
enum Plane: TargetGenerator {
    static let a = 0.5, b = -0.8

    static func f(_ x1: Double, _ x2: Double) -> Double { a * x1 + b * x2 }

    static func sample(count: Int, noise: Double, rng: inout SeededRandom) -> (x: [SIMD2<Double>], y: [Double]) {
        var xs: [SIMD2<Double>] = [], ys: [Double] = []
        xs.reserveCapacity(count); ys.reserveCapacity(count)
        for _ in 0..<count {
            let x1 = rng.uniform(-3, 3), x2 = rng.uniform(-3, 3)
            xs.append(SIMD2(x1, x2))
            ys.append(f(x1, x2) + noise * rng.normal())
        }
        return (xs, ys)
    }
}
