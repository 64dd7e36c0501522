import Foundation
import Learning
import TensorCore
import Testing

@testable import Engine

/// Runs with embedding losses (issue #13): the head follows the loss, a change of head restarts the
/// run and says so, the weights file round-trips a cosine head, and metrics carry alignment and
/// uniformity (and null where the loss defines no probabilities).
@Suite struct EmbeddingRunTests {
    func spec(_ loss: String, dim: Int = 2) -> RunSpec {
        var s = smallSpec()
        s.data = DataSpec(kind: .gauss, samples: 120, noise: 0.5, classes: 3)
        s.model.embeddingDim = dim
        s.loss = LossSpec(name: loss)
        s.steps = 30
        return s
    }

    @Test func theLossDecidesTheHead() throws {
        let arc = try Trainer(spec: spec("arcface", dim: 3))
        #expect(arc.model.spec.head == .cosine && arc.model.layers.last?.outputs == 3 && arc.model.classVectors?.shape == [3, 3])
        #expect(arc.gradientPath == .tape)
        let sup = try Trainer(spec: spec("supcon"))
        #expect(sup.model.spec.head == .embedding && sup.model.classVectors == nil && sup.model.outputs == 2)
        let ce = try Trainer(spec: spec("cross_entropy"))
        #expect(ce.model.spec.head == .linear && ce.model.outputs == 3 && ce.gradientPath == .fused)
        // a loss with another head cannot replace the loss of a running network
        #expect(throws: LossError.self) { try ce.setLoss(LossSpec(name: "arcface")) }
        #expect(throws: LossError.self) { try arc.setLoss(LossSpec(name: "supcon")) }
        try arc.setLoss(LossSpec(name: "cosface"))  // the same head: fine
        var bad = spec("arcface")
        bad.model.embeddingDim = 9
        #expect(throws: LossError.self) { try Trainer(spec: bad) }
        var weighted = spec("triplet")
        weighted.loss.weighting = .inverse
        #expect(throws: LossError.self) { try Trainer(spec: weighted) }
    }

    @Test func metricsCarryAlignmentUniformityAndNulls() throws {
        let records = try metrics(spec("supcon"), logEvery: 10)
        let last = try #require(records.last)
        #expect(last.alignment != nil && last.uniformity != nil)
        #expect(last.testNLL?.isNaN == true && last.testECE?.isNaN == true)
        let line = MetricsFile.line(last)
        #expect(line.contains("\"test_nll\":null") && line.contains("\"alignment\":") && line.contains("\"uniformity\":"))
        let arc = try #require(try metrics(spec("arcface"), logEvery: 10).last)
        #expect(arc.testNLL.map { $0.isFinite } == true && arc.alignment != nil)
        let ce = try #require(try metrics(spec("cross_entropy"), logEvery: 10).last)
        #expect(ce.alignment == nil && !MetricsFile.line(ce).contains("alignment"))
    }

    @Test func weightsFileRoundTripsACosineHead() throws {
        let t = try Trainer(spec: spec("arcface"))
        for _ in 0..<10 { t.trainStep() }
        let text = WeightsFile.json(t.model)
        #expect(text.contains("\"bias\":null,\"activation\":\"cosine\""))
        let back = try WeightsFile.parse(text)
        #expect(back.classVectors == t.model.classVectors && back.layers == t.model.layers)
        let model = MLP(spec: t.model.spec, layers: back.layers, classVectors: back.classVectors)
        #expect(model.predict(points: t.dataset.test.x) == t.model.predict(points: t.dataset.test.x))
        // an embedding head: its embedding layer is a normal "linear" layer, no cosine entry
        let s = try Trainer(spec: spec("supcon"))
        let sText = WeightsFile.json(s.model)
        let parsed = try WeightsFile.parse(sText)
        #expect(!sText.contains("cosine") && parsed.layers.last?.outputs == 2 && parsed.classVectors == nil)
    }

    @Test func aSessionRestartsWhenTheHeadChanges() throws {
        let driver = try RunDriver(entry: RunEntry(label: "a", spec: spec("cross_entropy")), trajectoryEvery: 1)
        let session = TrainingSession(runs: [driver])
        session.send(.step(12))
        for _ in 0..<10_000 where session.snapshots.peek()!.runs[0].step < 12 || session.snapshots.peek()!.running { session.sync() }
        session.send(.setLoss(LossSpec(name: "arcface"), run: 0))
        session.sync()
        let snap = try #require(session.snapshots.peek())
        session.send(.shutdown)
        #expect(snap.runs[0].step == 0)
        #expect(snap.runs[0].model.spec.head == .cosine && snap.runs[0].spec.loss.name == "arcface")
        #expect(snap.message?.contains("arcface needs a cosine head") == true, "\(snap.message ?? "")")
    }

    @Test func embeddingHeadPredictsTheNearestClassMean() throws {
        let t = try Trainer(spec: spec("supcon"))
        for _ in 0..<30 { t.trainStep() }
        let r = t.currentRecord()
        let means = try #require(t.classMeans)
        #expect(means.shape == [3, 2])
        let h = t.model.predict(points: t.dataset.train.x)
        let predicted = Readout(head: .embedding, loss: t.loss, classMeans: means).predictions(h)
        let accuracy = Double(zip(predicted, t.dataset.train.labels).filter { $0 == $1 }.count) / Double(predicted.count)
        #expect(abs(accuracy - (r.trainAccuracy ?? -1)) < 1e-12)
    }
}
