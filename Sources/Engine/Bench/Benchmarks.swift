import Dispatch
import Learning
import TensorCore

/// The standard speed workloads of `losscape bench` (issue #2 §9), float32,
/// one thread unless a workload says otherwise. bench/pytorch_reference.py
/// runs the same workloads in PyTorch for comparison.
public enum Benchmarks {
    /// One measured workload.
    public struct Result: Sendable {
        public let workload: String
        /// Median time of one unit (a training step, a grid forward, a surface).
        public let medianMicroseconds: Double
        public let threads: Int
        /// Training workloads report steps per second; others milliseconds.
        public let isTraining: Bool

        public var stepsPerSecond: Double { 1e6 / medianMicroseconds }
        public var milliseconds: Double { medianMicroseconds / 1000 }

        /// The kernels' instruction set (`KernelISA.reportedName`): avx2, avx512 or neon.
        public var isa: String { KernelISA.active.reportedName }

        public var json: String {
            isTraining
                ? "{\"workload\":\"\(workload)\",\"steps_per_second\":\(rounded(stepsPerSecond, 1)),\"median_us\":\(rounded(medianMicroseconds, 2)),\"threads\":\(threads),\"isa\":\"\(isa)\"}"
                : "{\"workload\":\"\(workload)\",\"ms\":\(rounded(milliseconds, 4)),\"threads\":\(threads),\"isa\":\"\(isa)\"}"
        }
    }

    public static let names = ["mlp8", "mlp16", "mlp64", "compare4", "grid", "landscape51"]

    /// Each workload by name, timed with the given number of repeats.
    static let workloads: [String: @Sendable (Int) throws -> Result] = [
        "mlp8": mlp8, "mlp16": mlp16, "mlp64": mlp64, "compare4": compare4, "grid": grid, "landscape51": landscape51,
    ]

    /// Runs the named workloads (all by default). Every name is checked before any workload runs,
    /// so a typo at the end of the list costs no time.
    public static func run(_ names: [String] = Benchmarks.names, repeats: Int = 25, gradientPath: GradientPath = .fused) throws
        -> [Result]
    {
        let chosen = try names.map { name in
            guard let workload = workloads[name] else {
                throw LossError(
                    "bench: unknown workload \(name)\(Suggestion.didYouMean(name, among: Benchmarks.names)) (one of: \(Benchmarks.names.joined(separator: ", ")))"
                )
            }
            return workload
        }
        Benchmarks.gradientPath = gradientPath
        return try chosen.map { try $0(repeats) }
    }

    /// W1: 2-16-16-2 tanh, full batch of 512 spiral points, cross-entropy, SGD.
    static func mlp16Spec() -> RunSpec {
        var s = RunSpec()
        s.name = "bench-mlp16"
        s.data = DataSpec(kind: .spiral, samples: 512, testFraction: 0, classes: 2)
        s.model = MLPSpec(hidden: [16, 16], activation: .tanh)
        s.loss = LossSpec(name: "cross_entropy")
        s.optimizer.kind = .sgd
        s.optimizer.learningRate = 0.1
        s.optimizer.batchSize = 0
        return s
    }

    static func mlp16(repeats: Int) throws -> Result {
        let t = try Trainer(spec: mlp16Spec())
        return Result(workload: "mlp16", medianMicroseconds: timeSteps(t, block: 200, repeats: repeats), threads: 1, isTraining: true)
    }

    /// 2-8-2 tanh, full batch of 256 spiral points, cross-entropy, SGD (issue #12).
    static func mlp8(repeats: Int) throws -> Result {
        var s = mlp16Spec()
        s.name = "bench-mlp8"
        s.data.samples = 256
        s.model = MLPSpec(hidden: [8], activation: .tanh)
        let t = try Trainer(spec: s)
        return Result(workload: "mlp8", medianMicroseconds: timeSteps(t, block: 400, repeats: repeats), threads: 1, isTraining: true)
    }

    /// Four mlp16 runs (learning rates 0.1, 0.05, 0.2, 0.3 on the same data and initial weights)
    /// advanced together one step at a time through their `RunDriver`s, as the playground's compare
    /// mode does (metric history included), timed after 4096 warm-up steps, when the history logs
    /// one step in eight as in a session a few seconds old. One unit = one step of all four
    /// (`steps_per_second`: lockstep steps per second).
    static func compare4(repeats: Int) throws -> Result {
        let base = mlp16Spec()
        var drivers: [RunDriver] = []
        for lr in [0.1, 0.05, 0.2, 0.3] {
            var s = base
            s.optimizer.learningRate = lr
            s.steps = 1_000_000
            let d = try RunDriver(entry: RunEntry(label: "lr \(lr)", spec: s), dataset: drivers.first?.trainer.dataset)
            d.trainer.gradientPath = gradientPath
            drivers.append(d)
        }
        let block = 50
        func round() { for _ in 0..<block { for d in drivers { d.step(observe: nil) } } }
        for _ in 0..<4096 { for d in drivers { d.step(observe: nil) } }
        let us = median(repeats: repeats) { time { round() } / Double(block) }
        return Result(workload: "compare4", medianMicroseconds: us, threads: 1, isTraining: true)
    }

    /// W1b: 2-64-64-64-3 tanh, batch 2048 (3-class spiral), Adam.
    static func mlp64(repeats: Int) throws -> Result {
        var s = RunSpec()
        s.data = DataSpec(kind: .spiral, samples: 2048, testFraction: 0, classes: 3)
        s.model = MLPSpec(hidden: [64, 64, 64], activation: .tanh)
        s.optimizer.kind = .adam
        s.optimizer.learningRate = 1e-3
        s.optimizer.batchSize = 2048
        let t = try Trainer(spec: s)
        return Result(workload: "mlp64", medianMicroseconds: timeSteps(t, block: 10, repeats: repeats), threads: 1, isTraining: true)
    }

    /// W2: forward of the mlp16 network over a 200×100 grid of points.
    static func grid(repeats: Int) throws -> Result {
        let t = try Trainer(spec: mlp16Spec())
        var pts = [Float]()
        pts.reserveCapacity(200 * 100 * 2)
        for r in 0..<100 { for c in 0..<200 { pts += [Float(c) / 33 - 3, Float(r) / 16.5 - 3] } }
        let points = Tensor(shape: [20000, 2], scalars: pts)
        let model = t.model
        let us = median(repeats: repeats) {
            time { _ = model.predict(points: points) }
        }
        return Result(workload: "grid", medianMicroseconds: us, threads: 1, isTraining: false)
    }

    /// W3 (issue #5): the 51×51 loss surface of the mlp16 network (at its
    /// initial weights) on its 512 training points, filter-normalized random
    /// directions, biases not perturbed, two threads; the whole surface,
    /// computed row by row as the UI does.
    static func landscape51(repeats: Int) throws -> Result {
        let t = try Trainer(spec: mlp16Spec())
        let objective = LandscapeObjective(
            model: t.model, split: t.dataset.train, task: t.dataset.task,
            loss: t.loss, classWeights: t.classWeights)
        let directions = LandscapeDirections.random(around: t.model.parameters, seed: t.spec.seed)
        let computation = LandscapeComputation(
            objective: objective, directions: directions,
            grid: LandscapeGrid(count: 51, span: 1), threads: 2)
        _ = computation.compute()
        let us = median(repeats: repeats) {
            time { _ = computation.compute() }
        }
        return Result(workload: "landscape51", medianMicroseconds: us, threads: 2, isTraining: false)
    }

    /// How the training workloads compute gradients (`losscape bench --gradient tape` times the tape).
    nonisolated(unsafe) static var gradientPath = GradientPath.fused

    /// Median microseconds per step over `repeats` blocks, after a warm-up block.
    static func timeSteps(_ t: Trainer, block: Int, repeats: Int) -> Double {
        t.gradientPath = gradientPath
        for _ in 0..<block { t.trainStep() }
        return median(repeats: repeats) {
            time { for _ in 0..<block { t.trainStep() } } / Double(block)
        }
    }

    static func median(repeats: Int, _ sample: () -> Double) -> Double {
        let xs = (0..<max(repeats, 1)).map { _ in sample() }.sorted()
        return xs[xs.count / 2]
    }

    /// Wall time of `body` in microseconds.
    static func time(_ body: () -> Void) -> Double {
        let s = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - s) / 1000
    }
}

func rounded(_ x: Double, _ digits: Int) -> String {
    var p = 1.0
    for _ in 0..<digits { p *= 10 }
    return "\((x * p).rounded() / p)"
}
