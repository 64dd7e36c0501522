import Platform
import TensorCore

/// What the Embedding view draws: every point's embedding as a direction and a norm in the plane,
/// the class directions (class vectors of a cosine head, class means of an embedding head), each
/// class's margin wedge (CosFace, ArcFace), and the numbers beside the picture.
///
/// With d = 2 the plane is the embedding space itself. With d > 2 it is the plane of the first two
/// principal components of the normalised training embeddings ĥ (eigenvectors of their covariance,
/// by Jacobi rotations; `explained` is the share of variance they hold): points and directions are
/// projected onto it, so angles there are the projection's, not the embedding's.
public struct EmbeddingPicture: Sendable {
    /// A point: its direction in the plane (radians), its norm ‖h‖ (d = 2; the projection's length
    /// for d > 2, ≤ 1), and its class.
    public struct Point: Sendable, Equatable {
        public let angle: Double
        public let norm: Double
        public let label: Int
    }

    public let dimension: Int
    /// The share of the variance of ĥ in the plane (1 for d = 2).
    public let explained: Double
    public let train: [Point]
    public let test: [Point]
    /// Each class's direction in the plane (nil for a class without one), and whether they are class
    /// vectors (cosine head) or class means (embedding head).
    public let classAngles: [Double?]
    public let classVectors: Bool
    /// Each class's margin wedge half-width (radians) around its direction: m for ArcFace,
    /// arccos(1 − m) for CosFace (the angles whose cosine is within m of 1); nil for other losses.
    public let wedge: Double?
    /// Nearest-class-mean accuracy (class means of the training ĥ) on each split.
    public let ncmTrainAccuracy: Double
    public let ncmTestAccuracy: Double?
    public let geometry: EmbeddingGeometry

    public init(model: MLP, dataset: Dataset, loss: any LossFunction) {
        let k = dataset.task.classes
        let hTrain = model.embeddings(points: dataset.train.x), hTest = model.embeddings(points: dataset.test.x)
        let d = hTrain.shape[1]
        dimension = d
        let means = Readout.classMeans(embeddings: hTrain, labels: dataset.train.labels, classes: k)
        let directions = model.classVectors ?? means
        classVectors = model.classVectors != nil
        geometry = EmbeddingGeometry(embeddings: hTrain, labels: dataset.train.labels, directions: directions)
        func ncm(_ h: Tensor, _ labels: [Int]) -> Double {
            guard !labels.isEmpty else { return .nan }
            let predicted = Readout.cosines(h, means).argmaxRows()
            return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
        }
        ncmTrainAccuracy = ncm(hTrain, dataset.train.labels)
        ncmTestAccuracy = dataset.test.count > 0 ? ncm(hTest, dataset.test.labels) : nil
        // the plane: the embedding space (d = 2) or the first two principal components of ĥ
        let basis: [[Double]]
        if d == 2 {
            basis = [[1, 0], [0, 1]]
            explained = 1
        } else {
            let pca = EmbeddingPicture.principalPlane(Readout.unitRows(hTrain), rows: hTrain.shape[0], dim: d)
            basis = pca.basis
            explained = pca.explained
        }
        func project(_ v: [Double]) -> (Double, Double) {
            (zip(v, basis[0]).reduce(0) { $0 + $1.0 * $1.1 }, zip(v, basis[1]).reduce(0) { $0 + $1.0 * $1.1 })
        }
        func points(_ h: Tensor, _ labels: [Int]) -> [Point] {
            let n = h.shape[0]
            let unit = Readout.unitRows(h)
            let p = h.pointer
            return (0..<n).map { i in
                let row = Array(unit[(i * d)..<(i * d + d)])
                let (x, y) = project(row)
                var norm = 0.0
                if d == 2 {
                    for j in 0..<d { norm += Double(p[i * d + j]) * Double(p[i * d + j]) }
                    norm = norm.squareRoot()
                } else {
                    norm = (x * x + y * y).squareRoot()
                }
                return Point(angle: LibM.atan2(y, x), norm: norm, label: i < labels.count ? labels[i] : 0)
            }
        }
        train = points(hTrain, dataset.train.labels)
        test = points(hTest, dataset.test.labels)
        let dirs = Readout.unitRows(directions)
        classAngles = (0..<directions.shape[0]).map { c in
            let row = Array(dirs[(c * d)..<(c * d + d)])
            guard row.contains(where: { $0 != 0 }) else { return nil }
            let (x, y) = project(row)
            return x == 0 && y == 0 ? nil : LibM.atan2(y, x)
        }
        if let arc = loss as? ArcFaceLoss {
            wedge = arc.margin
        } else if let cos = loss as? CosFaceLoss {
            wedge = LibM.acos(Swift.max(-1, 1 - cos.margin))
        } else {
            wedge = nil
        }
    }

    /// The two leading eigenvectors of the covariance of rows u [n, d] (Jacobi rotations) and the share
    /// of the variance they explain. Deterministic; ties keep the lower index first.
    static func principalPlane(_ u: [Double], rows n: Int, dim d: Int) -> (basis: [[Double]], explained: Double) {
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { mean[j] += u[i * d + j] / Double(max(n, 1)) } }
        var a = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for i in 0..<n {
            for r in 0..<d { for c in 0..<d { a[r][c] += (u[i * d + r] - mean[r]) * (u[i * d + c] - mean[c]) } }
        }
        var v = (0..<d).map { r in (0..<d).map { $0 == r ? 1.0 : 0.0 } }
        for _ in 0..<60 {
            var off = 0.0
            for p in 0..<d { for q in (p + 1)..<d { off += a[p][q] * a[p][q] } }
            if off < 1e-22 { break }
            for p in 0..<d {
                for q in (p + 1)..<d where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<d {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<d {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let eigen: [Double] = (0..<d).map { (i: Int) -> Double in Swift.max(a[i][i], 0) }
        let order: [Int] = (0..<d).sorted { (x: Int, y: Int) -> Bool in eigen[x] > eigen[y] || (eigen[x] == eigen[y] && x < y) }
        let total: Double = eigen.reduce(0, +)
        let top: Double = eigen[order[0]] + eigen[order[1]]
        let basis: [[Double]] = order.prefix(2).map { (c: Int) -> [Double] in (0..<d).map { (r: Int) -> Double in v[r][c] } }
        return (basis, total > 0 ? top / total : 1)
    }
}
