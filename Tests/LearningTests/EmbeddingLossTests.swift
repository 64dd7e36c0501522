import Foundation
import TensorCore
import TestSupport
import Testing

@testable import Learning

/// The embedding losses (issue #13): PyTorch fixtures (values and gradients, the arcface branch past
/// π − m, degenerate batches), finite differences, the cosine head by hand, and 30-step SGD
/// trajectories of a small network against a PyTorch replay (reference/embedding_*_reference.py).
@Suite struct EmbeddingLossTests {
    static let ids = ["normface", "cosface", "arcface", "circle", "cosine_contrastive", "contrastive", "triplet", "supcon"]

    struct Case: Decodable {
        let id: String
        let loss: String
        let params: [String: Double]
        let inputs: [[Double]]
        let labels: [Int]
        let class_weights: [Double]?
        let value: Double
        let grad: [[Double]]
    }

    struct File<C: Decodable>: Decodable { let cases: [C] }

    static func load<C: Decodable>(_ name: String, as: C.Type) -> [C] {
        let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File<C>.self, from: Data(contentsOf: url)).cases
    }

    static let cases = load("embedding_losses", as: Case.self)

    static func make(_ id: String, _ params: [String: Double], classes: Int) -> any LossFunction {
        try! LossCatalog.make(
            id, parameters: params, context: LossContext(classes: classes, classCounts: Array(repeating: 10, count: classes)),
            family: .classification)
    }

    /// |swift − ref| ≤ 1e−6 + 1e−4·|ref| (reference/README.md).
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 + 1e-4 * abs(b) }

    @Test func everyLossHasFixtures() {
        for id in Self.ids { #expect(Self.cases.filter { $0.loss == id }.count >= 10, "\(id)") }
        #expect(Self.cases.contains { $0.loss == "arcface" && $0.id.contains("past") })
        for id in ["contrastive", "triplet", "supcon"] {
            #expect(Self.cases.contains { $0.loss == id && $0.inputs.count == 1 }, "\(id): a batch of one")
        }
    }

    @Test(arguments: EmbeddingLossTests.ids)
    func matchesPyTorch(_ id: String) {
        for c in Self.cases where c.loss == id {
            let width = c.inputs.first?.count ?? 0
            let classes = max((c.labels.max() ?? 0) + 1, c.class_weights?.count ?? 0, width, 2)
            let loss = Self.make(id, c.params, classes: LossCatalog.entry(id)!.info.head == .cosine ? width : classes)
            let tape = Tape()
            let x = tape.parameter(Tensor(shape: [c.inputs.count, width], scalars: c.inputs.flatMap { $0.map { Float($0) } }))
            let l = loss.batchLoss(x, .labels(c.labels), classWeights: c.class_weights?.map { Float($0) })
            let g = tape.gradients(of: l).of(x)
            #expect(Self.close(Double(l.value.scalar), c.value), "\(c.id): value \(l.value.scalar) vs \(c.value)")
            for (i, row) in c.grad.enumerated() {
                for (j, ref) in row.enumerated() {
                    let got = Double(g[flat: i * width + j])
                    #expect(Self.close(got, ref), "\(c.id): grad[\(i)][\(j)] \(got) vs \(ref)")
                }
            }
        }
    }

    /// Central differences on inputs away from kinks (cosines in (−0.9, 0.9); embeddings ~ N(0, 1)).
    @Test(arguments: EmbeddingLossTests.ids)
    func matchesFiniteDifferences(_ id: String) {
        let head = LossCatalog.entry(id)!.info.head
        for (n, k, seed) in [(5, 3, UInt64(3)), (8, 4, UInt64(11))] {
            let labels = (0..<n).map { $0 % k }
            let loss = Self.make(id, [:], classes: k)
            if id == "circle" {
                // the weights α are constants of the gradient (stop-gradient): difference the loss
                // with α frozen at the point
                var c = randomTensor([n, k], seed: seed, scale: 0.45)
                for i in 0..<c.count { c[flat: i] = max(-0.9, min(0.9, c[flat: i])) }
                let circle = loss as! CircleLoss
                let tape = Tape()
                let z = tape.parameter(c)
                let g = tape.gradients(of: loss.perExample(z, .labels(labels))).of(z)
                for i in 0..<n {
                    let row = (0..<k).map { Double(c[i, $0]) }
                    let y = labels[i]
                    let alpha = row.enumerated().map { j, v in j == y ? max(0, 1 + circle.margin - v) : max(0, v + circle.margin) }
                    func frozen(_ r: [Double]) -> Double {
                        let b = -circle.gamma * alpha[y] * (r[y] - 1 + circle.margin)
                        let a = (0..<k).filter { $0 != y }.map { circle.gamma * alpha[$0] * (r[$0] - circle.margin) }
                        let top = a.max()!
                        let lse = top + log(a.map { exp($0 - top) }.reduce(0, +))
                        let x = lse + b
                        return max(x, 0) + log1p(exp(-abs(x)))
                    }
                    for j in 0..<k {
                        var up = row, down = row
                        up[j] += 1e-6
                        down[j] -= 1e-6
                        let numeric = (frozen(up) - frozen(down)) / 2e-6
                        #expect(abs(Double(g[i, j]) - numeric) <= 1e-3 + 1e-3 * abs(numeric), "circle [\(i)][\(j)] \(g[i, j]) vs \(numeric)")
                    }
                }
            } else if head == .cosine {
                // cosines with rows bounded away from ±1 and from the margins' switches
                var c = randomTensor([n, k], seed: seed, scale: 0.45)
                for i in 0..<c.count { c[flat: i] = max(-0.9, min(0.9, c[flat: i])) }
                let failures = gradientCheck([c], step: 1e-3) { loss.perExample($0[0], .labels(labels)) }
                #expect(failures.isEmpty, "\(id) n \(n) k \(k): \(failures.prefix(3))")
            } else {
                let h = randomTensor([n, 3], seed: seed)
                let failures = gradientCheck([h], step: 1e-3) { loss.batchLoss($0[0], .labels(labels), classWeights: nil) }
                #expect(failures.isEmpty, "\(id) n \(n): \(failures.prefix(3))")
            }
        }
    }

    /// cos θ = ĥ·ŵ by hand: h = (3, 4), w₀ = (1, 0), w₁ = (0, 2): cos = (0.6, 0.8);
    /// ∂cos₀/∂h = (ŵ₀ − ĥ(ĥ·ŵ₀))/‖h‖ = (0.128, −0.096); ∂cos₀/∂w₀ = (ĥ − ŵ₀(ŵ₀·ĥ))/‖w₀‖ = (0, 0.8).
    @Test func cosineHeadByHand() {
        let tape = Tape()
        let h = tape.parameter(Tensor(shape: [1, 2], scalars: [3, 4]))
        let w = tape.parameter(Tensor(shape: [2, 2], scalars: [1, 0, 0, 2]))
        let c = Variable.cosineSimilarity(h, w)
        #expect(abs(c.value[0, 0] - 0.6) < 1e-6 && abs(c.value[0, 1] - 0.8) < 1e-6)
        let g = tape.gradients(of: c, seed: Tensor(shape: [1, 2], scalars: [1, 0]))
        let gh = g.of(h), gw = g.of(w)
        #expect(abs(gh[0, 0] - 0.128) < 1e-6 && abs(gh[0, 1] + 0.096) < 1e-6)
        #expect(abs(gw[0, 0]) < 1e-6 && abs(gw[0, 1] - 0.8) < 1e-6)
        #expect(abs(gw[1, 0]) < 1e-7 && abs(gw[1, 1]) < 1e-7)
        // a zero embedding: divided by ε instead of its norm, no NaN
        let t2 = Tape()
        let z = t2.parameter(Tensor(shape: [1, 2], scalars: [0, 0]))
        let c2 = Variable.cosineSimilarity(z, t2.constant(Tensor(shape: [1, 2], scalars: [1, 0])))
        #expect(c2.value[0, 0] == 0)
        #expect(t2.gradients(of: c2).of(z).isFinite)
    }

    /// The model's head: a cosine head outputs K cosines, an embedding head d values.
    @Test func headsShapeTheNetwork() {
        var rng = SeededRandom(seed: 1, stream: "init")
        let cosine = MLP(spec: MLPSpec(hidden: [5], head: .cosine, embeddingDim: 3), outputs: 4, using: &rng)
        #expect(cosine.layers.last?.outputs == 3 && cosine.classVectors?.shape == [4, 3] && cosine.outputs == 4)
        #expect(cosine.parameters.count == 5)
        let x = Tensor(shape: [2, 2], scalars: [0.5, -1, 2, 0.25])
        let out = cosine.predict(points: x)
        #expect(out.shape == [2, 4])
        #expect((0..<out.count).allSatisfy { abs(out[flat: $0]) <= 1.0001 })
        var copy = cosine
        let p = copy.takeParameters()
        copy.parameters = p
        #expect(copy == cosine)
        let embedding = MLP(spec: MLPSpec(hidden: [5], head: .embedding, embeddingDim: 2), outputs: 4, using: &rng)
        #expect(embedding.classVectors == nil && embedding.predict(points: x).shape == [2, 2])
    }

    struct Trajectory: Decodable {
        let id: String
        let loss: String
        let params: [String: Double]
        let lr: Double
        let steps: Int
        let x: [[Double]]
        let labels: [Int]
        let initial: [String: [[Double]]?]
        let losses: [Double]
        let final: [String: [[Double]]?]

        enum CodingKeys: String, CodingKey { case id, loss, params, lr, steps, x, labels, initial, final, losses }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            loss = try c.decode(String.self, forKey: .loss)
            params = try c.decode([String: Double].self, forKey: .params)
            lr = try c.decode(Double.self, forKey: .lr)
            steps = try c.decode(Int.self, forKey: .steps)
            x = try c.decode([[Double]].self, forKey: .x)
            labels = try c.decode([Int].self, forKey: .labels)
            losses = try c.decode([Double].self, forKey: .losses)
            initial = try Self.weights(c, .initial)
            final = try Self.weights(c, .final)
        }

        /// Matrices stay [[…]]; vectors become one row.
        static func weights(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String: [[Double]]?] {
            let raw = try c.decode([String: AnyMatrix].self, forKey: key)
            return raw.mapValues(\.rows)
        }
    }

    struct AnyMatrix: Decodable {
        let rows: [[Double]]?
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { rows = nil } else if let m = try? c.decode([[Double]].self) { rows = m } else { rows = [try c.decode([Double].self)] }
        }
    }

    static func tensor(_ m: [[Double]]) -> Tensor {
        m.count == 1 ? Tensor(m[0].map { Float($0) }) : Tensor(shape: [m.count, m[0].count], scalars: m.flatMap { $0.map { Float($0) } })
    }

    /// 30 full-batch SGD steps of a 2-6-2 tanh network (cosine head for the cos-head losses) from the
    /// fixture's weights: every step's loss and the final weights match the PyTorch replay.
    @Test(arguments: EmbeddingLossTests.ids)
    func trainsLikePyTorch(_ id: String) throws {
        let t = try #require(Self.load("embedding_trajectories", as: Trajectory.self).first { $0.loss == id })
        let head = LossCatalog.entry(id)!.info.head
        let classes = (t.labels.max() ?? 0) + 1
        let i = t.initial
        let layers = [
            DenseLayer(weight: Self.tensor(i["W1"]!!), bias: Self.tensor(i["b1"]!!)),
            DenseLayer(weight: Self.tensor(i["W2"]!!), bias: Self.tensor(i["b2"]!!)),
        ]
        var model = MLP(
            spec: MLPSpec(hidden: [6], activation: .tanh, head: head, embeddingDim: 2), layers: layers,
            classVectors: (i["Wc"] ?? nil).map(Self.tensor))
        let loss = Self.make(id, t.params, classes: classes)
        let x = Tensor(shape: [t.x.count, 2], scalars: t.x.flatMap { $0.map { Float($0) } })
        var spec = OptimizerSpec()
        spec.kind = .sgd
        spec.learningRate = t.lr
        var optimizer = Optimizer(spec: spec, totalSteps: t.steps)
        func lossAndGradient(_ p: [Tensor]) -> (Float, [Tensor]) {
            let tape = Tape()
            let vars = p.map { tape.parameter($0) }
            let l = loss.batchLoss(model.forward(tape.constant(x), params: vars), .labels(t.labels), classWeights: nil)
            let g = tape.gradients(of: l)
            return (l.value.scalar, vars.map { g.of($0) })
        }
        for k in 0...t.steps {
            var params = model.parameters
            let (l, g) = lossAndGradient(params)
            #expect(Self.close(Double(l), t.losses[k]), "\(id): loss at step \(k): \(l) vs \(t.losses[k])")
            if k == t.steps { break }
            optimizer.step(&params, gradient: g) { lossAndGradient($0).1 }
            model.parameters = params
        }
        let f = t.final
        let expected = [f["W1"]!!, f["b1"]!!, f["W2"]!!, f["b2"]!!] + ((f["Wc"] ?? nil).map { [$0] } ?? [])
        for (p, e) in zip(model.parameters, expected) {
            let ref = e.flatMap { $0 }
            for j in 0..<p.count { #expect(Self.close(Double(p[flat: j]), ref[j]), "\(id): final weight \(j) \(p[flat: j]) vs \(ref[j])") }
        }
    }
}
