import Dispatch
import Foundation
import Learning

/// The training engine of the playground: 1–4 runs (`RunDriver`s sharing data
/// and initial weights) live on one serial DispatchQueue and advance in
/// lockstep at a target rate, handle commands between chunks, and publish
/// immutable snapshots through a latest-wins mailbox.
///
/// Pacing: at `max` a chunk trains for ~20 ms and the next is queued at once;
/// at a target rate r the engine ticks every min(1/r s, 1/30 s) and applies the
/// updates due since the rate was set (r·elapsed, a backlog of more than a
/// quarter of a second is dropped), so a rate of 2/s shows every step.
/// It pauses at the preset's `steps` and when every run's learning rate is 0.
public final class TrainingSession: @unchecked Sendable {
    /// Where snapshots appear.
    public let snapshots = Mailbox<SessionSnapshot>()
    private let queue = DispatchQueue(label: "losscape.engine", qos: .userInitiated)
    /// Target length of a chunk of steps at `max`.
    private let chunkSeconds: Double

    // Confined to `queue`:
    private var runs: [RunDriver] = []
    private var baseDirectory: String?
    private var running = false
    /// Training stopped because every run diverged (a replacement resumes it).
    private var stoppedByDivergence = false
    private var stepsLeft: Int?  // for .step(n)
    private var chunkScheduled = false
    private var sequence = 0
    private var generation = 0
    private var speed: PlaybackSpeed = .max
    /// When the current rate started counting, and the updates made since.
    private var paceStart = 0.0
    private var pacedSteps = 0
    /// Recent (time, step) samples for the achieved rate.
    private var rateSamples: [(time: Double, steps: Int)] = []
    private var totalSteps = 0
    private var pauseAtStep: Int?
    private var message: String?
    /// Increases with every new message, so the UI reacts to each exactly once.
    private var messageID = 0
    private var stopped = false

    /// Starts a session on `drivers` (already built, so errors surfaced before), paused.
    public init(
        runs drivers: [RunDriver], baseDirectory: String? = nil, speed: PlaybackSpeed = .max,
        pauseAt: Int? = nil, chunkSeconds: Double = 0.02
    ) {
        precondition(!drivers.isEmpty, "a session needs a run")
        self.chunkSeconds = chunkSeconds
        queue.sync {
            runs = drivers
            self.baseDirectory = baseDirectory
            self.speed = speed
            pauseAtStep = pauseAt
            publish()
        }
    }

    /// A session of one trainer (tests).
    public convenience init(run trainer: Trainer, chunkSeconds: Double = 0.02) {
        let d = try! RunDriver(
            entry: RunEntry(label: trainer.spec.loss.name, spec: trainer.spec), dataset: trainer.dataset,
            trajectoryEvery: 1)
        self.init(runs: [d], chunkSeconds: chunkSeconds)
    }

    /// Sends a command; it is handled in order on the engine queue.
    public func send(_ command: SessionCommand) {
        queue.async { self.handle(command) }
    }

    /// Waits until every command sent so far has been handled (tests, shutdown).
    public func sync() { queue.sync {} }

    private var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private func handle(_ command: SessionCommand) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !stopped else { return }
        stoppedByDivergence = stoppedByDivergence && !running
        switch command {
        case .run:
            if let reason = frozenReason() {
                say(reason)
            } else {
                start()
                stepsLeft = nil
            }
        case .pause:
            running = false
        case .step(let n):
            start()
            stepsLeft = max(n, 0)
        case .replace(let session, let base):
            do {
                let first = try RunDriver(entry: session.runs[0], baseDirectory: base, trajectoryEvery: 1)
                var drivers = [first]
                for r in session.runs.dropFirst() {
                    drivers.append(try RunDriver(entry: r, baseDirectory: base, dataset: first.trainer.dataset, trajectoryEvery: 1))
                }
                for d in drivers { d.sharpnessEvery = runs.first?.sharpnessEvery }
                runs = drivers
                baseDirectory = base
                restarted()
            } catch {
                say("\(error)")
            }
        case .restart:
            do {
                let data = runs[0].trainer.dataset
                runs = try runs.map { try $0.restart(dataset: data) }
                restarted()
            } catch {
                say("\(error)")
            }
        case .setLoss(let l, let i):
            guard runs.indices.contains(i) else { break }
            let d = runs[i]
            let head = LossCatalog.entry(l.name)?.info.head ?? .linear
            if head != d.trainer.model.spec.head {
                // another head is another network: restart (every run, to stay in lockstep)
                do {
                    var spec = d.spec
                    spec.loss = l
                    let data = runs[0].trainer.dataset
                    let changed = try d.restart(with: spec, dataset: data)
                    runs = try runs.enumerated().map { j, r in j == i ? changed : try r.restart(dataset: data) }
                    restarted()
                    say("\(l.name) needs \(head.phrase): restarted from step 0 with new weights")
                } catch {
                    say("\(error)")
                }
                break
            }
            let event = RunEvent(step: d.step, loss: l, changes: lossChanges(from: d.spec.loss, to: l))
            do { try d.apply(event) } catch { say("\(error)") }
        case .setOptimizer(let o, let i):
            guard runs.indices.contains(i) else { break }
            let d = runs[i]
            let event = RunEvent(step: d.step, optimizer: o, changes: optimizerChanges(from: d.spec.optimizer, to: o, steps: d.spec.steps))
            do { try d.apply(event) } catch { say("\(error)") }
        case .addRun(let i, let label):
            guard runs.indices.contains(i), runs.count < SessionSpec.maxRuns else { break }
            do {
                let data = runs[0].trainer.dataset
                let copy = try RunDriver(entry: RunEntry(label: label, spec: runs[i].spec), dataset: data, trajectoryEvery: 1)
                copy.sharpnessEvery = runs[i].sharpnessEvery
                runs = try runs.map { try $0.restart(dataset: data) } + [copy]
                restarted()
            } catch {
                say("\(error)")
            }
        case .removeRun(let i):
            guard runs.indices.contains(i), runs.count > 1 else { break }
            runs.remove(at: i)
        case .setSpeed(let s):
            speed = s
            resetPace()
        case .pauseAt(let s):
            pauseAtStep = s
        case .trackSharpness(let every):
            for d in runs {
                d.sharpnessAdaptive = every == 0
                d.sharpnessEvery = every == 0 ? RunDriver.initialAdaptiveEvery : every
            }
        case .shutdown:
            running = false
            stopped = true
            return
        }
        publish()
        scheduleChunk(after: 0)
    }

    private func start() {
        if !running { resetPace() }
        running = true
    }

    private func restarted() {
        generation += 1
        if stoppedByDivergence { start() }
    }

    private func resetPace() {
        paceStart = now
        pacedSteps = 0
    }

    /// Why training cannot change anything (every run diverged, or its learning rate is 0), or nil.
    private func frozenReason() -> String? {
        let live = runs.filter { !$0.health.isDiverged }
        guard !live.isEmpty else { return "every run diverged: r restarts, i draws new weights" }
        guard live.allSatisfy({ $0.trainer.optimizer.currentLearningRate == 0 }) else { return nil }
        let o = live[0].spec.optimizer
        return "paused: the learning rate is 0 (\(o.schedule.rawValue) schedule over steps = \(live[0].spec.steps)), nothing can change"
    }

    private func scheduleChunk(after delay: Double) {
        guard running, !chunkScheduled, !stopped else { return }
        chunkScheduled = true
        if delay <= 0 {
            queue.async { self.runChunk() }
        } else {
            queue.asyncAfter(deadline: .now() + delay) { self.runChunk() }
        }
    }

    /// One lockstep update of every live run; false when every run has diverged.
    private func stepAll() -> Bool {
        var progressed = false
        for d in runs where d.step(observe: nil) { progressed = true }
        return progressed
    }

    private func runChunk() {
        chunkScheduled = false
        guard running, !stopped else { return }
        let start = now
        var due: Int
        var nextTick = 0.0
        switch speed {
        case .max:
            due = Int.max
        case .stepsPerSecond(let r):
            let rate = Double(r)
            due = Int(((start - paceStart) * rate).rounded(.down)) - pacedSteps
            if Double(due) > rate * 0.25 + 1 {  // far behind (a slow machine, a long pause): drop the backlog
                paceStart = start - Double(pacedSteps + 1) / rate
                due = 1
            }
            nextTick = min(1 / rate, 1.0 / 30)
        }
        var done = 0
        while done < due {
            if let left = stepsLeft, left == 0 { running = false; break }
            if let stop = pauseAtStep, runs.contains(where: { $0.step >= stop }) {
                running = false
                pauseAtStep = nil
                say("reached \(stop) steps — space continues")
                break
            }
            if let reason = frozenReason() {
                running = false
                if !runs.allSatisfy(\.health.isDiverged) { say(reason) } else { stoppedByDivergence = true }
                break
            }
            if !stepAll() {
                running = false
                stoppedByDivergence = true
                break
            }
            done += 1
            pacedSteps += 1
            totalSteps += 1
            if let left = stepsLeft { stepsLeft = left - 1 }
            if case .max = speed, now - start >= chunkSeconds { break }
            if case .stepsPerSecond = speed, now - start >= 0.05 { break }  // keep the queue responsive
        }
        if let left = stepsLeft, left == 0 { running = false }
        rateSamples.append((now, totalSteps))
        rateSamples.removeAll { now - $0.time > 1.0 }
        publish()
        scheduleChunk(after: nextTick)
    }

    /// Achieved updates per second over the last second.
    private var achievedRate: Double {
        guard running, let first = rateSamples.first, let last = rateSamples.last, last.time > first.time else { return 0 }
        return Double(last.steps - first.steps) / (last.time - first.time)
    }

    private func say(_ text: String) {
        message = text
        messageID += 1
    }

    private func publish() {
        sequence += 1
        snapshots.put(
            SessionSnapshot(
                sequence: sequence, runs: runs.map(RunSnapshot.init), running: running,
                stepsPerSecond: achievedRate, message: message, messageID: messageID,
                speed: speed, generation: generation))
    }
}
