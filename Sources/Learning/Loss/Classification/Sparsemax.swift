import TensorCore

/// Sparsemax loss: ℓ = −z_y + ½Σ_{j∈S}(z_j² − τ²) + ½, gradient sparsemax(z) − e_y.
///
/// sparsemax(z) = [z − τ(z)]₊ is the Euclidean projection of z onto the simplex;
/// S = {j : z_j > τ} its support, τ = (Σ_{j≤k} z_(j) − 1)/k with k the largest
/// index such that 1 + k·z_(k) > Σ_{j≤k} z_(j) (z sorted descending). Evaluated on
/// z − max z with z_j² − τ² as (z_j − τ)(z_j + τ). For K = 2 it is a Huber-like
/// margin loss: 0 (m ≥ 1), (1 − m)²/4 (|m| < 1), −m (m ≤ −1).
/// The class probabilities shown for this loss are sparsemax(z) (exact zeros).
/// Paper: "From Softmax to Sparsemax: A Sparse Model of Attention and
/// Multi-Label Classification".
public struct SparsemaxLoss: RowwiseClassificationLoss {
    static var usesSoftmax: Bool { false }

    public static let info = LossInfo(
        id: "sparsemax", family: .classification,
        summary: "Sparsemax loss: the softmax loss's analogue for the sparse projection onto the simplex",
        formula: "ℓ = −z_y + ½Σ_{j∈S}(z_j² − τ²) + ½, τ and support S of sparsemax(z)")

    public var info: LossInfo { Self.info }

    public init() {}
    public init(parameters: LossParameters, context: LossContext) {}

    /// sparsemax(z) per row: [z − τ(z)]₊.
    public func probabilities(_ logits: Tensor) -> Tensor {
        let k = logits.shape.last, rows = logits.shape.rows
        var out = Tensor(uninitializedShape: logits.shape)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * k) { scratch in
            let z = scratch.baseAddress!, sorted = z + k
            out.withUnsafeMutableBufferPointer { b in
                for r in 0..<rows {
                    for j in 0..<k { z[j] = Double(logits.pointer[r * k + j]) }
                    let tau = Self.threshold(z, count: k, sortedInto: sorted)
                    for j in 0..<k { b[r * k + j] = Float(Swift.max(z[j] - tau, 0)) }
                }
            }
        }
        return out
    }

    /// τ(z): sorts z into `sorted` (descending) and returns the threshold.
    static func threshold(_ z: UnsafePointer<Double>, count k: Int, sortedInto s: UnsafeMutablePointer<Double>) -> Double {
        for j in 0..<k {  // insertion sort, K ≤ 5
            var i = j
            while i > 0 && s[i - 1] < z[j] {
                s[i] = s[i - 1]
                i -= 1
            }
            s[i] = z[j]
        }
        var cumulative = 0.0, support = 1, supportSum = s[0]
        for j in 0..<k {
            cumulative += s[j]
            if 1 + Double(j + 1) * s[j] > cumulative {
                support = j + 1
                supportSum = cumulative
            }
        }
        return (supportSum - 1) / Double(support)
    }

    func rowLoss(_ r: LogitRow, gradient g: UnsafeMutablePointer<Double>?) -> Double {
        let tau = Self.threshold(r.z, count: r.count, sortedInto: r.work)
        var quadratic = 0.0
        for j in 0..<r.count where r.z[j] > tau { quadratic += (r.z[j] - tau) * (r.z[j] + tau) }
        if let g {
            for j in 0..<r.count { g[j] = Swift.max(r.z[j] - tau, 0) }
            g[r.label] -= 1
        }
        return -r.z[r.label] + quadratic / 2 + 0.5
    }
}
