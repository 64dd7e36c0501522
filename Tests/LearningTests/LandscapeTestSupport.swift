import TensorCore

@testable import Learning

/// Namespace of the landscape suites, so `swift test --filter LearningTests.Landscape` runs them all.
enum LandscapeTests {}

extension LandscapeTests {
    /// A small network on generated data, its weights moved by `steps` of
    /// full-batch gradient descent (so biases are not zero), as a loss objective.
    static func objective(
        kind: DatasetKind = .spiral, samples: Int = 160, hidden: [Int] = [8, 8], activation: Activation = .tanh,
        loss id: String? = nil, classWeights: [Float]? = nil, metric: LandscapeMetric = .loss,
        features: [InputFeature] = [.x1, .x2], steps: Int = 15, learningRate: Float = 0.1, seed: UInt64 = 3
    ) throws -> LandscapeObjective {
        let data = try DatasetFactory.make(DataSpec(kind: kind, samples: samples, testFraction: 0.25), seed: seed, baseDirectory: nil)
        var rng = SeededRandom(seed: seed, stream: "init")
        var model = MLP(
            spec: MLPSpec(hidden: hidden, activation: activation, features: features),
            outputs: data.task.outputs, using: &rng)
        let lossID = id ?? (data.task.isClassification ? "cross_entropy" : "mse")
        let loss = LossTests.make(lossID, classes: data.task.classes, counts: data.trainClassCounts)
        var o = LandscapeObjective(model: model, split: data.train, task: data.task, loss: loss, classWeights: classWeights)
        for _ in 0..<steps {
            let g = o.gradient(at: model.parameters).gradient
            model.parameters = ParameterVector.combination(model.parameters, [(-learningRate, g)])
            o = LandscapeObjective(model: model, split: data.train, task: data.task, loss: loss, classWeights: classWeights)
        }
        return o.with(metric: metric)
    }

    /// Bitwise equality of two value lists (NaN equal to NaN).
    static func identical(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    /// The norm of entries lo..<hi of a tensor, in Double.
    static func norm(_ t: Tensor, _ range: Range<Int>) -> Double {
        let p = t.pointer
        return range.reduce(0.0) { $0 + Double(p[$1]) * Double(p[$1]) }.squareRoot()
    }
}
