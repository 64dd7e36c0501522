import TensorCore

/// Classification or regression.
public enum LossFamily: String, Sendable {
    case classification, regression
}

/// One numeric parameter of a loss, with its default and valid range.
public struct LossParameter: Sendable, Equatable {
    public let name: String
    public let defaultValue: Double
    /// Valid values; `lowerOpen`/`upperOpen` exclude an end.
    public let range: ClosedRange<Double>
    public let lowerOpen: Bool, upperOpen: Bool
    public let summary: String

    public init(
        _ name: String, default d: Double, in range: ClosedRange<Double>,
        lowerOpen: Bool = false, upperOpen: Bool = false, _ summary: String
    ) {
        self.name = name
        defaultValue = d
        self.range = range
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
        self.summary = summary
    }

    public func contains(_ v: Double) -> Bool {
        guard v.isFinite, range.contains(v) else { return false }
        if lowerOpen && v == range.lowerBound { return false }
        if upperOpen && v == range.upperBound { return false }
        return true
    }

    /// The range in interval notation, e.g. "(0, 1]".
    public var rangeText: String {
        func f(_ x: Double) -> String { x.isInfinite ? (x > 0 ? "inf" : "-inf") : formatParameter(x) }
        return "\(lowerOpen ? "(" : "[")\(f(range.lowerBound)), \(f(range.upperBound))\(upperOpen ? ")" : "]")"
    }
}

/// Formats a parameter value compactly: 2, 0.5, 1e-05.
public func formatParameter(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e6 { return String(Int(x)) }
    return String(x)
}

/// What a loss is: identity, maths and provenance. `losscape list losses` and
/// `losscape inspect` print it.
public struct LossInfo: Sendable {
    public let id: String
    public let family: LossFamily
    public let parameters: [LossParameter]
    /// One line.
    public let summary: String
    /// The per-example formula in plain Unicode.
    public let formula: String
    /// The fewest classes the loss is defined for (z_loss needs 3).
    public let minClasses: Int

    /// The paper that introduced the loss and the reading-list papers that study it (``LossPapers``).
    public var provenance: LossProvenance? { LossPapers.byLoss[id] }

    /// "Title (Lin et al. 2017)": the originating paper by title, first author and year.
    public var paper: String { provenance.map { "\($0.origin.title) (\($0.origin.short))" } ?? "" }

    /// The head the loss needs (``ModelHead``): linear for the losses on logits, cosine for the
    /// cos-head margin losses, embedding for the pair losses.
    public let head: ModelHead

    public init(
        id: String, family: LossFamily, head: ModelHead = .linear, parameters: [LossParameter] = [], summary: String,
        formula: String, minClasses: Int = 2
    ) {
        self.id = id
        self.family = family
        self.head = head
        self.parameters = parameters
        self.summary = summary
        self.formula = formula
        self.minClasses = minClasses
    }
}

/// What the training labels look like, for losses that use priors
/// (logit_adjusted, ldam) and for class weighting.
public struct LossContext: Sendable, Equatable {
    public let classes: Int
    /// Training-set class counts n_c of the labels as trained (after label noise).
    public let classCounts: [Int]

    public init(classes: Int, classCounts: [Int]) {
        self.classes = classes
        self.classCounts = classCounts
    }

    public static func regression() -> LossContext { LossContext(classes: 0, classCounts: []) }
}

/// The targets of a batch.
public enum LossTargets {
    case labels([Int])
    case values(Tensor)

    public var labels: [Int] {
        if case .labels(let y) = self { return y }
        preconditionFailure("classification loss given regression targets")
    }

    public var values: Tensor {
        if case .values(let v) = self { return v }
        preconditionFailure("regression loss given class labels")
    }
}

/// A training objective on a batch of network outputs.
///
/// Conventions (issue #3): logits z ∈ R^K, p = softmax(z), y the label; for
/// regression ŷ and e = ŷ − y. The batch loss is the mean of the per-example
/// values, or with class weights w the weighted mean Σ w_{yᵢ} ℓᵢ / Σ w_{yᵢ}.
public protocol LossFunction: Sendable {
    var info: LossInfo { get }

    /// Per-example losses, shape [N], on the tape. `outputs` is [N, K] logits
    /// or [N, 1] predictions.
    func perExample(_ outputs: Variable, _ targets: LossTargets) -> Variable

    /// The batch loss (a scalar) with optional per-class weights.
    func batchLoss(_ outputs: Variable, _ targets: LossTargets, classWeights: [Float]?) -> Variable

    /// Class probabilities shown for the outputs: softmax by default
    /// (sparsemax shows sparsemax(z); the cos-head losses softmax(s·cos θ)).
    func probabilities(_ logits: Tensor) -> Tensor

    /// False for losses that define no probabilities (cosine_contrastive, the pair losses): their
    /// probability-based numbers (test NLL, calibration, Brier) are null, and `probabilities` only
    /// serves the argmax of the prediction.
    var definesProbabilities: Bool { get }
}

extension LossFunction {
    public func batchLoss(_ outputs: Variable, _ targets: LossTargets, classWeights: [Float]?) -> Variable {
        weightedMean(perExample(outputs, targets), targets, classWeights: classWeights)
    }

    public func probabilities(_ logits: Tensor) -> Tensor { logits.softmaxRows() }

    public var definesProbabilities: Bool { true }

    /// mean ℓ, or Σ w_{yᵢ} ℓᵢ / Σ w_{yᵢ} with class weights.
    public func weightedMean(_ perExample: Variable, _ targets: LossTargets, classWeights: [Float]?) -> Variable {
        guard let w = classWeights, case .labels(let y) = targets else { return perExample.mean() }
        let wy = y.map { w[$0] }
        let total = wy.reduce(0, +)
        let weights = perExample.constant(Tensor(wy))
        return (perExample * weights).sum() / (total > 0 ? total : 1)
    }
}
