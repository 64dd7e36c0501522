import Learning
import TensorCore
import Testing

@testable import Engine

/// The fused MLP step against the tape it replaces: every loss, optimizer, activation and feature set
/// trains for a few hundred steps on both paths, and the weights, the losses and the logged metrics
/// must agree bit for bit (fixtures, goldens and saved presets keep their numbers).
@Suite struct FusedStepTests {
    /// Trains `spec` on both paths, comparing the loss of every step and the weights every 25 steps.
    func expectIdentical(_ spec: RunSpec, steps: Int, _ label: String, logEvery: Int = 50) throws {
        let fused = try Trainer(spec: spec)
        let tape = try Trainer(spec: spec)
        tape.gradientPath = .tape
        for k in 0..<steps {
            let log = k % logEvery == 0
            let a = fused.trainStep(logging: log), b = tape.trainStep(logging: log)
            #expect(a == b, "\(label): step \(k) health differs")
            if log {
                let (ra, rb) = (fused.lastRecord, tape.lastRecord)
                #expect(ra?.trainLoss.bitPattern == rb?.trainLoss.bitPattern, "\(label): train loss at step \(k)")
                #expect(ra?.gradNorm.bitPattern == rb?.gradNorm.bitPattern, "\(label): grad norm at step \(k)")
            }
            if k % 25 == 24 || !a {
                let same = zip(fused.model.parameters, tape.model.parameters).allSatisfy { bitsEqual($0, $1) }
                #expect(same, "\(label): weights differ after step \(k + 1)")
                if !same || !a { return }
            }
        }
    }

    func bitsEqual(_ a: Tensor, _ b: Tensor) -> Bool {
        a.shape == b.shape && (0..<a.count).allSatisfy { a[flat: $0].bitPattern == b[flat: $0].bitPattern }
    }

    func spec(_ change: (inout RunSpec) -> Void) -> RunSpec {
        var s = RunSpec.defaultPreset
        s.data = DataSpec(kind: .spiral, samples: 96, testFraction: 0.25, classes: 3)
        s.model = MLPSpec(hidden: [12, 9], activation: .tanh)
        s.optimizer.kind = .adam
        s.optimizer.learningRate = 0.02
        s.optimizer.batchSize = 0
        s.steps = 300
        change(&s)
        return s
    }

    @Test(arguments: LossCatalog.ids(for: .classification))
    func everyClassificationLoss(_ id: String) throws {
        try expectIdentical(spec { $0.loss = LossSpec(name: id) }, steps: 200, id)
    }

    @Test(arguments: LossCatalog.ids(for: .regression))
    func everyRegressionLoss(_ id: String) throws {
        try expectIdentical(
            spec {
                $0.data = DataSpec(kind: .sine, samples: 80, testFraction: 0.25)
                $0.loss = LossSpec(name: id)
            }, steps: 200, id)
    }

    @Test(arguments: OptimizerKind.allCases)
    func everyOptimizer(_ kind: OptimizerKind) throws {
        try expectIdentical(
            spec {
                $0.optimizer.kind = kind
                $0.optimizer.learningRate = kind == .adagrad ? 0.05 : 0.02
                $0.optimizer.weightDecay = 1e-3
                $0.optimizer.clip = 1
                $0.optimizer.schedule = .cosine
            }, steps: 300, kind.rawValue)
    }

    @Test(arguments: Activation.allCases)
    func everyActivation(_ a: Activation) throws {
        try expectIdentical(spec { $0.model.activation = a }, steps: 300, a.rawValue)
    }

    @Test func everyFeatureMinibatchesWeightsAndTemperature() throws {
        try expectIdentical(
            spec {
                $0.model.features = InputFeature.allCases
                $0.model.hidden = [16, 16, 8]
                $0.optimizer.batchSize = 20  // 72 training points: batches of 20, 20, 20, 12
                $0.loss = LossSpec(name: "cross_entropy", parameters: ["temperature": 2.5], weighting: .inverse)
                $0.data.imbalance = 4
                $0.data.labelNoise = 0.2
            }, steps: 300, "features+minibatch+weights+T")
        try expectIdentical(
            spec {
                $0.model.hidden = []  // a linear model: the output layer only
                $0.loss = LossSpec(name: "focal", weighting: .sqrt)
            }, steps: 200, "no hidden layer")
        try expectIdentical(
            spec {
                $0.model.hidden = [40, 24]  // widths that are not multiples of eight
                $0.model.activation = .relu
                $0.optimizer.kind = .sam
                $0.optimizer.base = .momentum
            }, steps: 200, "sam, wide relu")
    }

    /// A run that diverges stops at the same step with the same reason on both paths.
    @Test func divergenceIsTheSame() throws {
        let s = spec {
            $0.optimizer.kind = .sgd
            $0.optimizer.learningRate = 1e4
            $0.model.activation = .relu
        }
        let fused = try Trainer(spec: s), tape = try Trainer(spec: s)
        tape.gradientPath = .tape
        for _ in 0..<100 { fused.trainStep(); tape.trainStep() }
        #expect(fused.health == tape.health)
        #expect(fused.step == tape.step)
    }

    /// The fused step allocates its buffers once: the workspace's tensors keep their storage
    /// from one step to the next.
    @Test func buffersAreReused() throws {
        let t = try Trainer(spec: spec { _ in })
        t.trainStep()
        let before = t.workspace.bufferIdentities
        for _ in 0..<10 { t.trainStep() }
        let after = t.workspace.bufferIdentities
        #expect(before == after)
        #expect(!before.isEmpty)
    }
}
