/// Eigenvalues and eigenvectors of a small real symmetric matrix by the cyclic
/// Jacobi method (Golub & Van Loan, "Matrix Computations", §8.5): sweeps of
/// plane rotations, each zeroing one off-diagonal entry, until the
/// off-diagonal mass is below 1e−24 of the total (or 60 sweeps). Double
/// throughout; deterministic. O(n³) per sweep, fine for n ≤ a few hundred
/// (PCA Gram matrices, Hessians of tiny models).
public struct SymmetricEigen: Sendable {
    /// Eigenvalues, decreasing.
    public let values: [Double]
    /// vectors[k] is the unit eigenvector of values[k].
    public let vectors: [[Double]]

    /// The decomposition of the symmetric n×n matrix `a` (row-major, n² entries).
    public init(_ a: [Double], n: Int) {
        precondition(a.count == n * n, "\(a.count) entries for \(n)×\(n)")
        var m = a
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        var total = 0.0
        for x in m { total += x * x }
        for _ in 0..<60 {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<n { off += 2 * m[p * n + q] * m[p * n + q] } }
            if off <= 1e-24 * total || off == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n {
                    let apq = m[p * n + q]
                    if apq == 0 { continue }
                    let theta = (m[q * n + q] - m[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    // A ← JᵀAJ on rows and columns p, q.
                    for k in 0..<n {
                        let akp = m[k * n + p], akq = m[k * n + q]
                        m[k * n + p] = c * akp - s * akq
                        m[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = m[p * n + k], aqk = m[q * n + k]
                        m[p * n + k] = c * apk - s * aqk
                        m[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { m[$0 * n + $0] > m[$1 * n + $1] || (m[$0 * n + $0] == m[$1 * n + $1] && $0 < $1) }
        values = order.map { m[$0 * n + $0] }
        vectors = order.map { j in (0..<n).map { v[$0 * n + j] } }
    }
}
