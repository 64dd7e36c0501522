import Foundation
import TensorCore
import Testing

@testable import Learning

/// The loss-shape curves the UI and `losscape inspect` draw: ℓ and dℓ/dx along
/// a stated path, for every loss.
extension LossTests {
    @Suite struct Shapes {
        static func loss(_ id: String, _ params: [String: Double] = [:], classes: Int) -> any LossFunction {
            let info = LossCatalog.entry(id)!.info
            let context = info.family == .classification ? LossShape.context(classes: classes) : .regression()
            return try! LossCatalog.make(id, parameters: params, context: context, family: info.family)
        }

        static func curve(_ id: String, _ params: [String: Double] = [:], classes: Int = 2, points: Int = 41) -> LossCurve {
            let k = max(classes, LossCatalog.entry(id)!.info.minClasses)
            return LossShape.curve(loss(id, params, classes: k), classes: k, points: points)
        }

        /// ℓ(x) on the curve's own path, evaluated anew (for numerical derivatives).
        static func lossAt(_ x: Double, _ loss: any LossFunction, _ c: LossCurve) -> Double {
            if let z = loss as? ZErrorLoss {
                let mask = ZErrorLoss.mask(errors: LossShape.zErrorBatch + [x], tau: z.tau)
                return mask.last! ? x * x : 0
            }
            if let pair = loss as? any PairLoss { return pair.anchorTerm(positive: x, negative: 2.0.squareRoot()).value }
            var path = LossCurvePath(variable: c.variable, classes: max(c.classes, 1), xs: [x])
            if c.variable == .angle { path.angles = (0..<c.classes).map { 2 * Double.pi * Double($0) / Double(c.classes) } }
            return LossShape.evaluate(LossShape.uniformPrior(loss), along: path).loss[0]
        }

        /// Every loss, K = 2, 3, 5: finite points, increasing x, and the plotted derivative
        /// is the slope of the plotted ℓ (central differences on the same path), except
        /// at kinks (where the one-sided slopes disagree).
        /// (Circle loss is left out: its gradient treats its weights α as constants, so what it
        /// trains with is not the slope of its value; `circleCurve` checks it.)
        @Test(arguments: LossCatalog.ids.filter { $0 != "circle" })
        func derivativeIsTheSlopeOfTheCurve(_ id: String) {
            let info = LossCatalog.entry(id)!.info
            for k in (info.family == .regression ? [1] : [2, 3, 5]) where k >= info.minClasses || k == 1 {
                let loss = Self.loss(id, classes: max(k, 2))
                let c = LossShape.curve(loss, classes: k, points: 61)
                #expect(c.x.count == 61 && c.loss.count == 61 && c.derivative.count == 61)
                #expect(c.loss.allSatisfy(\.isFinite) && c.derivative.allSatisfy(\.isFinite), "\(id) K=\(k)")
                #expect(zip(c.x, c.x.dropFirst()).allSatisfy { $0 < $1 })
                let span = c.x.last! - c.x.first!
                let h = span * 2e-4
                for i in c.x.indices {
                    let x = c.x[i]
                    let (l0, lm, lp) = (c.loss[i], Self.lossAt(x - h, loss, c), Self.lossAt(x + h, loss, c))
                    let left = (l0 - lm) / h, right = (lp - l0) / h
                    let scale = max(1, abs(c.derivative[i]), abs(left), abs(right))
                    if abs(left - right) > 0.05 * scale { continue }  // a kink (hinge, z_error's cut)
                    let numeric = (lp - lm) / (2 * h)
                    #expect(
                        abs(numeric - c.derivative[i]) <= 0.02 * scale,
                        "\(id) K=\(k) at \(c.variable.rawValue)=\(x): slope \(numeric), plotted \(c.derivative[i])")
                }
            }
        }

        /// Cross-entropy along p_y: ℓ = −log p_y, dℓ/dp_y = −1/p_y, for any K.
        @Test func crossEntropyCurve() {
            for k in [2, 5] {
                let c = Self.curve("cross_entropy", classes: k)
                #expect(c.variable == .probability)
                for (x, (l, d)) in zip(c.x, zip(c.loss, c.derivative)) {
                    #expect(abs(l + log(x)) < 1e-4 * max(1, abs(log(x))))
                    #expect(abs(d + 1 / x) < 1e-3 * max(1, 1 / x))
                }
            }
        }

        /// MAE on probabilities: ℓ = 2(1 − p_y), dℓ/dp_y = −2.
        @Test func maeCurve() {
            let c = Self.curve("mae", classes: 3)
            for (x, (l, d)) in zip(c.x, zip(c.loss, c.derivative)) {
                #expect(abs(l - 2 * (1 - x)) < 1e-5)
                #expect(abs(d + 2) < 1e-4)
            }
        }

        /// The losses the issue names are drawn against the margin with other logits 0:
        /// hinge = max(0, 1 − t), squentropy = cross-entropy of (t, 0, …) (the square term is 0).
        @Test func marginCurves() {
            for id in ["taylor_softmax", "sparsemax", "z_loss"] { #expect(Self.curve(id, classes: 3).variable != .margin) }
            for id in [
                "squentropy", "hinge", "hinge_ww", "squared_hinge", "ldr_kl", "ldam", "logit_adjusted",
                "exponential", "modified_huber",
            ] {
                #expect(Self.curve(id, classes: 3).variable == .margin, "\(id)")
            }
            let hinge = Self.curve("hinge", classes: 3)
            for (t, l) in zip(hinge.x, hinge.loss) { #expect(abs(l - max(0, 1 - t)) < 1e-5) }
            let sq = Self.curve("squentropy", classes: 3)
            for (t, l) in zip(sq.x, sq.loss) { #expect(abs(l - (log(exp(t) + 2) - t)) < 1e-4) }
            #expect(sq.loss.max()! < 10, "squentropy climbed to \(sq.loss.max()!) (others at −∞ before)")
        }

        /// taylor_softmax against its own probability: ℓ = −log(Taylor p_y) falls as p_y → 1.
        @Test func taylorSoftmaxAgainstItsOwnProbability() {
            let c = Self.curve("taylor_softmax", classes: 3)
            #expect(c.variable == .taylorProbability)
            #expect(abs(c.x.first! - 0.2) < 0.01)
            for (x, (l, d)) in zip(c.x, zip(c.loss, c.derivative)) {
                #expect(abs(l + log(x)) < 1e-4 * max(1, abs(log(x))))
                #expect(d < 0)
            }
        }

        /// sparsemax against its own probability: 0 at p_y = 1.
        @Test func sparsemaxAgainstItsOwnProbability() {
            let c = Self.curve("sparsemax", classes: 3)
            #expect(c.variable == .sparsemaxProbability)
            #expect(c.loss.last! < 1e-3 && c.loss.first! > c.loss.last!)
        }

        /// z_loss against ẑ_y over ±√(K − 1): ℓ = softplus(b − ẑ_y) (a = 1), no step, no noise.
        @Test func zLossAgainstTheStandardisedLogit() {
            let c = Self.curve("z_loss", classes: 3)
            #expect(c.variable == .standardizedLogit)
            #expect(c.x.first! > -sqrt(2.0) && c.x.last! < sqrt(2.0))
            for (x, (l, d)) in zip(c.x, zip(c.loss, c.derivative)) {
                #expect(abs(l - log1p(exp(1 - x))) < 1e-4)
                #expect(abs(d + 1 / (1 + exp(x - 1))) < 1e-3)
            }
        }

        @Test func regressionCurves() {
            let mse = Self.curve("mse", points: 61)
            #expect(mse.variable == .residual && mse.x.first! == -3 && mse.x.last! == 3)
            for (x, (l, d)) in zip(mse.x, zip(mse.loss, mse.derivative)) {
                #expect(abs(l - x * x) < 1e-5)
                #expect(abs(d - 2 * x) < 1e-5)
            }
            let huber = Self.curve("huber")
            for (x, d) in zip(huber.x, huber.derivative) where abs(x) > 1 { #expect(abs(abs(d) - 1) < 1e-6) }
        }

        /// z_error: the probe's squared error inside the mask, 0 beyond the cut, symmetric.
        @Test func zErrorCurve() {
            let c = Self.curve("z_error", points: 61)
            let inside = c.x.indices.filter { c.loss[$0] > 0 }
            #expect(inside.allSatisfy { abs(c.loss[$0] - c.x[$0] * c.x[$0]) < 1e-5 && abs(c.derivative[$0] - 2 * c.x[$0]) < 1e-4 })
            let cut = inside.map { abs(c.x[$0]) }.max()!
            #expect(cut > 1.5 && cut < 3)
            #expect(c.x.indices.filter { abs(c.x[$0]) > cut + 1e-9 }.allSatisfy { c.loss[$0] == 0 && c.derivative[$0] == 0 })
        }

        /// Curves use a uniform prior: logit_adjusted is cross-entropy, ldam ignores the counts; both say so.
        @Test func priorsAreUniform() {
            let la = Self.curve("logit_adjusted", classes: 3)
            let fromSkewed = LossShape.curve(LossTests.make("logit_adjusted", classes: 3, counts: [1000, 10, 1]), classes: 3, points: 41)
            #expect(la == fromSkewed)
            for (t, l) in zip(la.x, la.loss) { #expect(abs(l - (log(exp(t) + 2) - t)) < 1e-4) }
            let ldam = Self.curve("ldam", classes: 3)
            let ldamSkewed = LossShape.curve(LossTests.make("ldam", classes: 3, counts: [1000, 10, 1]), classes: 3, points: 41)
            #expect(ldam == ldamSkewed)
            #expect(ldam.assumption.contains("uniform class prior") && la.assumption.contains("uniform class prior"))
        }

        /// Cos-head losses against θ_y: the curve starts at θ_y = 0 (the point on its class vector) and
        /// ends at π, the loss rises with the angle, and with the class vectors given the curve uses
        /// them (and says so).
        @Test func cosineHeadCurvesAgainstTheAngle() {
            for id in ["normface", "cosface", "arcface", "circle", "cosine_contrastive"] {
                let c = Self.curve(id, classes: 3)
                #expect(c.variable == .angle && c.x.first == 0 && abs(c.x.last! - Double.pi) < 1e-12, "\(id)")
                #expect(c.loss.last! > c.loss.first!, "\(id): the loss grows as the point leaves its class vector")
                #expect(c.assumption.contains("120°") && c.assumption.contains("240°"), "\(id): \(c.assumption)")
                let given = LossShape.curve(Self.loss(id, classes: 3), classes: 3, points: 41, classAngles: [0, 1, -1])
                #expect(given.assumption.contains("57°") && given.assumption.contains("303°"), "\(given.assumption)")
            }
            // arcface past π − m: cos θ_y − m·sin m (the reference rule; it jumps at the switch, from
            // cos π = −1 to −cos m − m·sin m), cos(θ_y + m) before it
            let arc = ArcFaceLoss()
            let switchAt = Foundation.cos(Double.pi - arc.margin)
            let below = arc.target(switchAt - 1e-9), above = arc.target(switchAt + 1e-9)
            #expect(abs(above.value + 1) < 1e-6 && above.derivative > 0)
            #expect(abs(below.value - (switchAt - 1e-9 - arc.margin * Foundation.sin(arc.margin))) < 1e-12 && below.derivative == 1)
        }

        /// Pair losses against the pair distance: two curves (positive and negative pairs), each
        /// derivative the slope of its curve; the positive pair's loss grows with the distance and the
        /// negative pair's falls.
        @Test(arguments: ["contrastive", "triplet", "supcon"])
        func pairCurvesAgainstTheDistance(_ id: String) throws {
            let c = Self.curve(id, classes: 3, points: 81)
            #expect(c.variable == .pairDistance)
            let neg = try #require(c.negativeLoss), negD = try #require(c.negativeDerivative)
            #expect(c.loss.last! >= c.loss.first! && neg.last! <= neg.first!)
            let pair = Self.loss(id, classes: 3) as! any PairLoss
            let h = 1e-6
            for x in c.x.dropFirst().dropLast() {
                let p = pair.anchorTerm(positive: x, negative: 2.0.squareRoot()), n = pair.anchorTerm(positive: 0, negative: x)
                let dp =
                    (pair.anchorTerm(positive: x + h, negative: 2.0.squareRoot()).value
                        - pair.anchorTerm(positive: x - h, negative: 2.0.squareRoot()).value) / (2 * h)
                let dn = (pair.anchorTerm(positive: 0, negative: x + h).value - pair.anchorTerm(positive: 0, negative: x - h).value) / (2 * h)
                let kink = abs(dp - p.dPositive) > 1e-3 && id == "triplet" || abs(dn - n.dNegative) > 1e-3 && id != "supcon"
                if !kink {
                    #expect(abs(dp - p.dPositive) < 1e-4 * max(1, abs(dp)), "\(id) positive at \(x)")
                    #expect(abs(dn - n.dNegative) < 1e-4 * max(1, abs(dn)), "\(id) negative at \(x)")
                }
            }
            #expect(negD.count == c.x.count)
            // the anchor term is the batch loss of that configuration for the contrastive loss: two
            // points of the same class at distance d give d² (one pair)
            if id == "contrastive" {
                let tape = Tape()
                let d = 0.7, t = 2 * asin(d / 2)
                let h2 = tape.parameter(Tensor(shape: [2, 2], scalars: [1, 0, Float(cos(t)), Float(sin(t))]))
                let l = pair.batchLoss(h2, .labels([0, 0]), classWeights: nil)
                #expect(abs(Double(l.value.scalar) - pair.anchorTerm(positive: d, negative: 2).value) < 1e-5)
            }
        }
    }
}
