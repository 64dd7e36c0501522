import TensorCore

/// The plane of the optimizer's path (Li, Xu, Taylor, Studer & Goldstein 2018,
/// §7; reference code plot_trajectory.py / projection.py).
///
/// With recorded weights θ_0 … θ_n (θ_n the final weights, the landscape's
/// centre): the rows rᵢ = θᵢ − θ_n (i < n) are centred by their mean and the
/// top two principal components of that m×P matrix, found from its m×m Gram
/// matrix by Jacobi, are the directions d₁, d₂: orthonormal, unit norm, not
/// filter-normalized (as the paper). Explained variance = λₖ / Σλ (the
/// fraction of the path's variance on each axis, as sklearn's
/// `explained_variance_ratio_`). The path is (⟨θᵢ − θ_n, d₁⟩, ⟨θᵢ − θ_n, d₂⟩),
/// ending at (0, 0). Signs are fixed so that the path starts at negative
/// coordinates. With biases ignored their entries are zeroed in every row
/// (the reference code's default), so the directions do not move biases.
public struct TrajectoryPCA: Sendable {
    public let directions: LandscapeDirections
    /// λ₁/Σλ and λ₂/Σλ.
    public let explainedVariance: [Double]
    /// The recorded weights projected on (d₁, d₂), in order; the last is (0, 0).
    public let path: [SIMD2<Double>]
    /// A span that holds the whole path with a 25% margin.
    public let suggestedSpan: Double

    /// PCA of the path `weights` (oldest first; the last element is the
    /// centre). Throws when fewer than 3 weight sets differ from the centre or
    /// the path does not span two directions.
    public init(weights: [[Tensor]], biases: BiasDirections = .ignore) throws {
        guard let final = weights.last, weights.count >= 4 else {
            throw LandscapeError("PCA directions need at least 4 recorded weight sets (train a few more steps)")
        }
        let m = weights.count - 1
        let isBias = final.map(ParameterVector.isBias)
        // rows rᵢ = θᵢ − θ_n, flattened (bias entries zeroed when ignored)
        var rows: [[Double]] = (0..<m).map { i in
            var r: [Double] = []
            for (t, (w, f)) in zip(weights[i], final).enumerated() {
                let pw = w.pointer, pf = f.pointer
                let zero = isBias[t] && biases == .ignore
                for k in 0..<w.count { r.append(zero ? 0 : Double(pw[k]) - Double(pf[k])) }
            }
            return r
        }
        let p = rows[0].count
        var mean = [Double](repeating: 0, count: p)
        for r in rows { for k in 0..<p { mean[k] += r[k] } }
        for k in 0..<p { mean[k] /= Double(m) }
        let centred = rows.map { r in (0..<p).map { r[$0] - mean[$0] } }
        var gram = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for j in i..<m {
                var s = 0.0
                let a = centred[i], b = centred[j]
                for k in 0..<p { s += a[k] * b[k] }
                gram[i * m + j] = s
                gram[j * m + i] = s
            }
        }
        let eig = SymmetricEigen(gram, n: m)
        let total = eig.values.reduce(0) { $0 + max($1, 0) }
        guard total > 0, eig.values.count >= 2, eig.values[1] > 1e-12 * eig.values[0] else {
            throw LandscapeError("PCA directions need a path that spans two directions (the recorded weights lie on a line)")
        }
        // vₖ = Σᵢ uₖ[i]·cᵢ / ‖·‖, with the sign that puts the first point at a negative coordinate
        var dirs: [[Double]] = []
        for k in 0..<2 {
            var d = [Double](repeating: 0, count: p)
            for i in 0..<m { let c = eig.vectors[k][i]; for q in 0..<p { d[q] += c * centred[i][q] } }
            let n = d.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for q in 0..<p { d[q] /= n }
            var first = 0.0
            for q in 0..<p { first += rows[0][q] * d[q] }
            if first > 0 { for q in 0..<p { d[q] = -d[q] } }
            dirs.append(d)
        }
        let d1 = ParameterVector.unflattened(dirs[0], like: final)
        let d2 = ParameterVector.unflattened(dirs[1], like: final)
        directions = LandscapeDirections(d1: d1, d2: d2)
        explainedVariance = [eig.values[0] / total, eig.values[1] / total]
        // project with the Float directions actually used for the surface
        let f1 = ParameterVector.flattened(d1), f2 = ParameterVector.flattened(d2)
        rows.append([Double](repeating: 0, count: p))
        path = rows.map { r in
            var a = 0.0, b = 0.0
            for q in 0..<p { a += r[q] * f1[q]; b += r[q] * f2[q] }
            return SIMD2(a, b)
        }
        let reach = path.reduce(0.0) { max($0, abs($1.x), abs($1.y)) }
        suggestedSpan = reach > 0 ? reach * 1.25 : 1
    }
}

/// A landscape that cannot be computed as asked; one line.
public struct LandscapeError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ message: String) { description = message }
}
