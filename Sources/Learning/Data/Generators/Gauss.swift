import Platform
import TensorCore

/// `gauss`: K Gaussian blobs, one per class, centred on a circle of radius 2.
///
/// Centre of class c: μ_c = 2·(cos φ_c, sin φ_c), φ_c = π/4 + 2πc/K
/// (K = 2: ±(√2, √2), TensorFlow Playground's two blobs at half scale).
/// Point = μ_c + 0.5·N(0, I), then Gaussian jitter of std `noise`: each blob
/// has std √(0.5² + noise²) per coordinate.
enum Gauss: PointGenerator {
    static let radius = 2.0
    static let spread = 0.5

    static func points(ofClass c: Int, classes k: Int, count: Int, rng: inout SeededRandom) -> [SIMD2<Double>] {
        let phi = Double.pi / 4 + 2 * Double.pi * Double(c) / Double(k)
        let mu = SIMD2(radius * LibM.cos(phi), radius * LibM.sin(phi))
        return (0..<count).map { _ in
            let dx = spread * rng.normal()
            let dy = spread * rng.normal()
            return mu + SIMD2(dx, dy)
        }
    }
}
