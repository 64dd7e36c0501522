import Platform
import TensorCore

/// `spiral`: K interleaved arms of 1.75 turns from the centre, one per class.
///
/// For point i of n in arm c: u = (i + U(0, 1))/n (stratified along the arm),
/// r = 2.8·u, θ = 1.75·2π·u + 2πc/K, point (r sin θ, r cos θ) (TensorFlow
/// Playground's spiral at about half scale), then Gaussian jitter of std `noise`.
enum Spiral: PointGenerator {
    static let maxRadius = 2.8
    static let turns = 1.75

    static func points(ofClass c: Int, classes k: Int, count: Int, rng: inout SeededRandom) -> [SIMD2<Double>] {
        let offset = 2 * Double.pi * Double(c) / Double(k)
        return (0..<count).map { i in
            let u = rng.stratified(i, of: count)
            let r = maxRadius * u
            let theta = turns * 2 * Double.pi * u + offset
            return SIMD2(r * LibM.sin(theta), r * LibM.cos(theta))
        }
    }
}
