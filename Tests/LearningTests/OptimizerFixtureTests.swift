import Foundation
import Learning
import TensorCore
import Testing

/// Optimizer trajectories against torch.optim (reference/optimizers_reference.py,
/// fixtures in Fixtures/optimizers.json): 8 updates on the objective
/// L(θ) = Σ 0.5·c(θ − t)² + 0.05·θ⁴, for every optimizer, weight decay,
/// schedule, warmup, clipping and SAM base.
@Suite struct OptimizerFixtureTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        struct Param: Decodable, Sendable { let shape: [Int]; let data: [Double] }
        let id: String, optimizer: String, base: String, schedule: String
        let learning_rate: Double, weight_decay: Double, momentum: Double, beta1: Double, beta2: Double
        let eps: Double, alpha: Double, rho: Double, gamma: Double, clip: Double
        let step_size: Int, warmup: Int, steps: Int
        let c: [Double], t: [Double]
        let `init`: [Param]
        let lrs: [Double]
        let trajectory: [[Double]]
        var testDescription: String { id }
    }

    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "optimizers", withExtension: "json", subdirectory: "Fixtures")!
        struct File: Decodable { let cases: [Case] }
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    @Test func fixturesCoverEveryOptimizer() {
        #expect(Set(Self.cases.map(\.optimizer)) == Set(OptimizerKind.allCases.map(\.rawValue)))
    }

    @Test(arguments: cases)
    func trajectoryMatchesTorch(_ f: Case) throws {
        var spec = OptimizerSpec()
        spec.kind = try #require(OptimizerKind(rawValue: f.optimizer))
        spec.base = try #require(OptimizerKind(rawValue: f.base))
        spec.learningRate = f.learning_rate
        spec.weightDecay = f.weight_decay
        spec.momentum = f.momentum
        spec.beta1 = f.beta1
        spec.beta2 = f.beta2
        spec.eps = f.eps
        spec.alpha = f.alpha
        spec.rho = f.rho
        spec.schedule = try #require(ScheduleKind(rawValue: f.schedule))
        spec.stepSize = f.step_size
        spec.gamma = f.gamma
        spec.warmup = f.warmup
        spec.clip = f.clip
        let c = f.c.map(Float.init), t = f.t.map(Float.init)

        /// ∇L elementwise over the flattened parameters: c(θ − t) + 0.2θ³.
        func gradient(_ ps: [Tensor]) -> [Tensor] {
            var offset = 0
            return ps.map { p in
                let o = offset
                offset += p.count
                var g = p
                g.withUnsafeMutableBufferPointer { b in
                    for i in b.indices {
                        let x = p[flat: i]
                        b[i] = c[o + i] * (x - t[o + i]) + 0.2 * x * x * x
                    }
                }
                return g
            }
        }

        var params = f.`init`.map { Tensor(shape: Shape($0.shape), scalars: $0.data.map(Float.init)) }
        var opt = Optimizer(spec: spec, totalSteps: f.steps)
        for k in 0..<f.steps {
            let lr = opt.step(&params, gradient: gradient(params), regradient: gradient)
            #expect(abs(lr - f.lrs[k]) <= 1e-12 + 1e-9 * f.lrs[k], "\(f.id) update \(k + 1): lr \(lr) vs \(f.lrs[k])")
            let flat = params.flatMap(\.scalars)
            for (i, (x, ref)) in zip(flat, f.trajectory[k]).enumerated() {
                let ok = abs(Double(x) - ref) <= 1e-5 + 1e-4 * abs(ref)
                #expect(ok, "\(f.id) update \(k + 1), θ[\(i)] = \(x), torch \(ref)")
                if !ok { return }
            }
        }
    }
}
