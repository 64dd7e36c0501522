import TensorCore

/// What a landscape plots at each weight set.
public enum LandscapeMetric: String, CaseIterable, Sendable {
    /// The batch loss over the split, exactly as training computes it
    /// (`LossFunction.batchLoss`, with the run's class weights).
    case loss
    /// The fraction of the split classified correctly (argmax of the loss's
    /// probabilities, as the trainer's accuracy); classification only.
    case accuracy
}

/// The function a landscape samples: f(θ) = metric of the network with
/// weights θ on one data split.
///
/// `model` fixes the architecture and the centre θ* (its current weights).
/// `value(at:)` and `gradient(at:)` run on a tape and are the reference; the
/// grid itself goes through `LandscapeEvaluator`, which gives the same
/// numbers without a tape.
public struct LandscapeObjective: Sendable {
    public let model: MLP
    /// The split's feature matrix [N, F] (`model.features(of:)`).
    public let features: Tensor
    /// Class labels (classification) — empty for regression.
    public let labels: [Int]
    /// Regression targets [N] — empty for classification.
    public let values: Tensor
    public let isClassification: Bool
    public let loss: any LossFunction
    public let classWeights: [Float]?
    public let metric: LandscapeMetric

    /// The objective on `split` of a dataset for `task`.
    public init(
        model: MLP, split: DataSplit, task: PredictionTask, loss: any LossFunction,
        classWeights: [Float]?, metric: LandscapeMetric = .loss
    ) {
        precondition(metric == .loss || task.isClassification, "accuracy needs a classification task")
        self.model = model
        features = model.features(of: split.x)
        isClassification = task.isClassification
        labels = task.isClassification ? split.labels : []
        values = task.isClassification ? Tensor.zeros([0]) : Tensor(split.targets)
        self.loss = loss
        self.classWeights = classWeights
        self.metric = metric
    }

    /// The same objective with another metric (or the same one).
    public func with(metric m: LandscapeMetric) -> LandscapeObjective {
        LandscapeObjective(copying: self, metric: m)
    }

    private init(copying o: LandscapeObjective, metric: LandscapeMetric) {
        precondition(metric == .loss || o.isClassification, "accuracy needs a classification task")
        model = o.model
        features = o.features
        labels = o.labels
        values = o.values
        isClassification = o.isClassification
        loss = o.loss
        classWeights = o.classWeights
        self.metric = metric
    }

    /// The number of examples in the split.
    public var count: Int { features.shape[0] }

    /// The centre θ* (the model's current weights).
    public var center: [Tensor] { model.parameters }

    /// The loss's targets.
    public var targets: LossTargets { isClassification ? .labels(labels) : .values(values) }

    /// f(θ) by the tape forward pass (the reference the grid must match).
    public func value(at parameters: [Tensor]) -> Double {
        let tape = Tape()
        let out = model.forward(tape.constant(features), params: parameters.map { tape.constant($0) })
        return measure(outputs: out.value, tape: tape)
    }

    /// The metric of network outputs [N, K] on the split; `tape` is a scratch
    /// tape for the loss (reset here).
    public func measure(outputs: Tensor, tape: Tape) -> Double {
        switch metric {
        case .loss:
            if let ce = loss as? CrossEntropyLoss, isClassification, ce.temperature == 1, outputs.rank == 2 {
                // the fused kernel's value: the bits of the tape's cross-entropy node, without its allocations
                let n = outputs.shape[0], k = outputs.shape[1]
                return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * n * k + n) { scratch in
                    Double(
                        FusedCrossEntropy.loss(
                            logits: outputs.pointer, rows: n, classes: k, labels: labels, classWeights: classWeights,
                            scratch: scratch.baseAddress!))
                }
            }
            tape.reset()
            return Double(loss.batchLoss(tape.constant(outputs), targets, classWeights: classWeights).value.scalar)
        case .accuracy:
            guard count > 0 else { return .nan }
            // the head's prediction rule; an embedding head's class means from these outputs
            let means =
                model.spec.head == .embedding
                ? Readout.classMeans(embeddings: outputs, labels: labels, classes: (labels.max() ?? -1) + 1)
                : nil
            let predicted = Readout(head: model.spec.head, loss: loss, classMeans: means).predictions(outputs)
            var right = 0
            for (p, y) in zip(predicted, labels) where p == y { right += 1 }
            return Double(right) / Double(count)
        }
    }

    /// The loss (whatever the metric) and its gradient with respect to every
    /// parameter at `parameters`, on the tape.
    public func gradient(at parameters: [Tensor], tape: Tape = Tape()) -> (loss: Double, gradient: [Tensor]) {
        tape.reset()
        let p = parameters.map { tape.parameter($0) }
        let out = model.forward(tape.constant(features), params: p)
        let l = loss.batchLoss(out, targets, classWeights: classWeights)
        let g = tape.gradients(of: l)
        return (Double(l.value.scalar), p.map { g.of($0) })
    }
}
