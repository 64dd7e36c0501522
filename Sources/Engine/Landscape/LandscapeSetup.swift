import Learning
import TensorCore

/// A landscape ready to compute for one run at one moment: the objective on
/// the chosen split, the directions (random or PCA of the recorded path), the
/// grid, and the training-loss objective for sharpness.
///
/// Build it on the engine's queue (or from an immutable `RunSnapshot`), then
/// compute anywhere: everything in it is immutable and Sendable. The UI calls
/// `computation.computeRow(i)` row by row on a background queue, checking its
/// own cancellation flag between rows.
public struct LandscapeSetup: Sendable {
    public let options: LandscapeOptions
    /// The 2-D slice (grid, directions, objective, row-by-row evaluation).
    public let computation: LandscapeComputation
    /// The PCA of the path (PCA directions only).
    public let pca: TrajectoryPCA?
    /// The batch loss on the training split at the centre (for sharpness).
    public let trainLoss: LandscapeObjective
    /// The step of the centre weights.
    public let step: Int
    /// The run's seed (directions and sharpness draw from its streams).
    public let seed: UInt64

    /// A landscape around `model` (the centre) for a run of `spec` on `dataset`.
    /// `trajectory` is needed for PCA directions; its last weight set should
    /// be `model`'s weights (it is treated as the centre). Throws a one-line
    /// `LandscapeError` (or the loss's error) when the options do not fit the run.
    public init(
        model: MLP, dataset: Dataset, spec: RunSpec, step: Int,
        trajectory: WeightTrajectory? = nil, options: LandscapeOptions
    ) throws {
        guard LandscapeGrid.countRange.contains(options.grid) else {
            throw LandscapeError(
                "grid: \(options.grid) points per axis is outside \(LandscapeGrid.countRange.lowerBound)…\(LandscapeGrid.countRange.upperBound)")
        }
        if let s = options.span, !(s > 0 && s.isFinite) {
            throw LandscapeError("span: must be a positive number, got \(s)")
        }
        if options.metric == .accuracy && !dataset.task.isClassification {
            throw LandscapeError("metric: accuracy needs a classification dataset (this one is regression)")
        }
        let split = options.split == .train ? dataset.train : dataset.test
        if split.count == 0 {
            throw LandscapeError(
                "split: the \(options.split.rawValue) split is empty" + (options.split == .test ? " (the preset's test_fraction is 0)" : ""))
        }
        guard model.parameters.allSatisfy(\.isFinite) else {
            throw LandscapeError("the weights are not finite (the run diverged)")
        }
        trainLoss = try LandscapeSetup.trainingLoss(model: model, dataset: dataset, spec: spec)
        let objective =
            options.split == .train
            ? trainLoss.with(metric: options.metric)
            : LandscapeObjective(
                model: model, split: split, task: dataset.task, loss: trainLoss.loss,
                classWeights: trainLoss.classWeights, metric: options.metric)
        let directions: LandscapeDirections
        let span: Double
        switch options.directions {
        case .random:
            directions = LandscapeDirections.random(
                around: model.parameters, seed: spec.seed,
                normalization: options.normalization, biases: options.biases)
            pca = nil
            span = options.span ?? 1
        case .pca:
            guard let trajectory else { throw LandscapeError("directions: PCA needs the recorded training path") }
            var path = trajectory.weights
            if path.last.map({ $0 != model.parameters }) ?? true { path.append(model.parameters) }
            let p = try TrajectoryPCA(weights: path, biases: options.biases)
            directions = p.directions
            pca = p
            span = options.span ?? p.suggestedSpan
        }
        computation = LandscapeComputation(
            objective: objective, directions: directions,
            grid: LandscapeGrid(count: options.grid, span: span),
            threads: options.threads)
        self.options = options
        self.step = step
        seed = spec.seed
    }

    /// A landscape around a trainer's current weights (on the engine's queue).
    public init(trainer: Trainer, trajectory: WeightTrajectory? = nil, options: LandscapeOptions) throws {
        try self.init(
            model: trainer.model, dataset: trainer.dataset, spec: trainer.spec, step: trainer.step,
            trajectory: trajectory, options: options)
    }

    /// A landscape around a published snapshot's weights (from any thread).
    public init(snapshot: RunSnapshot, trajectory: WeightTrajectory? = nil, options: LandscapeOptions) throws {
        try self.init(
            model: snapshot.model, dataset: snapshot.dataset, spec: snapshot.spec, step: snapshot.step,
            trajectory: trajectory, options: options)
    }

    /// The training loss around `model` alone (for sharpness tracked over
    /// training with `SharpnessTracker`, without a grid or directions).
    public static func trainingLoss(model: MLP, dataset: Dataset, spec: RunSpec) throws -> LandscapeObjective {
        let (loss, weights) = try Trainer.makeLoss(spec.loss, dataset: dataset)
        return LandscapeObjective(model: model, split: dataset.train, task: dataset.task, loss: loss, classWeights: weights)
    }

    /// The grid (coordinates and span).
    public var grid: LandscapeGrid { computation.grid }

    /// The top Hessian eigenvalue of the training loss at the centre.
    public func sharpness(options o: Sharpness.Options? = nil) -> Sharpness.Result {
        var opts = o ?? Sharpness.Options()
        if o == nil { opts.seed = seed }
        return Sharpness.topEigenvalue(trainLoss, options: opts)
    }

    /// The 1-D slice along d₁ over the grid's coordinates.
    public func slice() -> LandscapeCurve { computation.sliceAlongD1() }

    /// Linear interpolation on the chosen split between `from` (e.g. the
    /// initial weights) and the centre, over α ∈ [−0.5, 1.5].
    public func interpolation(from start: [Tensor], count: Int = 41) -> LandscapeCurve {
        LandscapeInterpolation.curve(
            computation.objective, from: start, to: computation.objective.center,
            count: count, threads: options.threads)
    }
}
