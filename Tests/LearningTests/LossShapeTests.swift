import Foundation
import Testing
import TensorCore
@testable import Learning

/// The loss-shape curves the UI and `losscape inspect` draw.
extension LossTests {
    @Suite struct Shapes {
        static func curve(_ id: String, _ params: [String: Double] = [:], classes: Int = 2, points: Int = 41) -> [LossShapePoint] {
            let info = LossCatalog.entry(id)!.info
            let k = max(classes, info.minClasses)
            let context = info.family == .classification ? LossShape.context(classes: k) : .regression()
            let loss = try! LossCatalog.make(id, parameters: params, context: context, family: info.family)
            return LossShape.curve(loss, classes: k, points: points)
        }

        @Test(arguments: LossCatalog.ids)
        func everyCurveIsFinite(_ id: String) {
            for k in [2, 3, 5] {
                let c = Self.curve(id, classes: k)
                #expect(c.count == 41)
                #expect(c.allSatisfy { $0.loss.isFinite && $0.gradient.isFinite }, "\(id) K=\(k)")
                #expect(zip(c, c.dropFirst()).allSatisfy { $0.x < $1.x })
            }
        }

        /// Cross-entropy: ℓ = −log p_y and ∂ℓ/∂z_y = p_y − 1, for any K.
        @Test func crossEntropyCurve() {
            for k in [2, 5] {
                for pt in Self.curve("cross_entropy", classes: k) {
                    #expect(abs(pt.loss + log(pt.x)) < 1e-4 * max(1, abs(log(pt.x))))
                    #expect(abs(pt.gradient - (pt.x - 1)) < 1e-5)
                }
            }
        }

        /// MAE on probabilities: ℓ = 2(1 − p_y), ∂ℓ/∂z_y = −2p_y(1 − p_y).
        @Test func maeCurve() {
            for pt in Self.curve("mae", classes: 3) {
                #expect(abs(pt.loss - 2 * (1 - pt.x)) < 1e-5)
                #expect(abs(pt.gradient + 2 * pt.x * (1 - pt.x)) < 1e-5)
            }
        }

        @Test func regressionCurves() {
            let mse = Self.curve("mse", points: 61)
            #expect(mse.first!.x == -3 && mse.last!.x == 3)
            for pt in mse {
                #expect(abs(pt.loss - pt.x * pt.x) < 1e-5)
                #expect(abs(pt.gradient - 2 * pt.x) < 1e-5)
            }
            for pt in Self.curve("huber") where abs(pt.x) > 1 {
                #expect(abs(abs(pt.gradient) - 1) < 1e-6)
            }
        }

        /// z_error: the probe's squared error inside the mask, 0 beyond the cut, symmetric.
        @Test func zErrorCurve() {
            let c = Self.curve("z_error", points: 61)
            let inside = c.filter { $0.loss > 0 }
            #expect(inside.allSatisfy { abs($0.loss - $0.x * $0.x) < 1e-5 && abs($0.gradient - 2 * $0.x) < 1e-4 })
            let cut = inside.map { abs($0.x) }.max()!
            #expect(cut > 1.5 && cut < 3)
            #expect(c.filter { abs($0.x) > cut + 1e-9 }.allSatisfy { $0.loss == 0 && $0.gradient == 0 })
            #expect(c.first!.loss == 0 && c.last!.loss == 0)
        }

        /// Curves use a uniform prior: logit_adjusted is cross-entropy, ldam ignores the counts.
        @Test func priorsAreUniform() {
            let ce = Self.curve("cross_entropy", classes: 3), la = Self.curve("logit_adjusted", classes: 3)
            #expect(zip(ce, la).allSatisfy { abs($0.loss - $1.loss) < 1e-5 && abs($0.gradient - $1.gradient) < 1e-5 })
            let skewed = LossTests.make("logit_adjusted", classes: 3, counts: [1000, 10, 1])
            let fromSkewed = LossShape.curve(skewed, classes: 3, points: 41)
            #expect(zip(ce, fromSkewed).allSatisfy { abs($0.loss - $1.loss) < 1e-5 })
            let ldam = Self.curve("ldam", classes: 3)
            let ldamSkewed = LossShape.curve(LossTests.make("ldam", classes: 3, counts: [1000, 10, 1]), classes: 3, points: 41)
            #expect(ldam == ldamSkewed)
            #expect(LossShape.note(for: "ldam") != nil && LossShape.note(for: "z_error") != nil)
        }
    }
}
