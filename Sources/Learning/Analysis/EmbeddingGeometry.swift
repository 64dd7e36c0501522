import Platform
import TensorCore

/// The geometry of normalised embeddings ĥ = h/‖h‖ and of the class directions (class vectors of a
/// cosine head, class means of an embedding head): the numbers beside the Embedding view and, for
/// alignment and uniformity, in metrics.jsonl.
///
/// - alignment = mean over same-class pairs i < j of ‖ĥ_i − ĥ_j‖² (0: each class collapsed to a point);
/// - uniformity = log mean over all pairs i < j of e^{−2‖ĥ_i − ĥ_j‖²} (lower: spread more evenly over
///   the sphere; 0 when every point coincides); both from "Understanding Contrastive Representation Learning through Alignment and Uniformity
///   on the Hypersphere" (Wang & Isola 2020), with t = 2;
/// - within-class angle: the mean angle (degrees) between each ĥ_i and its class direction;
/// - smallest between-class angle: the least angle (degrees) between two class directions.
/// Computed in Double; NaN where undefined (no pair, no class direction).
public struct EmbeddingGeometry: Sendable, Equatable {
    public let alignment: Double
    public let uniformity: Double
    public let withinClassAngle: Double
    public let smallestBetweenClassAngle: Double

    /// From embeddings h [N, d] with labels, and class directions [K, d] (any norms).
    public init(embeddings h: Tensor, labels: [Int], directions: Tensor) {
        let n = h.shape[0], d = h.shape[1]
        let u = Readout.unitRows(h)
        var sameSum = 0.0, samePairs = 0, allSum = 0.0, allPairs = 0
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                var d2 = 0.0
                for k in 0..<d {
                    let e = u[i * d + k] - u[j * d + k]
                    d2 += e * e
                }
                allSum += LibM.exp(-2 * d2)
                allPairs += 1
                if labels[i] == labels[j] {
                    sameSum += d2
                    samePairs += 1
                }
            }
        }
        alignment = samePairs > 0 ? sameSum / Double(samePairs) : .nan
        uniformity = allPairs > 0 ? LibM.log(allSum / Double(allPairs)) : .nan
        let k = directions.shape[0]
        let dirs = Readout.unitRows(directions)
        let present = (0..<k).map { c in (0..<d).contains { dirs[c * d + $0] != 0 } }
        func angle(_ dot: Double) -> Double { LibM.acos(Swift.min(1, Swift.max(-1, dot))) * 180 / Double.pi }
        var within = 0.0, counted = 0
        for i in 0..<n where labels[i] >= 0 && labels[i] < k && present[labels[i]] {
            var dot = 0.0
            for j in 0..<d { dot += u[i * d + j] * dirs[labels[i] * d + j] }
            within += angle(dot)
            counted += 1
        }
        withinClassAngle = counted > 0 ? within / Double(counted) : .nan
        var smallest = Double.nan
        for a in 0..<k where present[a] {
            for b in (a + 1)..<max(k, a + 1) where present[b] {
                var dot = 0.0
                for j in 0..<d { dot += dirs[a * d + j] * dirs[b * d + j] }
                let t = angle(dot)
                if smallest.isNaN || t < smallest { smallest = t }
            }
        }
        smallestBetweenClassAngle = smallest
    }
}
