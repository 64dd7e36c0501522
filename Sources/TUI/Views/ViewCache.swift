import Engine
import Learning
import Render

/// Expensive view computations kept between frames: the decision-boundary
/// fields (a forward pass over every pixel, per run) are redone at most 10
/// times a second while training, the analyses 4 times, the linear regions
/// twice; loss objects and loss-shape curves only when a loss changes (all
/// bounded). A reference type held by whoever renders (the playground loop, a
/// headless screen) beside the `AppState`; rendering stays a function of the
/// state. Main thread only.
public final class ViewCache {
    struct FieldKey: Equatable {
        let sequence: Int, step: Int, cols: Int, rows: Int
    }
    /// The decision-boundary field of one run, with what it was computed for.
    struct CachedField {
        var key: FieldKey
        var time: Double
        var field: BoundaryField
        /// The dataset the field was computed for (a new run gets new storage).
        var data: ObjectIdentifier
    }
    /// Per run index.
    var fields: [Int: CachedField] = [:]
    var losses: [LossSpec: any LossFunction] = [:]
    struct ShapeKey: Hashable {
        let loss: LossSpec, classes: Int, family: LossFamily
        /// A cosine head's class-vector angles from w_0, in whole degrees (empty otherwise).
        var angles: [Int] = []
    }
    var shapes: [ShapeKey: LossCurve] = [:]
    /// Per run index: the analysis views' numbers and the linear regions at the panel's resolution.
    var analyses: [Int: CachedAnalysis] = [:]
    var regions: [Int: CachedRegions] = [:]
    var embeddings: [Int: CachedEmbedding] = [:]

    public init() {}

    /// The loss of `run`, for its probabilities (softmax, or sparsemax for sparsemax).
    func lossFunction(for run: RunSnapshot) -> (any LossFunction)? {
        if let loss = losses[run.spec.loss] { return loss }
        let family: LossFamily = run.dataset.task.isClassification ? .classification : .regression
        let ctx =
            family == .classification ? LossContext(classes: run.dataset.task.classes, classCounts: run.dataset.trainClassCounts) : .regression()
        let loss = try? LossCatalog.make(run.spec.loss.name, parameters: run.spec.loss.parameters, context: ctx, family: family)
        if losses.count > 16 { losses.removeAll() }  // bounded: a long session cycles through many settings
        losses[run.spec.loss] = loss
        return loss
    }
}
