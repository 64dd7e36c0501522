import Platform
import TensorCore

/// `moons`: two interleaving half circles (scikit-learn's make_moons), 2 classes.
///
/// t = π·(i + U(0, 1))/n (stratified). Class 0, the upper moon: (cos t, sin t);
/// class 1, the lower moon: (1 − cos t, 0.5 − sin t). Both are centred and
/// scaled into the playground: x = 1.8·(m − (0.5, 0.25)), so x1 ∈ [−2.7, 2.7],
/// x2 ∈ [−1.35, 1.35]. Then Gaussian jitter of std `noise` (in these scaled
/// units, unlike make_moons's noise).
enum Moons: PointGenerator {
    static let scale = 1.8

    static func points(ofClass c: Int, classes k: Int, count: Int, rng: inout SeededRandom) -> [SIMD2<Double>] {
        (0..<count).map { i in
            let t = Double.pi * rng.stratified(i, of: count)
            let m =
                c == 0
                ? SIMD2(LibM.cos(t), LibM.sin(t))
                : SIMD2(1 - LibM.cos(t), 0.5 - LibM.sin(t))
            return scale * (m - SIMD2(0.5, 0.25))
        }
    }
}
