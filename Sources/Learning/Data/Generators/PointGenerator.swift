import Platform
import TensorCore

/// Draws the clean points of one class of a classification shape.
///
/// The factory then adds the Gaussian jitter: x_j ← x_j + noise · N(0, 1) for
/// both coordinates (`noise` is the jitter's standard deviation, in data
/// units). Shapes lie roughly within [−3, 3]².
protocol PointGenerator {
    /// `count` points of class `c` of `k`, drawn from `rng`.
    static func points(ofClass c: Int, classes k: Int, count: Int, rng: inout SeededRandom) -> [SIMD2<Double>]
}

/// Draws a regression dataset: inputs and noisy targets.
protocol TargetGenerator {
    /// `count` inputs and their targets y = f(x) + noise · N(0, 1).
    static func sample(count: Int, noise: Double, rng: inout SeededRandom) -> (x: [SIMD2<Double>], y: [Double])
}

extension SeededRandom {
    /// Stratified position in [0, 1) of point `i` of `n`: (i + U(0, 1)) / n,
    /// evenly spread along a curve but still random.
    mutating func stratified(_ i: Int, of n: Int) -> Double { (Double(i) + uniform()) / Double(n) }
}
