import Dispatch
import Foundation
import Learning

/// The training engine: runs live on one serial DispatchQueue, train in
/// chunks of a few milliseconds, handle commands between chunks, and publish
/// immutable snapshots through a latest-wins mailbox.
///
/// A session holds a list of runs (several side by side share data and
/// initial weights — a later feature); commands that change one run apply to
/// run 0 for now.
public final class TrainingSession: @unchecked Sendable {
    /// Where snapshots appear.
    public let snapshots = Mailbox<SessionSnapshot>()
    private let queue = DispatchQueue(label: "losscape.engine", qos: .userInitiated)
    /// Target length of a chunk of steps.
    private let chunkSeconds: Double

    // Confined to `queue`:
    private var runs: [Trainer] = []
    private var histories: [MetricHistory] = []
    private var trajectories: [WeightTrajectory] = []
    private var running = false
    /// Training stopped because every run diverged (a replacement resumes it).
    private var stoppedByDivergence = false
    private var stepsLeft: Int?  // for .step(n)
    private var chunkScheduled = false
    private var sequence = 0
    private var stepsPerSecond = 0.0
    private var message: String?
    /// Increases with every new message, so the UI reacts to each exactly once.
    private var messageID = 0
    private var stopped = false

    /// Starts a session with one run (already built, so errors surfaced before).
    public init(run: Trainer, chunkSeconds: Double = 0.02) {
        self.chunkSeconds = chunkSeconds
        queue.sync {
            runs = [run]
            histories = [MetricHistory()]
            trajectories = [WeightTrajectory()]
            publish()
        }
    }

    /// Sends a command; it is handled in order on the engine queue.
    public func send(_ command: SessionCommand) {
        queue.async { self.handle(command) }
    }

    /// Waits until every command sent so far has been handled (tests, shutdown).
    public func sync() { queue.sync {} }

    private func handle(_ command: SessionCommand) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !stopped else { return }
        stoppedByDivergence = stoppedByDivergence && !running
        switch command {
        case .run:
            running = true
            stepsLeft = nil
        case .pause:
            running = false
        case .step(let n):
            running = true
            stepsLeft = max(n, 0)
        case .replace(let spec, let base):
            do {
                runs = [try Trainer(spec: spec, baseDirectory: base)]
                histories = [MetricHistory()]
                trajectories = [WeightTrajectory()]
                if stoppedByDivergence { running = true }
            } catch {
                say("\(error)")
            }
        case .setLoss(let l):
            do { try runs.forEach { try $0.setLoss(l) } } catch { say("\(error)") }
        case .setOptimizer(let o):
            runs.forEach { $0.setOptimizer(o) }
        case .setLearningRate(let lr):
            runs.forEach { $0.setLearningRate(lr) }
        case .shutdown:
            running = false
            stopped = true
            return
        }
        publish()
        scheduleChunk()
    }

    private func scheduleChunk() {
        guard running, !chunkScheduled, !stopped else { return }
        chunkScheduled = true
        queue.async { self.runChunk() }
    }

    private func runChunk() {
        chunkScheduled = false
        guard running, !stopped else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        var done = 0
        var elapsed = 0.0
        repeat {
            if let left = stepsLeft, left == 0 { running = false; break }
            var progressed = false
            for (i, run) in runs.enumerated() {
                if trajectories[i].wants(step: run.step) {
                    trajectories[i].record(step: run.step, parameters: run.model.parameters)
                }
                let log = histories[i].wants(step: run.step)
                if run.trainStep(logging: log) { progressed = true }
                if log, let r = run.lastRecord { histories[i].append(r) }
            }
            if !progressed {  // every run diverged
                running = false
                stoppedByDivergence = true
                break
            }
            done += 1
            if let left = stepsLeft { stepsLeft = left - 1 }
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < chunkSeconds
        if elapsed > 0 && done > 0 { stepsPerSecond = Double(done) / elapsed }
        if let left = stepsLeft, left == 0 { running = false }
        publish()
        scheduleChunk()
    }

    private func say(_ text: String) {
        message = text
        messageID += 1
    }

    private func publish() {
        sequence += 1
        let snaps = runs.enumerated().map { i, run in
            RunSnapshot(run, history: histories[i], trajectory: trajectories[i])
        }
        snapshots.put(SessionSnapshot(sequence: sequence, runs: snaps, running: running,
                                      stepsPerSecond: running ? stepsPerSecond : 0, message: message,
                                      messageID: messageID))
    }
}
