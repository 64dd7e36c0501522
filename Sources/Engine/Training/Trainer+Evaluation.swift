import Foundation
import Learning
import TensorCore

/// Loss and gradient on one batch.
struct BatchGradient {
    let loss: Float
    let grads: [Tensor]
    /// Outputs on the batch (reused as training metrics when the batch is the whole set).
    let outputs: Tensor
    let isFullBatch: Bool

    /// Why this gradient cannot be used, or nil.
    var problem: String? {
        if loss.isNaN { return "loss is NaN" }
        if loss.isInfinite { return "loss is \(loss > 0 ? "+" : "-")inf" }
        if !grads.allSatisfy(\.isFinite) { return "gradient is not finite" }
        return nil
    }
}

/// Loss and accuracies over a split.
public struct SplitEvaluation: Sendable {
    public let loss: Double
    public let accuracy: Double?
    public let cleanAccuracy: Double?
    public let outputs: Tensor
    /// The yardstick: NLL of the loss's own probabilities (classification) or MSE (regression).
    public var nll: Double? = nil
    public var mse: Double? = nil
    /// ECE (15 bins) and balanced accuracy (classification).
    public var ece: Double? = nil
    public var balancedAccuracy: Double? = nil
    /// Under label noise: the share of flipped points predicted as their noisy label.
    public var memorised: Double? = nil
}

/// The common yardstick of regression, comparable across losses (classification's, the test NLL, is
/// `Calibration.nll`).
public enum Yardstick {
    /// Mean of (ŷ − y)² over the rows of `predictions` [N, 1].
    public static func mse(predictions: Tensor, targets: [Float]) -> Double {
        guard !targets.isEmpty else { return .nan }
        let ptr = predictions.pointer
        var total = 0.0
        for (i, y) in targets.enumerated() {
            let e = Double(ptr[i]) - Double(y)
            total += e * e
        }
        return total / Double(targets.count)
    }
}

extension Trainer {
    func targets(_ split: DataSplit) -> LossTargets {
        dataset.task.isClassification ? .labels(split.labels) : .values(Tensor(split.targets))
    }

    /// ∇L at `params` on a batch (nil = the whole training set): by the fused step, or on the tape
    /// when `gradientPath` is `.tape` (the reference; both give the same bits).
    func gradient(at params: [Tensor], batch: [Int]?) -> BatchGradient {
        let split = batch.map { dataset.train.rows($0) } ?? dataset.train
        let features = batch == nil ? trainFeatures : model.features(of: split.x)
        if gradientPath == .fused {
            let r = model.lossAndGradient(
                parameters: params, features: features, targets: targets(split), loss: loss,
                classWeights: classWeights, workspace: workspace)
            return BatchGradient(loss: r.loss, grads: r.gradients, outputs: r.outputs, isFullBatch: batch == nil)
        }
        tape.reset()
        let p = params.map { tape.parameter($0) }
        let out = model.forward(tape.constant(features), params: p)
        let l = loss.batchLoss(out, targets(split), classWeights: classWeights)
        let grads = tape.gradients(of: l)
        return BatchGradient(loss: l.value.scalar, grads: p.map { grads.of($0) }, outputs: out.value, isFullBatch: batch == nil)
    }

    /// The data loss and accuracies over a whole split at the current weights (pair losses: the
    /// split as one batch).
    public func evaluate(_ split: DataSplit, features: Tensor) -> SplitEvaluation {
        let (l, out) = lossAndOutputs(split, features: features)
        return summarize(loss: l, outputs: out, split: split)
    }

    func lossAndOutputs(_ split: DataSplit, features: Tensor) -> (Float, Tensor) {
        tape.reset()
        let out = model.forward(tape.constant(features), params: model.parameters.map { tape.constant($0) })
        let l = loss.batchLoss(out, targets(split), classWeights: classWeights).value.scalar
        return (l, out.value)
    }

    /// The head's prediction rule at the current weights (class means as of the last record).
    public var readout: Readout { Readout(head: model.spec.head, loss: loss, classMeans: classMeans) }

    func summarize(loss l: Float, outputs: Tensor, split: DataSplit) -> SplitEvaluation {
        guard split.count > 0 else {
            return SplitEvaluation(loss: Double(l), accuracy: nil, cleanAccuracy: nil, outputs: outputs)
        }
        guard dataset.task.isClassification else {
            return SplitEvaluation(
                loss: Double(l), accuracy: nil, cleanAccuracy: nil, outputs: outputs,
                mse: Yardstick.mse(predictions: outputs, targets: split.targets))
        }
        // the class shown: the head's prediction rule (argmax of the loss's probabilities for a
        // linear head, of cos θ for a cosine head, the nearest class mean for an embedding head)
        let readout = self.readout
        let calibration = readout.probabilities(outputs).map { Calibration(probabilities: $0, labels: split.labels) }
        let predicted = readout.predictions(outputs)
        func accuracy(_ labels: [Int]) -> Double {
            Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
        }
        let noisy = split.labels != split.cleanLabels
        var memorised: Double?
        if noisy {
            let flipped = split.labels.indices.filter { split.labels[$0] != split.cleanLabels[$0] }
            memorised = Double(flipped.filter { predicted[$0] == split.labels[$0] }.count) / Double(max(flipped.count, 1))
        }
        return SplitEvaluation(
            loss: Double(l), accuracy: accuracy(split.labels),
            cleanAccuracy: noisy ? accuracy(split.cleanLabels) : nil, outputs: outputs,
            nll: calibration?.nll, ece: calibration?.ece,
            balancedAccuracy: ClassReport(
                predictions: predicted, labels: split.labels,
                classes: dataset.task.classes
            ).balancedAccuracy,
            memorised: memorised)
    }

    var hasLabelNoise: Bool { spec.data.labelNoise > 0 && dataset.task.isClassification }

    func record(_ g: BatchGradient) -> MetricRecord {
        let (trainLoss, trainOutputs) = g.isFullBatch ? (g.loss, g.outputs) : lossAndOutputs(dataset.train, features: trainFeatures)
        var geometry: EmbeddingGeometry?
        if model.spec.head.hasEmbedding {
            let h = model.embeddings(points: dataset.train.x)
            let directions: Tensor
            if model.spec.head == .embedding {
                classMeans = Readout.classMeans(embeddings: trainOutputs, labels: dataset.train.labels, classes: dataset.task.classes)
                directions = classMeans!
            } else {
                directions = model.classVectors!
            }
            geometry = EmbeddingGeometry(embeddings: h, labels: dataset.train.labels, directions: directions)
        }
        let train = summarize(loss: trainLoss, outputs: trainOutputs, split: dataset.train)
        let test = dataset.test.count > 0 ? evaluate(dataset.test, features: testFeatures) : nil
        let params = model.parameters
        let full = optimizer.objectiveGradient(params, g.grads)
        var r = MetricRecord(
            step: step, trainLoss: train.loss, testLoss: test?.loss,
            trainAccuracy: train.accuracy, testAccuracy: test?.accuracy,
            cleanTrainAccuracy: hasLabelNoise ? (train.cleanAccuracy ?? train.accuracy) : nil,
            gradNorm: globalNorm(full), weightNorm: globalNorm(params),
            learningRate: optimizer.currentLearningRate, testNLL: test?.nll, testMSE: test?.mse)
        r.testECE = test?.ece
        r.balancedTestAccuracy = test?.balancedAccuracy
        r.memorised = train.memorised
        if test != nil && dataset.task.isClassification && !readout.hasProbabilities {
            r.testNLL = .nan  // null: the loss defines no probabilities
            r.testECE = .nan
        }
        r.alignment = geometry?.alignment
        r.uniformity = geometry?.uniformity
        return r
    }
}
