import Foundation
import Learning
import TensorCore
import Testing

@testable import Engine

func smallSpec(_ change: (inout RunSpec) -> Void = { _ in }) -> RunSpec {
    var s = RunSpec.defaultPreset
    s.data.samples = 200
    s.steps = 60
    change(&s)
    return s
}

/// Trains to `spec.steps`, logging every `logEvery` steps, as `losscape run` does.
func metrics(_ spec: RunSpec, logEvery: Int = 1) throws -> [MetricRecord] {
    let t = try Trainer(spec: spec)
    var out: [MetricRecord] = []
    while t.step < spec.steps {
        let log = t.step % logEvery == 0
        t.trainStep(logging: log)
        if log, let r = t.lastRecord { out.append(r) }
    }
    out.append(t.currentRecord())
    return out
}

@Suite struct TrainerTests {
    @Test func samePresetTwiceGivesIdenticalMetrics() throws {
        let spec = smallSpec { $0.optimizer.batchSize = 32 }
        #expect(try metrics(spec) == metrics(spec))
    }

    @Test func loggingFrequencyDoesNotChangeTheNumbers() throws {
        // Logging computes metrics (and draws the next batch early); the run must not notice.
        let spec = smallSpec {
            $0.optimizer.batchSize = 48; $0.data.labelNoise = 0.2
        }
        let every = try metrics(spec, logEvery: 1)
        let sparse = try metrics(spec, logEvery: 7)
        for r in sparse { #expect(every.first { $0.step == r.step } == r, "step \(r.step)") }
        #expect(every.last == sparse.last)
    }

    @Test func sessionChunkSizesGiveIdenticalResults() throws {
        let spec = smallSpec { $0.optimizer.batchSize = 40 }
        func final(chunk: Double) throws -> [Tensor] {
            let session = TrainingSession(run: try Trainer(spec: spec), chunkSeconds: chunk)
            session.send(.step(spec.steps))
            var snap = session.snapshots.peek()
            while snap?.running ?? true || (snap?.runs.first?.step ?? 0) < spec.steps {
                session.sync()
                snap = session.snapshots.peek()
            }
            session.send(.shutdown)
            return snap!.runs[0].model.parameters
        }
        let direct = try Trainer(spec: spec)
        while direct.step < spec.steps { direct.trainStep() }
        #expect(try final(chunk: 0) == direct.model.parameters)
        #expect(try final(chunk: 0.05) == direct.model.parameters)
    }

    @Test func differentSeedsDiffer() throws {
        let a = try metrics(smallSpec()), b = try metrics(smallSpec { $0.seed = 99 })
        #expect(a.last != b.last)
    }

    @Test func spiralWithAdamReaches95PercentTrainAccuracy() throws {
        var s = RunSpec.defaultPreset
        s.data = DataSpec(kind: .spiral, samples: 400, noise: 0.05, testFraction: 0.2, classes: 2)
        s.optimizer.learningRate = 0.02
        s.steps = 600
        let t = try Trainer(spec: s)
        while t.step < s.steps { t.trainStep() }
        let acc = try #require(t.currentRecord().trainAccuracy)
        #expect(acc >= 0.95, "train accuracy \(acc)")
    }

    @Test func divergenceStopsTheRunWithAReason() throws {
        let spec = smallSpec {
            $0.data.kind = .sine
            $0.model.features = [.x1]
            $0.loss.name = "mse"
            $0.optimizer.kind = .sgd
            $0.optimizer.learningRate = 100
        }
        let t = try Trainer(spec: spec)
        var steps = 0
        while t.trainStep() { steps += 1; if steps > 200 { break } }
        guard case .diverged(let step, let reason) = t.health else {
            Issue.record("did not diverge: \(t.health)")
            return
        }
        #expect(step <= 200 && !reason.isEmpty)
        #expect(t.trainStep() == false, "a diverged run does not step")
    }

    @Test func step0IsBeforeAnyUpdateAndLastStepIsLogged() throws {
        let spec = smallSpec { $0.steps = 10 }
        let m = try metrics(spec, logEvery: 4)
        #expect(m.map(\.step) == [0, 4, 8, 10])
        let t = try Trainer(spec: spec)
        #expect(t.currentRecord().weightNorm == globalNorm(t.initialModel.parameters))
    }

    @Test func gradNormIsOfTheObjectiveOnTheNextBatch() throws {
        // Full batch, weight decay as L2: grad_norm = ‖∇L + λθ‖ at θ_k.
        let spec = smallSpec {
            $0.optimizer.kind = .sgd; $0.optimizer.weightDecay = 0.1
        }
        let t = try Trainer(spec: spec)
        let r = t.currentRecord()
        let tape = Tape()
        let p = t.model.parameters.map { tape.parameter($0) }
        let out = t.model.forward(tape.constant(t.model.features(of: t.dataset.train.x)), params: p)
        let l = t.loss.batchLoss(out, .labels(t.dataset.train.labels), classWeights: nil)
        let g = tape.gradients(of: l)
        let full = zip(p, t.model.parameters).map { v, w in g.of(v) + w * 0.1 }
        #expect(abs(r.gradNorm - globalNorm(full)) < 1e-5 * r.gradNorm)
        #expect(abs(r.trainLoss - Double(l.value.scalar)) < 1e-7)
    }

    @Test func changingTheLearningRateKeepsTheWeights() throws {
        let t = try Trainer(spec: smallSpec())
        for _ in 0..<5 { t.trainStep() }
        let w = t.model.parameters
        t.setLearningRate(0.5)
        #expect(t.model.parameters == w && t.step == 5)
        #expect(t.optimizer.currentLearningRate == 0.5)
        t.trainStep()
        #expect(t.step == 6)
    }

    @Test func metricHistoryStaysBounded() {
        var h = MetricHistory(capacity: 64)
        for s in 0..<10_000 where h.wants(step: s) {
            h.append(
                MetricRecord(
                    step: s, trainLoss: 1, testLoss: nil, trainAccuracy: nil, testAccuracy: nil,
                    cleanTrainAccuracy: nil, gradNorm: 0, weightNorm: 0, learningRate: 0))
        }
        #expect(h.records.count <= 64 && h.records.count >= 32)
        #expect(h.records.first?.step == 0)
        #expect(h.records.last!.step >= 10_000 - h.stride)
    }
}

@Suite struct SessionTests {
    @Test func replacingADivergedRunResumesTraining() throws {
        var boom = smallSpec {
            $0.data.kind = .sine
            $0.model.features = [.x1]
            $0.loss.name = "mse"
            $0.optimizer.kind = .sgd
            $0.optimizer.learningRate = 100
        }
        let session = TrainingSession(run: try Trainer(spec: boom), chunkSeconds: 0.001)
        session.send(.run)
        var snap = session.snapshots.peek()
        for _ in 0..<500 where !(snap?.runs[0].health.isDiverged ?? false) {
            session.sync()
            snap = session.snapshots.peek()
        }
        #expect(snap?.runs[0].health.isDiverged == true)
        session.sync()
        #expect(session.snapshots.peek()?.running == false, "stopped by the divergence")
        boom.optimizer.learningRate = 0.01
        session.send(.replace(SessionSpec(boom), baseDirectory: nil))
        session.sync()
        #expect(session.snapshots.peek()?.running == true, "the new run trains")
        session.send(.shutdown)
    }

    @Test func pausedStaysPausedAfterAReplacement() throws {
        let spec = smallSpec()
        let session = TrainingSession(run: try Trainer(spec: spec))
        session.send(.replace(SessionSpec(spec), baseDirectory: nil))
        session.sync()
        #expect(session.snapshots.peek()?.running == false)
        session.send(.shutdown)
    }
}

/// The session's pacing: a target rate, the pause at the preset's steps, the pause at lr 0.
@Suite struct PacingTests {
    func waitUntil(_ session: TrainingSession, _ condition: (SessionSnapshot) -> Bool) -> SessionSnapshot {
        for _ in 0..<4000 {
            if let s = session.snapshots.peek(), condition(s) { return s }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return session.snapshots.peek()!
    }

    @Test func pausesAtTheStepsAndAtARateOfZero() throws {
        var spec = smallSpec()
        spec.steps = 30
        spec.optimizer.schedule = .cosine
        let d = try RunDriver(entry: RunEntry(label: "a", spec: spec))
        let session = TrainingSession(runs: [d], speed: .max, pauseAt: 30)
        defer { session.send(.shutdown) }
        session.send(.run)
        var s = waitUntil(session) { !$0.running && $0.runs[0].step > 0 }
        #expect(s.runs[0].step == 30 && s.message == "reached 30 steps — space continues")
        // past the steps, the cosine schedule has brought the rate to 0: nothing can change
        session.send(.run)
        session.sync()
        s = waitUntil(session) { $0.messageID > 1 }
        #expect(!s.running && s.message?.hasPrefix("paused: the learning rate is 0") == true, "\(s.message ?? "")")
    }

    @Test func aTargetRateIsKept() throws {
        let d = try RunDriver(entry: RunEntry(label: "a", spec: smallSpec { $0.steps = 100_000 }))
        let session = TrainingSession(runs: [d], speed: .stepsPerSecond(50))
        defer { session.send(.shutdown) }
        session.send(.run)
        Thread.sleep(forTimeInterval: 0.6)
        session.send(.pause)
        session.sync()
        let steps = session.snapshots.peek()!.runs[0].step
        #expect(steps >= 5 && steps <= 40, "about 50/s for 0.6 s, never a burst: \(steps)")
    }
}
