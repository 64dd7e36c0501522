import TensorCore
import Testing

@testable import Learning

/// Every loss trains: a short full-batch Adam run of a small MLP on a fitting
/// dataset (3-ring circles for classification, so z_loss's K ≥ 3 holds; sine
/// for regression) lowers the training loss, measured with the same loss.
extension LossTests {
    @Suite struct Training {
        static let steps = 60

        /// (initial, final) training loss of a short run.
        static func run(_ id: String) throws -> (Float, Float) {
            let info = LossCatalog.entry(id)!.info
            let classification = info.family == .classification
            let spec =
                classification
                ? DataSpec(kind: .circles, samples: 240, noise: 0.1, testFraction: 0, classes: 3)
                : DataSpec(kind: .sine, samples: 120, noise: 0.1, testFraction: 0)
            let data = try DatasetFactory.make(spec, seed: 3, baseDirectory: nil)
            let context =
                classification
                ? LossContext(classes: data.task.classes, classCounts: data.trainClassCounts)
                : LossContext.regression()
            let loss = try LossCatalog.make(id, parameters: [:], context: context, family: info.family)
            var rng = SeededRandom(seed: 5, stream: "init")
            var model = MLP(
                spec: MLPSpec(hidden: [16], activation: .tanh, features: data.defaultFeatures),
                outputs: data.task.outputs, using: &rng)
            let features = model.features(of: data.train.x)
            let targets: LossTargets = classification ? .labels(data.train.labels) : .values(Tensor(data.train.targets))
            var optimizer = Optimizer(
                spec: {
                    var o = OptimizerSpec(); o.learningRate = 0.03; return o
                }(), totalSteps: steps)
            let tape = Tape()
            func lossAndGradient(_ params: [Tensor]) -> (Float, [Tensor]) {
                tape.reset()
                let p = params.map { tape.parameter($0) }
                let l = loss.batchLoss(model.forward(tape.constant(features), params: p), targets, classWeights: nil)
                let grads = tape.gradients(of: l)
                return (l.value.scalar, p.map { grads.of($0) })
            }
            let initial = lossAndGradient(model.parameters).0
            for _ in 0..<steps {
                var params = model.parameters
                let g = lossAndGradient(params).1
                optimizer.step(&params, gradient: g) { lossAndGradient($0).1 }
                model.parameters = params
            }
            return (initial, lossAndGradient(model.parameters).0)
        }

        @Test(arguments: LossCatalog.ids)
        func lowersTheTrainingLoss(_ id: String) throws {
            let (initial, final) = try Self.run(id)
            #expect(final.isFinite && final < initial - 0.02 * abs(initial), "\(id): \(initial) → \(final)")
        }
    }
}
