import Learning
import TensorCore

/// Whether a run can go on.
public enum RunHealth: Equatable, Sendable {
    case healthy
    /// Stopped at `step` (no update was applied there) because of `reason`.
    case diverged(step: Int, reason: String)

    public var isDiverged: Bool { if case .diverged = self { return true } else { return false } }
}

/// How a trainer computes ∇L: the fused MLP step, or the tape it must match bit for bit. Networks
/// with a cosine or an embedding head always use the tape.
public enum GradientPath: Sendable {
    case fused, tape
}

/// Trains one run: owns its data, model, loss, optimizer, batch stream and
/// metric log. Not thread-safe: it lives on the engine's queue.
///
/// Determinism: a step does the same arithmetic in the same order whatever
/// happens around it. The batch for update k+1 and the gradient at θ_k on it
/// are computed once ("pending") and serve both the logged grad_norm of step k
/// and the update, so logging more or less often never changes the numbers.
public final class Trainer {
    public private(set) var spec: RunSpec
    public let dataset: Dataset
    public private(set) var model: MLP
    /// The weights at step 0.
    public let initialModel: MLP
    public private(set) var loss: any LossFunction
    public private(set) var classWeights: [Float]?
    public private(set) var optimizer: Optimizer
    public private(set) var batches: BatchStream
    /// Updates applied so far: the current weights are θ_step.
    public private(set) var step = 0
    public private(set) var health = RunHealth.healthy
    /// Training points used by the updates applied so far.
    private var samplesSeen = 0
    public private(set) var lastRecord: MetricRecord?

    let trainFeatures: Tensor
    let testFeatures: Tensor
    let tape = Tape()
    /// The fused step's buffers.
    let workspace = MLPGradientWorkspace()
    /// How gradients are computed: the fused step (default) or the tape (the reference).
    public var gradientPath = GradientPath.fused {
        didSet { if model.spec.head != .linear { gradientPath = .tape } }
    }
    /// The class means of an embedding head's prediction rule, from the training embeddings at the
    /// last logged step (nil for other heads, and before the first record).
    public internal(set) var classMeans: Tensor?
    /// Batch for the next update (nil entry = full batch), once drawn.
    private var pendingBatch: [Int]??
    /// Loss and gradient at θ_step on the pending batch, once computed.
    private var pendingGradient: BatchGradient?

    /// Builds the run: generates the data, initialises the weights, makes the
    /// loss and the optimizer. Throws a one-line error naming a bad key.
    public init(spec: RunSpec, baseDirectory: String? = nil, dataset shared: Dataset? = nil) throws {
        dataset = try shared ?? DatasetFactory.make(spec.data, seed: spec.seed, baseDirectory: baseDirectory)
        var spec = spec
        spec.dataTask = dataset.task
        spec.model.head = spec.head
        guard MLPSpec.embeddingDimRange.contains(spec.model.embeddingDim) else {
            throw LossError("model.embedding_dim: must be between 2 and 8, got \(spec.model.embeddingDim)")
        }
        self.spec = spec
        var initRNG = SeededRandom(seed: spec.initSeed ?? spec.seed, stream: "init")
        model = MLP(spec: spec.model, outputs: dataset.task.outputs, using: &initRNG)
        initialModel = model
        (loss, classWeights) = try Trainer.makeLoss(spec.loss, dataset: dataset)
        if spec.model.head != .linear { gradientPath = .tape }
        optimizer = Optimizer(spec: spec.optimizer, totalSteps: spec.steps)
        batches = BatchStream(count: dataset.train.count, batchSize: spec.optimizer.batchSize, seed: spec.seed)
        trainFeatures = model.features(of: dataset.train.x)
        testFeatures = model.features(of: dataset.test.x)
    }

    static func makeLoss(_ l: LossSpec, dataset: Dataset) throws -> (any LossFunction, [Float]?) {
        let family: LossFamily = dataset.task.isClassification ? .classification : .regression
        let context =
            family == .classification
            ? LossContext(classes: dataset.task.classes, classCounts: dataset.trainClassCounts)
            : .regression()
        let loss = try LossCatalog.make(l.name, parameters: l.parameters, context: context, family: family)
        if l.weighting != .none && family == .regression {
            throw LossError("loss.weighting: class weighting needs a classification dataset")
        }
        if l.weighting != .none && loss.info.head == .embedding {
            throw LossError("loss.weighting: class weighting does not apply to \(l.name) (a pair loss)")
        }
        let weights = family == .classification ? l.weighting.weights(classCounts: context.classCounts, beta: l.weightingBeta) : nil
        return (loss, weights)
    }

    // MARK: - Changes that keep the weights

    /// Switches the loss (applies from the next update).
    public func setLoss(_ l: LossSpec) throws {
        let head = LossCatalog.entry(l.name)?.info.head ?? .linear
        if head != model.spec.head {
            throw LossError(
                "loss.name: \(l.name) needs \(head.phrase) and this run has \(model.spec.head.phrase): "
                    + "a change of head restarts the run with new weights")
        }
        (loss, classWeights) = try Trainer.makeLoss(l, dataset: dataset)
        spec.loss = l
        pendingGradient = nil
    }

    /// Changes the optimizer from the next update. The same optimizer (name and SAM base)
    /// keeps its state — momentum buffers, moments, step count — and takes the new values,
    /// as changing a param group's values does in torch.optim; another optimizer starts
    /// afresh. The schedule continues at this step. A new batch size starts a new batch
    /// stream (same seed).
    public func setOptimizer(_ o: OptimizerSpec) {
        if optimizer.canRetune(to: o) {
            optimizer.retune(o)
        } else {
            optimizer = Optimizer(spec: o, totalSteps: spec.steps, updatesSoFar: step)
        }
        if o.batchSize != spec.optimizer.batchSize {
            batches = BatchStream(count: dataset.train.count, batchSize: o.batchSize, seed: spec.seed)
            pendingBatch = nil
            pendingGradient = nil
        }
        spec.optimizer = o
    }

    /// Changes the base learning rate; the optimizer's state is kept.
    public func setLearningRate(_ lr: Double) {
        optimizer.setLearningRate(lr)
        spec.optimizer.learningRate = lr
    }

    /// Applies an event of the timeline now (before the next update).
    public func apply(_ event: RunEvent) throws {
        if let l = event.loss { try setLoss(l) }
        if let o = event.optimizer { setOptimizer(o) }
    }

    // MARK: - Training

    /// Applies one update. Returns false (and sets `health`) when the loss,
    /// the gradient or the new weights are not finite.
    @discardableResult
    public func trainStep(logging: Bool = false) -> Bool {
        guard !health.isDiverged else { return false }
        let g = pending()
        if let problem = g.problem {
            health = .diverged(step: step, reason: problem)
            lastRecord = record(g)  // the metrics at the step that diverged
            return false
        }
        if logging { lastRecord = record(g) }
        let batch = pendingBatch!
        // the parameters leave the model for the update so the rule writes them in place
        var params = model.takeParameters()
        optimizer.step(&params, gradient: g.grads) { p in self.gradient(at: p, batch: batch).grads }
        model.parameters = params
        step += 1
        samplesSeen += batch?.count ?? dataset.train.count
        pendingBatch = nil
        pendingGradient = nil
        if !params.allSatisfy(\.isFinite) {
            health = .diverged(step: step, reason: "weights are not finite after the update")
            return false
        }
        return true
    }

    /// The metrics at the current weights θ_step (computing the pending
    /// gradient if needed; this changes no numbers of later steps).
    public func currentRecord() -> MetricRecord {
        let r = record(pending())
        lastRecord = r
        return r
    }

    private func pending() -> BatchGradient {
        if pendingBatch == nil { pendingBatch = .some(batches.next()) }
        if let g = pendingGradient { return g }
        let g = gradient(at: model.parameters, batch: pendingBatch!)
        pendingGradient = g
        return g
    }

    /// Epochs of data the applied updates have seen (a real number; the
    /// pending batch, drawn early for the metrics, does not count).
    public var epochProgress: Double { dataset.train.count > 0 ? Double(samplesSeen) / Double(dataset.train.count) : 0 }
}
