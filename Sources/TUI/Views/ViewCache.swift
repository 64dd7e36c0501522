import Engine
import Learning
import Render
import Synchronization

/// Expensive view computations kept between frames: the decision-boundary
/// field (a forward pass over every pixel) is redone at most 10 times a
/// second while training, and the loss object is rebuilt only when the loss
/// changes. A reference type owned by `AppState`; rendering stays a function
/// of the state.
public final class ViewCache: @unchecked Sendable {
    struct FieldKey: Equatable {
        let sequence: Int, step: Int, cols: Int, rows: Int
    }
    var fieldKey: FieldKey?
    var fieldTime = -1.0
    var field: BoundaryField?
    /// The dataset the field was computed for (a new run gets new storage).
    var fieldRun: ObjectIdentifier?
    var lossKey: LossSpec?
    var lossFamily: LossFamily?
    var loss: (any LossFunction)?
    struct ShapeKey: Equatable {
        let loss: LossSpec, classes: Int, family: LossFamily
    }
    var shapeKey: ShapeKey?
    var shape: LossCurve?

    public init() {}

    /// The loss of `run`, for its probabilities (softmax, or sparsemax for sparsemax).
    func lossFunction(for run: RunSnapshot) -> (any LossFunction)? {
        if lossKey == run.spec.loss, let loss { return loss }
        let family: LossFamily = run.dataset.task.isClassification ? .classification : .regression
        let ctx = family == .classification ? LossContext(classes: run.dataset.task.classes, classCounts: run.dataset.trainClassCounts) : .regression()
        loss = try? LossCatalog.make(run.spec.loss.name, parameters: run.spec.loss.parameters, context: ctx, family: family)
        lossKey = run.spec.loss
        return loss
    }
}
