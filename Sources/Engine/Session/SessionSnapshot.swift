import Learning
import TensorCore

/// An immutable picture of one run, published by the engine.
public struct RunSnapshot: Sendable {
    public let label: String
    public let spec: RunSpec
    public let dataset: Dataset
    public let model: MLP
    public let initialModel: MLP
    /// Updates applied: the weights are θ_step.
    public let step: Int
    public let epoch: Double
    public let health: RunHealth
    public let history: MetricHistory
    /// The metrics at the current weights.
    public let latest: MetricRecord?
    /// The weights recorded along training (for the landscape's PCA path).
    public let trajectory: WeightTrajectory
    /// The changes applied since step 0, in step order (the chart marks them).
    public let timeline: [RunEvent]
    /// The run as it was at step 0 (with `timeline`, what `w` writes).
    public let initialSpec: RunSpec
    /// The sharpness tracked along training (Signals).
    public let sharpness: [(step: Int, value: Double)]
    /// An embedding head's class means (its prediction rule) as of the latest record.
    public let classMeans: Tensor?

    /// A picture from its parts (tests, and runs replayed from a folder).
    public init(
        label: String = "", spec: RunSpec, dataset: Dataset, model: MLP, initialModel: MLP, step: Int, epoch: Double,
        health: RunHealth, history: MetricHistory, latest: MetricRecord?,
        trajectory: WeightTrajectory = WeightTrajectory(), timeline: [RunEvent] = [], initialSpec: RunSpec? = nil,
        sharpness: [(step: Int, value: Double)] = [], classMeans: Tensor? = nil
    ) {
        self.sharpness = sharpness
        self.classMeans = classMeans
        self.label = label
        self.spec = spec
        self.dataset = dataset
        self.model = model
        self.initialModel = initialModel
        self.step = step
        self.epoch = epoch
        self.health = health
        self.history = history
        self.latest = latest
        self.trajectory = trajectory
        self.timeline = timeline
        self.initialSpec = initialSpec ?? spec
    }

    /// A picture of `trainer` now (computes the current metrics when healthy).
    public init(_ trainer: Trainer, history: MetricHistory, trajectory: WeightTrajectory = WeightTrajectory(), label: String? = nil) {
        self.init(
            label: label ?? trainer.spec.loss.name, spec: trainer.spec, dataset: trainer.dataset, model: trainer.model,
            initialModel: trainer.initialModel,
            step: trainer.step, epoch: trainer.epochProgress, health: trainer.health, history: history,
            latest: trainer.health.isDiverged ? trainer.lastRecord : trainer.currentRecord(), trajectory: trajectory,
            classMeans: trainer.classMeans)
    }

    /// A picture of a driven run now.
    public init(_ driver: RunDriver) {
        let t = driver.trainer
        self.init(
            label: driver.label, spec: t.spec, dataset: t.dataset, model: t.model, initialModel: t.initialModel,
            step: t.step, epoch: t.epochProgress, health: t.health, history: driver.history ?? MetricHistory(),
            latest: t.health.isDiverged ? t.lastRecord : t.currentRecord(),
            trajectory: driver.trajectory ?? WeightTrajectory(), timeline: driver.timeline, initialSpec: driver.initialSpec,
            sharpness: driver.sharpnessSeries, classMeans: t.classMeans)
    }

    /// The head's prediction rule with `loss` (the run's loss, made by the caller).
    public func readout(loss: any LossFunction) -> Readout { Readout(head: model.spec.head, loss: loss, classMeans: classMeans) }

    /// The entry that reproduces this run from step 0 (what `w` writes).
    public var entry: RunEntry { RunEntry(label: label, spec: initialSpec, events: timeline) }
}

/// Everything the UI needs from the engine at one moment.
public struct SessionSnapshot: Sendable {
    /// Increases with every publication.
    public let sequence: Int
    public let runs: [RunSnapshot]
    public let running: Bool
    /// Training throughput: updates per second of each run, over the last second (0 when paused).
    public let stepsPerSecond: Double
    /// The target rate.
    public let speed: PlaybackSpeed
    /// The latest one-line message for the status bar (e.g. why a change was refused, why it paused).
    public let message: String?
    /// Increases with every new message (0: none yet).
    public let messageID: Int
    /// Increases every time the runs restart from step 0 (the UI forgets what belongs to the old runs).
    public let generation: Int

    public init(
        sequence: Int, runs: [RunSnapshot], running: Bool, stepsPerSecond: Double, message: String?,
        messageID: Int = 0, speed: PlaybackSpeed = .max, generation: Int = 0
    ) {
        self.messageID = message == nil ? 0 : max(messageID, 1)
        self.sequence = sequence
        self.runs = runs
        self.running = running
        self.stepsPerSecond = stepsPerSecond
        self.message = message
        self.speed = speed
        self.generation = generation
    }
}
