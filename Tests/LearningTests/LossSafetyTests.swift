import TensorCore
import TestSupport
import Testing

@testable import Learning

/// Numerical safety: logits up to ±1e4 (probabilities that underflow, p_y that
/// rounds to 1, ties in the max) give finite values and gradients for every loss
/// and parameter setting of the gradient suite; exponential and comp_sum with
/// τ < 1 may overflow (the exception) and are checked at ±30 instead.
/// Regression: errors up to ±1e4.
extension LossTests {
    @Suite struct Safety {
        /// Rows mixing ±1e4, ties, equal rows and moderate values, for K classes.
        static func extremeLogits(classes k: Int, scale s: Float) -> Tensor {
            var rows: [[Float]] = [
                Array(repeating: s, count: k),  // all equal
                Array(repeating: 0, count: k),  // all zero
                (0..<k).map { $0 == 0 ? s : -s },  // label 0 certain
                (0..<k).map { $0 == 0 ? -s : s },  // label 0 impossible (ties)
                (0..<k).map { $0 % 2 == 0 ? s : -s },  // ties at the max
                (0..<k).map { Float($0) * s / Float(k) - s / 2 },  // spread
                (0..<k).map { $0 == k - 1 ? s : 0 },  // one huge
                (0..<k).map { $0 == 1 ? -s : 3 },  // one tiny
            ]
            rows += LossTests.rows(randomTensor([8, k], seed: UInt64(k), scale: s).map { min(max($0, -s), s) })
            return Tensor(rows: rows)
        }

        static func overflows(_ id: String, _ params: [String: Double]) -> Bool {
            id == "exponential" || (id == "comp_sum" && (params["tau"] ?? 1) < 1)
        }

        @Test(arguments: LossTests.settings)
        func finiteAtExtremes(_ setting: LossSetting) {
            let (id, params, info) = (setting.id, setting.params, setting.info)
            if info.family == .regression {
                let e: [Float] = [-1e4, -300, -1e-6, 0, 1e-6, 0.5, 300, 1e4]
                let loss = LossTests.make(id, params)
                for outputs in [Tensor(shape: [8, 1], scalars: e), Tensor(shape: [1, 1], scalars: [1e4])] {
                    let n = outputs.shape[0]
                    let (v, g) = LossTests.valueAndGradient(loss, outputs: outputs, targets: .values(Tensor.zeros([n])))
                    #expect(v.isFinite && g.isFinite, "\(id) \(params): value \(v), gradient \(g)")
                }
                return
            }
            let scale: Float = Self.overflows(id, params) ? 30 : 1e4
            for k in Set([max(2, info.minClasses), 3, 5]).sorted() {
                let z = Self.extremeLogits(classes: k, scale: scale)
                let loss = LossTests.make(id, params, classes: k, counts: (0..<k).map { 1000 / ($0 * $0 + 1) })
                for y in [LossTests.labels(z.shape[0], classes: k), Array(repeating: 0, count: z.shape[0])] {
                    let per = LossTests.perExample(loss, outputs: z, targets: .labels(y))
                    #expect(per.values.isFinite && per.gradient.isFinite, "\(id) \(params) K=\(k): \(per.values) \(per.gradient)")
                    let weights: [Float] = (0..<k).map { Float($0) }  // class 0 weighs nothing
                    let (v, g) = LossTests.valueAndGradient(loss, outputs: z, targets: .labels(y), classWeights: weights)
                    #expect(v.isFinite && g.isFinite, "\(id) \(params) K=\(k) weighted: \(v)")
                }
            }
        }

        /// exponential and comp_sum τ < 1 overflow to +inf (never NaN) beyond their range.
        @Test func overflowIsInfinityNotNaN() {
            let z = Tensor(rows: [[-1e4, 1e4, 0], [0, 1, 2]])
            for loss in [LossTests.make("exponential"), LossTests.make("comp_sum", ["tau": 0.5])] {
                let (values, gradient) = LossTests.perExample(loss, outputs: z, targets: .labels([0, 0]))
                #expect(values[flat: 0] == .infinity && values[flat: 1].isFinite)
                #expect(!gradient.scalars.contains { $0.isNaN })
            }
        }

        /// Ties in a max over classes send the margin gradient to the first maximal index.
        @Test func tiesGoToTheFirstMaximum() {
            let z = Tensor(rows: [[0, 2, 2, 1], [5, 5, 3, 5]])
            let y = [0, 2]
            for id in ["hinge", "squared_hinge", "exponential", "modified_huber"] {
                let g = LossTests.perExample(LossTests.make(id, classes: 4), outputs: z, targets: .labels(y)).gradient
                #expect(g[0, 1] > 0 && g[0, 2] == 0 && g[0, 3] == 0, "\(id) row 0: \(g)")
                #expect(g[1, 0] > 0 && g[1, 1] == 0 && g[1, 3] == 0, "\(id) row 1: \(g)")
            }
        }
    }
}
