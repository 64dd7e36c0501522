import Foundation
import TensorCore
import TestSupport
import Testing

@testable import Learning

/// Known answers: the identities between losses, and closed forms.
extension LossTests {
    @Suite struct Identities {
        /// Logit batches: moderate (N(0, 3²)) and extreme (N(0, 1e4²)), K = 2, 3, 5.
        static func batches() -> [(Tensor, [Int])] {
            [2, 3, 5].flatMap { k in
                [Float(3), 1e4].map { s in
                    (randomTensor([16, k], seed: UInt64(k) * 7 + (s > 10 ? 1 : 0), scale: s), LossTests.labels(16, classes: k))
                }
            }
        }

        /// The two losses give the same batch value and gradient on every batch.
        func expectSame(_ a: any LossFunction, _ b: any LossFunction, _ what: String) {
            for (z, y) in Self.batches() {
                let va = LossTests.valueAndGradient(a, outputs: z, targets: .labels(y))
                let vb = LossTests.valueAndGradient(b, outputs: z, targets: .labels(y))
                #expect(LossTests.close(Double(va.value), Double(vb.value)), "\(what) K=\(z.shape[1]): \(va.value) vs \(vb.value)")
                let bad = zip(va.gradient.scalars, vb.gradient.scalars).filter { !LossTests.close(Double($0), Double($1)) }
                #expect(bad.isEmpty, "\(what) K=\(z.shape[1]) gradient: \(bad.prefix(3))")
            }
        }

        /// The loss's per-example values equal `f(row, label)` on every batch.
        func expectPerExample(
            _ loss: any LossFunction, _ what: String, rtol: Double = 1e-4,
            _ f: ([Float], Int) -> Double
        ) {
            for (z, y) in Self.batches() {
                let values = LossTests.perExample(loss, outputs: z, targets: .labels(y)).values.scalars
                for (i, row) in LossTests.rows(z).enumerated() {
                    let want = f(row, y[i])
                    #expect(LossTests.close(Double(values[i]), want, rtol: rtol), "\(what) K=\(row.count) row \(i): \(values[i]) vs \(want)")
                }
            }
        }

        @Test func crossEntropySpecialCases() {
            let ce = LossTests.make("cross_entropy")
            expectSame(LossTests.make("comp_sum", ["tau": 1]), ce, "comp_sum τ=1")
            expectSame(LossTests.make("label_smoothing", ["epsilon": 0]), ce, "label_smoothing ε=0")
            expectSame(LossTests.make("poly1", ["epsilon": 0]), ce, "poly1 ε=0")
            expectSame(LossTests.make("focal", ["gamma": 0]), ce, "focal γ=0")
            expectSame(LossTests.make("poly1_focal", ["gamma": 0, "epsilon": 0]), ce, "poly1_focal γ=ε=0")
            expectSame(LossTests.make("logit_adjusted", ["tau": 0], counts: [500, 20, 3]), ce, "logit_adjusted τ=0")
        }

        @Test func oneMinusPy() {
            func oneMinus(_ z: [Float], _ y: Int) -> Double {
                let p = LossTests.softmax(z)
                return p.indices.filter { $0 != y }.map { p[$0] }.reduce(0, +)
            }
            expectPerExample(LossTests.make("comp_sum", ["tau": 2]), "comp_sum τ=2 = 1 − p_y", oneMinus)
            expectPerExample(LossTests.make("gce", ["q": 1]), "gce q=1 = 1 − p_y", oneMinus)
            expectPerExample(LossTests.make("mae"), "mae = 2(1 − p_y)") { 2 * oneMinus($0, $1) }
            expectPerExample(LossTests.make("mae"), "mae = Σ|p − e_y|") { z, y in
                LossTests.softmax(z).enumerated().map { abs($0.element - ($0.offset == y ? 1 : 0)) }.reduce(0, +)
            }
        }

        /// K = 2, m = z_y − z_other: nce_mae = softplus(−m)/(softplus(−m) + softplus(m)) + 2σ(−m).
        @Test func nceMAEBinaryClosedForm() {
            func softplus(_ x: Double) -> Double { max(x, 0) + log1p(exp(-abs(x))) }
            let loss = LossTests.make("nce_mae", classes: 2)
            for scale: Float in [0.3, 3, 30, 1e4] {
                let z = randomTensor([32, 2], seed: 11, scale: scale)
                let y = LossTests.labels(32, classes: 2)
                let values = LossTests.perExample(loss, outputs: z, targets: .labels(y)).values.scalars
                for i in 0..<32 {
                    let m = Double(z[i, y[i]]) - Double(z[i, 1 - y[i]])
                    let want = softplus(-m) / (softplus(-m) + softplus(m)) + 2 / (1 + exp(m))
                    #expect(LossTests.close(Double(values[i]), want), "m = \(m): \(values[i]) vs \(want)")
                }
            }
        }

        /// comp_sum τ = 0 is Σ_{k≠y} e^{z_k − z_y}; ldr_kl λ = 1, c = 0 is CE − log K.
        @Test func otherFamilyMembers() {
            let moderate = Self.batches().filter { $0.0.scalars.allSatisfy { abs($0) < 20 } }
            for (z, y) in moderate {
                let values = LossTests.perExample(LossTests.make("comp_sum", ["tau": 0]), outputs: z, targets: .labels(y)).values.scalars
                for (i, row) in LossTests.rows(z).enumerated() {
                    let want = row.indices.filter { $0 != y[i] }.map { exp(Double(row[$0]) - Double(row[y[i]])) }.reduce(0, +)
                    #expect(LossTests.close(Double(values[i]), want))
                }
            }
            expectPerExample(LossTests.make("ldr_kl", ["lambda": 1, "c": 0]), "ldr_kl λ=1 c=0", rtol: 2e-4) { z, y in
                let p = LossTests.softmax(z)
                return -log(p[y]) - log(Double(z.count))
            }
        }

        /// For K = 2 sparsemax is Huber-like in m: 0 (m ≥ 1), (1 − m)²/4 (|m| < 1), −m (m ≤ −1).
        @Test func sparsemaxBinary() {
            let loss = LossTests.make("sparsemax", classes: 2)
            let z = randomTensor([32, 2], seed: 3, scale: 1.5)
            let y = LossTests.labels(32, classes: 2)
            let values = LossTests.perExample(loss, outputs: z, targets: .labels(y)).values.scalars
            for i in 0..<32 {
                let m = Double(z[i, y[i]]) - Double(z[i, 1 - y[i]])
                let want = m >= 1 ? 0 : (m <= -1 ? -m : (1 - m) * (1 - m) / 4)
                #expect(LossTests.close(Double(values[i]), want), "m = \(m)")
            }
            let probs = loss.probabilities(z)
            for i in 0..<32 { #expect(abs(probs[i, 0] + probs[i, 1] - 1) < 1e-6) }
        }

        /// sparsemax(z) = [z − τ]₊ is a distribution with exact zeros, and the loss's
        /// gradient is sparsemax(z) − e_y.
        @Test func sparsemaxProbabilitiesAndGradient() {
            let loss = LossTests.make("sparsemax", classes: 5)
            let z = randomTensor([12, 5], seed: 9, scale: 2)
            let y = LossTests.labels(12, classes: 5)
            let probs = loss.probabilities(z)
            let g = LossTests.perExample(loss, outputs: z, targets: .labels(y)).gradient
            var zeros = 0
            for i in 0..<12 {
                let row = (0..<5).map { probs[i, $0] }
                #expect(abs(row.reduce(0, +) - 1) < 1e-5 && row.allSatisfy { $0 >= 0 })
                zeros += row.filter { $0 == 0 }.count
                for j in 0..<5 { #expect(abs(g[i, j] - (row[j] - (j == y[i] ? 1 : 0))) < 1e-5) }
            }
            #expect(zeros > 0)
        }

        @Test func regressionClosedForms() {
            let e: [Float] = [-7, -1.5, -0.3, 0.2, 0.9, 2.5, 40]
            let p = Tensor(shape: [e.count, 1], scalars: e)
            func values(_ id: String, _ params: [String: Double] = [:]) -> [Float] {
                LossTests.perExample(LossTests.make(id, params), outputs: p, targets: .values(Tensor.zeros([e.count]))).values.scalars
            }
            let q = values("quantile", ["q": 0.5]), l1 = values("l1"), lc = values("log_cosh")
            let hub = values("huber", ["delta": 2]), sl1 = values("smooth_l1", ["beta": 2])
            for i in e.indices {
                #expect(LossTests.close(Double(q[i]), Double(l1[i]) / 2), "quantile ½ = |e|/2")
                #expect(LossTests.close(Double(lc[i]), log(cosh(Double(e[i])))), "log_cosh")
                #expect(LossTests.close(Double(hub[i]), 2 * Double(sl1[i])), "huber δ = δ·smooth_l1 β=δ")
            }
        }
    }
}
