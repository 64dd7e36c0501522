import Learning

/// An immutable picture of one run, published by the engine.
public struct RunSnapshot: Sendable {
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

    /// A picture from its parts (tests, and runs replayed from a folder).
    public init(spec: RunSpec, dataset: Dataset, model: MLP, initialModel: MLP, step: Int, epoch: Double,
                health: RunHealth, history: MetricHistory, latest: MetricRecord?,
                trajectory: WeightTrajectory = WeightTrajectory()) {
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
    }

    /// A picture of `trainer` now (computes the current metrics when healthy).
    public init(_ trainer: Trainer, history: MetricHistory, trajectory: WeightTrajectory = WeightTrajectory()) {
        self.trajectory = trajectory
        spec = trainer.spec
        dataset = trainer.dataset
        model = trainer.model
        initialModel = trainer.initialModel
        step = trainer.step
        epoch = trainer.epochProgress
        health = trainer.health
        self.history = history
        latest = trainer.health.isDiverged ? trainer.lastRecord : trainer.currentRecord()
    }
}

/// Everything the UI needs from the engine at one moment.
public struct SessionSnapshot: Sendable {
    /// Increases with every publication.
    public let sequence: Int
    public let runs: [RunSnapshot]
    public let running: Bool
    /// Training throughput over the last chunk (0 when paused).
    public let stepsPerSecond: Double
    /// The latest one-line message for the status bar (e.g. why a change was refused).
    public let message: String?
    /// Increases with every new message (0: none yet).
    public let messageID: Int

    public init(sequence: Int, runs: [RunSnapshot], running: Bool, stepsPerSecond: Double, message: String?,
                messageID: Int = 0) {
        self.messageID = message == nil ? 0 : max(messageID, 1)
        self.sequence = sequence
        self.runs = runs
        self.running = running
        self.stepsPerSecond = stepsPerSecond
        self.message = message
    }
}
