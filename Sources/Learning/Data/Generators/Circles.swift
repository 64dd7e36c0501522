import Platform
import TensorCore

/// `circles`: K concentric rings, class c in ring c (class 0 is the central disk).
///
/// With band spacing s = 3/K, class c has radius r ∈ [c·s, c·s + 0.7·s]
/// (a gap of 0.3·s between rings), drawn area-uniformly:
/// r = √(r₀² + U·(r₁² − r₀²)), angle θ ~ U(0, 2π), point (r cos θ, r sin θ),
/// then Gaussian jitter of std `noise` on both coordinates. K = 2: disk of
/// radius 1.05 inside a ring 1.5…2.55 (TensorFlow Playground's circle at half scale).
enum Circles: PointGenerator {
    static func points(ofClass c: Int, classes k: Int, count: Int, rng: inout SeededRandom) -> [SIMD2<Double>] {
        let s = 3.0 / Double(k)
        let r0 = Double(c) * s, r1 = r0 + 0.7 * s
        return (0..<count).map { _ in
            let r = (r0 * r0 + rng.uniform() * (r1 * r1 - r0 * r0)).squareRoot()
            let theta = rng.uniform(0, 2 * Double.pi)
            return SIMD2(r * LibM.cos(theta), r * LibM.sin(theta))
        }
    }
}
