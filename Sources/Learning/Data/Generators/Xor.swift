import TensorCore

/// `xor`: the four quadrants of [−3, 3]², kept 0.2 away from the axes.
///
/// |x1|, |x2| ~ U(0.2, 3) and the signs place the point in a quadrant:
/// - K = 2: class 0 = same signs (x1·x2 > 0, quadrants I and III, one at
///   random), class 1 = opposite signs (II and IV);
/// - K = 4: class q = quadrant q counter-clockwise from (+, +): 0 (+,+),
///   1 (−,+), 2 (−,−), 3 (+,−).
/// Then Gaussian jitter of std `noise` on both coordinates.
enum Xor: PointGenerator {
    static let gap = 0.2

    static func points(ofClass c: Int, classes k: Int, count: Int, rng: inout SeededRandom) -> [SIMD2<Double>] {
        (0..<count).map { _ in
            let a = rng.uniform(gap, 3), b = rng.uniform(gap, 3)
            let quadrant: Int
            if k == 4 {
                quadrant = c
            } else {
                let coin = rng.int(below: 2)
                quadrant = c == 0 ? 2 * coin : 2 * coin + 1  // 0 or 2, else 1 or 3
            }
            let sx: Double = (quadrant == 0 || quadrant == 3) ? 1 : -1
            let sy: Double = quadrant < 2 ? 1 : -1
            return SIMD2(sx * a, sy * b)
        }
    }
}
