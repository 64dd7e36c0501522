import Learning
import TensorCore
import Testing

@testable import Engine

/// Comparisons: `[[compare]]` tables merged over the base, default labels and slugs,
/// `--set` overrides, runs that share data and initial weights.
@Suite struct CompareTests {
    static let base = """
        name = "c"
        steps = 40
        [data]
        kind = "moons"
        samples = 120
        [loss]
        name = "focal"
        gamma = 3.0
        [optimizer]
        name = "momentum"
        momentum = 0.5
        learning_rate = 0.05

        """

    func session(_ extra: String, overrides: [String] = []) throws -> SessionSpec {
        try Preset.parse(Self.base + extra, file: "c.toml", overrides: overrides)
    }

    @Test func aLossThatNamesAnotherLossReplacesTheTable() throws {
        let s = try session("[[compare]]\n[compare.loss]\nname = \"poly1_focal\"\n")
        #expect(s.runs[1].spec.loss == LossSpec(name: "poly1_focal"), "gamma = 3 must not carry over")
        let merged = try session("[[compare]]\n[compare.loss]\ngamma = 1.0\n")
        #expect(merged.runs[1].spec.loss == LossSpec(name: "focal", parameters: ["gamma": 1]))
        let same = try session("[[compare]]\n[compare.loss]\nname = \"focal\"\n")
        #expect(same.runs[1].spec.loss.parameters["gamma"] == 3, "the same name merges")
    }

    @Test func optimizerAndModelKeysMerge() throws {
        let s = try session(
            """
            [[compare]]
            [compare.optimizer]
            name = "adam"
            [compare.model]
            hidden = [4]

            [[compare]]
            [compare.optimizer]
            momentum = 0.9
            """)
        let adam = s.runs[1].spec
        #expect(adam.optimizer.kind == .adam && adam.optimizer.learningRate == 0.05, "learning_rate carries over")
        #expect(adam.model.hidden == [4] && adam.model.activation == s.base.model.activation)
        #expect(s.runs[2].spec.optimizer.kind == .momentum && s.runs[2].spec.optimizer.momentum == 0.9)
        #expect(s.runs.allSatisfy { $0.spec.data == s.base.data && $0.spec.seed == s.base.seed && $0.spec.steps == 40 })
    }

    @Test func defaultLabelsTellRunsApart() throws {
        var a = RunSpec.defaultPreset, b = a, c = a
        b.loss.name = "focal"
        c.loss.name = "gce"
        #expect(SessionSpec.defaultLabels([a, b, c]) == ["cross_entropy", "focal", "gce"])
        b = a
        b.optimizer.kind = .sgd
        #expect(SessionSpec.defaultLabels([a, b]) == ["cross_entropy/adam", "cross_entropy/sgd"])
        b = a
        b.optimizer.learningRate = 0.1
        #expect(SessionSpec.defaultLabels([a, b]) == ["adam lr=0.01", "adam lr=0.1"])
        #expect(Set(SessionSpec.defaultLabels([a, a, a])).count == 3)
        let s = try session("[[compare]]\n[compare.loss]\nname = \"gce\"\n[[compare]]\nlabel = \"mine\"\n[compare.loss]\nname = \"mae\"\n")
        #expect(s.runs.map(\.label) == ["focal", "gce", "mine"])
    }

    @Test func slugs() {
        #expect(RunEntry.slug("focal γ=2") == "focal-2")
        #expect(RunEntry.slug("Cross_Entropy/Adam") == "cross-entropy-adam")
        #expect(RunEntry.slug("  --x--  ") == "x")
        #expect(RunEntry.slug("γ") == "run")
    }

    @Test func setOverridesAnyKeyAndValidatesLikeTheFile() throws {
        let s = try session(
            "",
            overrides: [
                "seed=3", "steps=500", "loss.name=gce", "optimizer.learning_rate=0.2",
                "data.label_noise=0.4", "model.hidden=[32,32]",
            ])
        let r = s.base
        #expect(r.seed == 3 && r.steps == 500 && r.data.labelNoise == 0.4 && r.model.hidden == [32, 32])
        #expect(r.loss == LossSpec(name: "gce"), "setting loss.name drops focal's gamma")
        #expect(r.optimizer.learningRate == 0.2)
        #expect(try session("", overrides: ["loss.gamma=2"]).base.loss.parameters["gamma"] == 2)
        #expect(try session("", overrides: ["loss.name=focal"]).base.loss.name == "focal", "a bare word is a string")
        func error(_ o: String) -> String {
            do { _ = try session("", overrides: [o]); return "accepted" } catch { return "\(error)" }
        }
        #expect(error("loss.gamma=abc") == "--set: loss.gamma: expected a number, got string")
        #expect(error("steps=-1").hasPrefix("--set: steps: must be in 0…"))
        #expect(error("loss.name=cross_entopy").contains("unknown loss \"cross_entopy\" (did you mean cross_entropy?)"))
        #expect(error("data.kind.x=1") == "--set: data.kind: is a string, not a table")
        #expect(error("nonsense") == "--set: nonsense: expected KEY=VALUE")
        #expect(error("optimizer.momentum=2").hasPrefix("--set: optimizer.momentum: must be in [0, 1)"))
    }

    /// Runs of a comparison with the same model start from bit-identical weights and, with the same
    /// batch size, see the same batches: after one step of the same loss they are still identical.
    @Test func runsShareDataAndInitialWeights() throws {
        let s = try session(
            """
            [[compare]]
            [compare.loss]
            gamma = 3.0
            [[compare]]
            [compare.model]
            hidden = [8]
            """)
        let first = try RunDriver(entry: s.runs[0])
        let twin = try RunDriver(entry: s.runs[1], dataset: first.trainer.dataset)
        let other = try RunDriver(entry: s.runs[2], dataset: first.trainer.dataset)
        #expect(first.trainer.initialModel == twin.trainer.initialModel)
        #expect(other.trainer.initialModel != first.trainer.initialModel)
        first.advance(until: 10)
        twin.advance(until: 10)
        #expect(first.trainer.model == twin.trainer.model)
    }
}

/// The timeline: events apply at exactly their steps, as the changes a session makes.
@Suite struct TimelineTests {
    @Test func eventsApplyAtTheirStepsAndAreLogged() throws {
        let text =
            CompareTests.base + """
                [[events]]
                step = 10
                loss = { gamma = 1.0 }

                [[events]]
                step = 20
                optimizer = { learning_rate = 0.01, momentum = 0.8 }

                [[events]]
                step = 30
                optimizer = { name = "adam" }
                """
        let s = try Preset.parse(text, file: "t.toml")
        #expect(s.base.loss.parameters["gamma"] == 3, "the run starts with the preset's loss")
        #expect(s.runs[0].events.map(\.step) == [10, 20, 30])
        #expect(s.runs[0].events[1].summary == "optimizer.learning_rate=0.01 optimizer.momentum=0.8")
        let d = try RunDriver(entry: s.runs[0], historyCapacity: nil)
        var logged: [MetricRecord] = []
        d.advance(until: 40, logEvery: 100) { logged.append($0) }
        #expect(logged.map(\.step) == [0, 10, 20, 30])
        #expect(logged[1].event == "loss.gamma=1" && logged[3].event == "optimizer.name=adam", "\(logged.map(\.event))")
        #expect(d.spec.optimizer.kind == .adam && d.spec.loss.parameters["gamma"] == 1)

        // the same changes made by hand at the same steps give the same weights, bit for bit
        let t = try Trainer(spec: s.base)
        while t.step < 40 {
            if t.step == 10 { try t.setLoss(LossSpec(name: "focal", parameters: ["gamma": 1])) }
            if t.step == 20 {
                var o = t.spec.optimizer
                o.learningRate = 0.01
                o.momentum = 0.8
                t.setOptimizer(o)
            }
            if t.step == 30 {
                var o = t.spec.optimizer
                o.kind = .adam
                t.setOptimizer(o)
            }
            t.trainStep()
        }
        #expect(t.model == d.trainer.model)
    }

    /// What a session did — commands at given steps — replays bit for bit from the preset `w` writes.
    @Test func aSessionReplaysFromItsWrittenPreset() throws {
        var spec = smallSpec { $0.optimizer.batchSize = 32 }
        spec.steps = 80
        let driver = try RunDriver(entry: RunEntry(label: "a", spec: spec), trajectoryEvery: 1)
        let session = TrainingSession(runs: [driver])
        func stepTo(_ n: Int) {
            let now = session.snapshots.peek()!.runs[0].step
            session.send(.step(n - now))
            for _ in 0..<10_000 where session.snapshots.peek()!.runs[0].step < n || session.snapshots.peek()!.running {
                session.sync()
            }
        }
        stepTo(15)
        session.send(.setLoss(LossSpec(name: "focal", parameters: ["gamma": 1.5]), run: 0))
        stepTo(40)
        var o = spec.optimizer
        o.learningRate = 0.003
        o.batchSize = 16
        session.send(.setOptimizer(o, run: 0))
        stepTo(55)
        o.kind = .sgd
        session.send(.setOptimizer(o, run: 0))
        stepTo(80)
        session.sync()
        let snap = session.snapshots.peek()!
        session.send(.shutdown)
        let written = PresetWriter.toml(SessionSpec(runs: snap.runs.map(\.entry)))
        #expect(written.contains("[[events]]\nstep = 15\nloss = { name = \"focal\", gamma = 1.5 }"))
        let replay = try RunDriver(entry: try Preset.parse(written).runs[0], historyCapacity: nil)
        var records: [Int: MetricRecord] = [:]
        replay.advance(until: 80, logEvery: 1) { records[$0.step] = $0 }
        #expect(replay.trainer.model == snap.runs[0].model, "the weights of the session, bit for bit")
        for r in snap.runs[0].history.records {
            var a = r, b = records[r.step]
            a.event = nil
            b?.event = nil
            #expect(a == b, "step \(r.step)")
        }
    }
}

/// The driver's hooks: the observer sees the steps `logEvery` wants (and the last), the history
/// keeps its own, the trajectory its stride and the final weights; none changes the numbers.
@Suite struct RunDriverTests {
    @Test func hooksSeeTheirStepsAndChangeNoNumbers() throws {
        let spec = smallSpec {
            $0.steps = 50; $0.optimizer.batchSize = 32
        }
        let plain = try RunDriver(entry: RunEntry(label: "a", spec: spec), historyCapacity: nil)
        plain.advance(until: 50)
        let d = try RunDriver(entry: RunEntry(label: "a", spec: spec), trajectoryEvery: 10, historyCapacity: 8)
        d.sharpnessEvery = 25
        var seen: [Int] = []
        let text = d.trainHeadless(logEvery: 20)
        for line in text.split(separator: "\n") {
            let step = line.split(separator: ",")[0].split(separator: ":")[1]
            seen.append(Int(step)!)
        }
        #expect(seen == [0, 20, 25, 40, 50], "every 20, the sharpness steps and the last")
        #expect(text.contains("\"sharpness\":"))
        #expect(d.trainer.model == plain.trainer.model)
        #expect(d.trajectory!.steps == [0, 10, 20, 30, 40, 50])
        #expect(d.history!.records.count <= 8 && d.history!.records.allSatisfy { $0.step % d.history!.stride == 0 })
        let cancelled = try RunDriver(entry: RunEntry(label: "a", spec: spec))
        var n = 0
        cancelled.advance(
            until: 50,
            cancel: {
                n += 1; return n > 7
            })
        #expect(cancelled.step == 7)
    }
}
