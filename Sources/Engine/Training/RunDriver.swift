import Dispatch
import Learning

/// The one training driver: a run's `Trainer` plus everything recorded along
/// the way — the bounded metric history, the weight trajectory (for the
/// landscape's PCA path), sharpness tracking — and its timeline of events,
/// applied at exactly their steps. The playground's session, `run`,
/// `snapshot`, `landscape`, `cast` and `sweep` all train through it, so one
/// preset gives the same numbers everywhere.
///
/// Each update k+1 goes: the events due at step k apply; θ_k is recorded in
/// the trajectory (when its stride wants it); the sharpness at θ_k is tracked
/// (every `sharpnessEvery` steps); the metrics at θ_k are logged when the
/// history, `logEvery`, a tracked sharpness or an event wants them; then the
/// update. None of this changes the numbers of the update (see `Trainer`).
public final class RunDriver {
    /// What was logged at one step.
    public typealias Observer = (MetricRecord) -> Void

    public let label: String
    public private(set) var trainer: Trainer
    /// The bounded history the playground draws (every record at a step it wants); nil for
    /// headless runs, which log through their observer only.
    public private(set) var history: MetricHistory?
    /// θ along training, for PCA directions (nil: not recorded).
    public private(set) var trajectory: WeightTrajectory?
    /// Track the sharpness every this many steps (nil: off).
    public var sharpnessEvery: Int?
    /// Adapt `sharpnessEvery` so tracking costs at most `sharpnessBudget` of the training time.
    public var sharpnessAdaptive = false
    public static let sharpnessBudget = 0.1
    public static let initialAdaptiveEvery = 16
    private var tracker = SharpnessTracker(iterations: 20)
    /// The tracked sharpness along training (bounded: every other point dropped beyond 512).
    public private(set) var sharpnessSeries: [(step: Int, value: Double)] = []
    /// Mean seconds of an update and of a sharpness evaluation (for the adaptive stride).
    private var stepSeconds = 0.0, sharpnessSeconds = 0.0
    /// Events not applied yet, in step order.
    public private(set) var upcoming: [RunEvent]
    /// Events applied since step 0: the run's timeline.
    public private(set) var timeline: [RunEvent] = []
    /// The run as it was at step 0 (before any event).
    public let initialSpec: RunSpec

    /// Builds the run of `entry` (sharing `dataset` when given: runs of a comparison use the same
    /// data). `trajectoryEvery`: record θ every this many steps (nil: no trajectory).
    public init(
        entry: RunEntry, baseDirectory: String? = nil, dataset: Dataset? = nil, trajectoryEvery: Int? = nil,
        historyCapacity: Int? = 1024
    ) throws {
        label = entry.label
        trainer = try Trainer(spec: entry.spec, baseDirectory: baseDirectory, dataset: dataset)
        initialSpec = trainer.spec
        history = historyCapacity.map { MetricHistory(capacity: $0) }
        trajectory = trajectoryEvery.map { WeightTrajectory(every: $0) }
        upcoming = entry.events.sorted { $0.step < $1.step }
    }

    public var step: Int { trainer.step }
    public var health: RunHealth { trainer.health }
    public var spec: RunSpec { trainer.spec }

    /// The entry that reproduces this run from step 0: its initial spec and its timeline (applied and upcoming).
    public var entry: RunEntry { RunEntry(label: label, spec: initialSpec, events: timeline + upcoming) }

    /// Applies `event` now (its step is set to the current one) and adds it to the timeline.
    /// A change made at step 0 becomes part of the run instead (no event).
    public func apply(_ event: RunEvent) throws {
        var e = event
        e.step = trainer.step
        try trainer.apply(e)
        if e.step > 0 { timeline.append(e) }
    }

    /// The events due now, applied; their summary for the record of this step.
    private func applyDueEvents() -> String? {
        var applied: [RunEvent] = []
        while let e = upcoming.first, e.step <= trainer.step {
            upcoming.removeFirst()
            if (try? trainer.apply(e)) != nil {
                timeline.append(e)
                applied.append(e)
            }
        }
        return applied.isEmpty ? nil : applied.map(\.summary).joined(separator: " ")
    }

    private func trackedSharpness(at step: Int, final: Bool = false) -> Double? {
        guard let k = sharpnessEvery, step % k == 0 || final,
            let objective = try? LandscapeSetup.trainingLoss(model: trainer.model, dataset: trainer.dataset, spec: trainer.spec)
        else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        let value = tracker.update(objective, step: step)
        sharpnessSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if sharpnessAdaptive && stepSeconds > 0 {
            // K updates of training per evaluation: evaluation ≤ budget · K · step time
            let needed = Int((sharpnessSeconds / (Self.sharpnessBudget * stepSeconds)).rounded(.up))
            var next = 1
            while next < needed { next *= 2 }
            sharpnessEvery = max(next, 1)
        }
        sharpnessSeries.append((step, value))
        if sharpnessSeries.count > 512 { sharpnessSeries = sharpnessSeries.enumerated().filter { $0.offset % 2 == 1 }.map(\.element) }
        return value
    }

    /// One update (see the type's documentation). Returns false when the run cannot go on
    /// (it diverged now or before); the record of the step that diverged is still observed.
    @discardableResult
    public func step(logEvery: Int? = nil, observe: Observer? = nil) -> Bool {
        guard !trainer.health.isDiverged else { return false }
        let k = trainer.step
        let event = applyDueEvents()
        if trajectory?.wants(step: k) == true { trajectory?.record(step: k, parameters: trainer.model.parameters) }
        let sharpness = trackedSharpness(at: k)
        let observed = observe != nil && (logEvery.map { k % $0 == 0 } == true || sharpness != nil || event != nil)
        let log = history?.wants(step: k) == true || observed
        let start = DispatchTime.now().uptimeNanoseconds
        let ok = trainer.trainStep(logging: log)
        if sharpnessAdaptive {
            let t = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            stepSeconds = stepSeconds == 0 ? t : 0.95 * stepSeconds + 0.05 * t
        }
        if log || !ok, var r = trainer.lastRecord, r.step == k {
            r.sharpness = sharpness
            r.event = event
            if case .diverged(let at, let reason) = trainer.health {
                r.divergedAt = at
                r.divergence = reason
            }
            history?.append(r)
            if observed || !ok { observe?(r) }
        }
        return ok
    }

    /// Applies updates until `target` steps, divergence or `cancel()` (checked between updates).
    public func advance(until target: Int, logEvery: Int? = nil, observe: Observer? = nil, cancel: () -> Bool = { false }) {
        while trainer.step < target && !trainer.health.isDiverged && !cancel() {
            step(logEvery: logEvery, observe: observe)
        }
    }

    /// The end of a headless run: the events due at the final step apply, the final weights
    /// join the trajectory, and the metrics there are observed (with the sharpness when tracked).
    public func finish(observe: Observer? = nil) {
        guard !trainer.health.isDiverged else { return }
        let event = applyDueEvents()
        trajectory?.record(step: trainer.step, parameters: trainer.model.parameters, force: true)
        var r = trainer.currentRecord()
        r.sharpness = trackedSharpness(at: trainer.step, final: true)
        r.event = event
        history?.append(r)
        observe?(r)
    }

    /// Starts again from step 0 with the same initial weights and the current setup (a new
    /// timeline). `spec` replaces the setup when given (a model or data change).
    public func restart(with spec: RunSpec? = nil, baseDirectory: String? = nil, dataset: Dataset? = nil) throws -> RunDriver {
        var s = spec ?? trainer.spec
        s.dataTask = nil
        let d = try RunDriver(
            entry: RunEntry(label: label, spec: s), baseDirectory: baseDirectory, dataset: dataset,
            trajectoryEvery: trajectory.map { _ in 1 }, historyCapacity: history?.capacity)
        d.sharpnessEvery = sharpnessEvery
        d.sharpnessAdaptive = sharpnessAdaptive
        return d
    }
}
