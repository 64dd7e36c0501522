import Learning

/// The loss of a run: its id, its numeric parameters, and class weighting.
public struct LossSpec: Hashable, Sendable {
    public var name: String = "cross_entropy"
    /// Parameters given explicitly; the rest take the loss's defaults.
    public var parameters: [String: Double] = [:]
    public var weighting: ClassWeighting = .none
    public var weightingBeta: Double = ClassWeighting.defaultBeta

    public init(
        name: String = "cross_entropy", parameters: [String: Double] = [:],
        weighting: ClassWeighting = .none, weightingBeta: Double = ClassWeighting.defaultBeta
    ) {
        self.name = name
        self.parameters = parameters
        self.weighting = weighting
        self.weightingBeta = weightingBeta
    }
}

/// One run, completely: what a preset file describes.
public struct RunSpec: Equatable, Sendable {
    public var name: String = "untitled"
    public var description: String = ""
    /// The run's seed; each purpose draws its own stream from it
    /// (data, init, batches, landscape).
    public var seed: UInt64 = 1
    /// Training steps (updates) of `losscape run`; the UI goes on past them.
    public var steps: Int = 1000
    public var data = DataSpec()
    public var model = MLPSpec()
    /// Overrides `seed` for the weight initialisation (the UI's re-initialise sets it).
    public var initSeed: UInt64?
    public var loss = LossSpec()
    public var optimizer = OptimizerSpec()
    /// The task of the loaded data, once known (a CSV file's header decides it);
    /// set when a run is built, never written to a preset.
    public var dataTask: PredictionTask?

    public init() {}

    /// Classification or regression: from the loaded data when known, else from the dataset kind
    /// (a CSV counts as classification until loaded).
    public var family: LossFamily {
        if let t = dataTask { return t.isClassification ? .classification : .regression }
        return data.kind.isRegression ? .regression : .classification
    }

    /// The number of classes: from the loaded data when known, else `data.classes`.
    public var classes: Int { dataTask.map { $0.classes } ?? data.classes }

    /// The head the loss needs (``ModelHead``); `model.head` follows it when a run is built.
    public var head: ModelHead { LossCatalog.entry(loss.name)?.info.head ?? .linear }
}

extension RunSpec {
    /// The default preset (presets/default.toml holds the same values; a test checks it).
    public static var defaultPreset: RunSpec {
        var s = RunSpec()
        s.name = "default"
        s.description = "Two-arm spiral, 16-16 tanh network, cross-entropy, Adam: the starting point"
        s.seed = 1
        s.steps = 1000
        return s
    }
}
