import TensorCore

/// What the network predicts: K class logits, or one real value.
public enum PredictionTask: Equatable, Sendable {
    case classification(classes: Int)
    case regression

    public var isClassification: Bool { if case .classification = self { return true } else { return false } }

    /// The number of network outputs: K logits, or 1.
    public var outputs: Int {
        switch self {
        case .classification(let k): return k
        case .regression: return 1
        }
    }

    public var classes: Int {
        if case .classification(let k) = self { return k }
        return 0
    }
}

/// One split (train or test) of a dataset: inputs and targets.
public struct DataSplit: Sendable {
    /// Inputs, shape [N, 2] (1-D data has x2 = 0).
    public let x: Tensor
    /// Class labels as trained (after label noise); empty for regression.
    public let labels: [Int]
    /// Labels before label noise (equal to `labels` when there is none, and
    /// always for the test split); empty for regression.
    public let cleanLabels: [Int]
    /// Regression targets (as trained, outliers included); empty for classification.
    public let targets: [Float]

    public init(x: Tensor, labels: [Int] = [], cleanLabels: [Int]? = nil, targets: [Float] = []) {
        precondition(x.rank == 2 && x.shape[1] == 2, "inputs must be [N, 2], got \(x.shape)")
        self.x = x
        self.labels = labels
        self.cleanLabels = cleanLabels ?? labels
        self.targets = targets
    }

    public var count: Int { x.shape[0] }

    /// Indices of points whose training label differs from the clean label.
    public var flipped: [Bool] { zip(labels, cleanLabels).map { $0 != $1 } }

    /// The rows at `indices`, in that order (a mini-batch).
    public func rows(_ indices: [Int]) -> DataSplit {
        var xs = Tensor(uninitializedShape: [indices.count, 2])
        let src = x.pointer
        xs.withUnsafeMutableBufferPointer { d in
            for (r, i) in indices.enumerated() { d[2 * r] = src[2 * i]; d[2 * r + 1] = src[2 * i + 1] }
        }
        return DataSplit(
            x: xs,
            labels: labels.isEmpty ? [] : indices.map { labels[$0] },
            cleanLabels: cleanLabels.isEmpty ? [] : indices.map { cleanLabels[$0] },
            targets: targets.isEmpty ? [] : indices.map { targets[$0] })
    }
}

/// A generated or loaded dataset: the task and its two splits.
public struct Dataset: Sendable {
    public let task: PredictionTask
    public let train: DataSplit
    public let test: DataSplit
    /// True for 1-D data (sine, or a CSV whose x2 column is all 0): plotted as a curve.
    public let isOneDimensional: Bool

    public init(task: PredictionTask, train: DataSplit, test: DataSplit, isOneDimensional: Bool = false) {
        self.task = task
        self.train = train
        self.test = test
        self.isOneDimensional = isOneDimensional
    }

    /// Training-set class counts n_c of the labels as trained (after label noise).
    public var trainClassCounts: [Int] {
        var counts = [Int](repeating: 0, count: task.classes)
        for y in train.labels { counts[y] += 1 }
        return counts
    }
}

extension Dataset {
    /// The default input features for this data: ["x1"] when it is 1-D, ["x1", "x2"] otherwise.
    public var defaultFeatures: [InputFeature] { isOneDimensional ? [.x1] : [.x1, .x2] }
}
