import TensorCore

/// `checkerboard`: a 4×4 board of 1.5-wide cells over [−3, 3]², 2 classes.
///
/// Cell (i, j), i, j ∈ 0…3, covers [−3 + 1.5i, −3 + 1.5(i+1)) × [−3 + 1.5j, …)
/// and has class (i + j) mod 2. A point of class c picks one of its 8 cells
/// uniformly and a uniform position inside it; then Gaussian jitter of std `noise`.
enum Checkerboard: PointGenerator {
    static let cells = 4
    static let cellSize = 1.5

    static func points(ofClass c: Int, classes k: Int, count: Int, rng: inout SeededRandom) -> [SIMD2<Double>] {
        (0..<count).map { _ in
            let i = rng.int(below: cells)
            let j = 2 * rng.int(below: cells / 2) + (c + i) % 2  // (i + j) mod 2 == c
            let x1 = -3 + cellSize * (Double(i) + rng.uniform())
            let x2 = -3 + cellSize * (Double(j) + rng.uniform())
            return SIMD2(x1, x2)
        }
    }

    /// The class of a point on the board (without jitter).
    static func label(_ x1: Double, _ x2: Double) -> Int {
        let i = Int(((x1 + 3) / cellSize).rounded(.down)), j = Int(((x2 + 3) / cellSize).rounded(.down))
        return ((i + j) % 2 + 2) % 2
    }
}
