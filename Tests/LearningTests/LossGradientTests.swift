import TensorCore
import TestSupport
import Testing

@testable import Learning

/// Every loss's gradient against central finite differences (vᵀJ with a random
/// upstream v over the per-example losses, so a misrouted row shows), at
/// moderate logits away from kinks; non-default parameters too.
extension LossTests {
    @Suite struct Gradients {
        /// Smallest distance of a classification batch from a kink of any margin loss:
        /// c − m = 0 (c = 0, 1, 2, 3 and −1), a tie among the non-label logits, c + z_k − z_y = 0.
        static func kinkDistance(_ z: Tensor, _ y: [Int]) -> Float {
            var d = Float.infinity
            for (i, row) in LossTests.rows(z).enumerated() {
                let zy = row[y[i]]
                let others = row.indices.filter { $0 != y[i] }.map { row[$0] }.sorted(by: >)
                if others.count > 1 { d = min(d, others[0] - others[1]) }
                for c: Float in [-1, 0, 1, 2, 3] {
                    d = min(d, abs(c - (zy - others[0])))
                    for o in others { d = min(d, abs(c + o - zy)) }
                }
            }
            return d
        }

        /// Logits [6, K] ~ N(0, 2²) at least 0.15 from every kink, and their labels.
        static func classificationInputs(classes k: Int) -> (Tensor, [Int]) {
            let y = LossTests.labels(6, classes: k)
            for seed in UInt64(1)... {
                let z = randomTensor([6, k], seed: seed * 31 + UInt64(k), scale: 2)
                if kinkDistance(z, y) > 0.15 { return (z, y) }
            }
            fatalError("unreachable")
        }

        /// Predictions and targets with errors away from 0 and from the z_error mask switch.
        static func regressionInputs() -> (Tensor, Tensor) {
            let e: [Float] = [-2.3, -1.1, -0.45, 0.35, 0.8, 1.6, 2.2, 4.9, -0.7, 1.25]
            let t = randomTensor([e.count], seed: 5)
            let p = Tensor(shape: [e.count, 1], scalars: zip(e, t.scalars).map { $0 + $1 })
            return (p, t)
        }

        @Test(arguments: LossTests.settings)
        func matchesFiniteDifferences(_ setting: LossSetting) {
            let (id, params, info) = (setting.id, setting.params, setting.info)
            if info.family == .regression {
                let (p, t) = Self.regressionInputs()
                let loss = LossTests.make(id, params)
                let failures = gradientCheck([p]) { loss.perExample($0[0], .values(t)) }
                #expect(failures.isEmpty, "\(id) \(params): \(failures.prefix(3))")
                return
            }
            for k in [max(2, info.minClasses), 5] {
                let (z, y) = Self.classificationInputs(classes: k)
                let loss = LossTests.make(id, params, classes: k, counts: (0..<k).map { 200 / ($0 + 1) })
                let failures = gradientCheck([z]) { loss.perExample($0[0], .labels(y)) }
                #expect(failures.isEmpty, "\(id) \(params) K=\(k): \(failures.prefix(3))")
                let weights: [Float] = (0..<k).map { 1 / Float($0 + 1) }
                let weighted = gradientCheck([z]) { loss.batchLoss($0[0], .labels(y), classWeights: weights) }
                #expect(weighted.isEmpty, "\(id) \(params) K=\(k) weighted: \(weighted.prefix(3))")
            }
        }
    }
}
