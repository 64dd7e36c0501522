import Learning

/// How the landscape's two directions are chosen.
public enum LandscapeDirectionKind: String, CaseIterable, Sendable {
    /// Seeded Gaussian directions, normalized (filter normalization by default).
    case random
    /// The top two principal components of the recorded training path.
    case pca
}

/// The data split a landscape is measured on.
public enum LandscapeSplit: String, CaseIterable, Sendable {
    case train, test
}

/// Everything that defines a landscape slice besides the run (issue #5).
public struct LandscapeOptions: Sendable, Equatable {
    public var directions: LandscapeDirectionKind = .random
    /// Ignored with PCA directions (unit-norm principal components).
    public var normalization: DirectionNormalization = .filter
    public var biases: BiasDirections = .ignore
    /// Grid points per axis (`LandscapeGrid.countRange`).
    public var grid: Int = 41
    /// Half the side of the square; nil = 1 for random directions, the path's
    /// `suggestedSpan` for PCA.
    public var span: Double?
    public var split: LandscapeSplit = .train
    public var metric: LandscapeMetric = .loss
    /// Worker threads per grid row.
    public var threads: Int = 1

    public init(
        directions: LandscapeDirectionKind = .random, normalization: DirectionNormalization = .filter,
        biases: BiasDirections = .ignore, grid: Int = 41, span: Double? = nil,
        split: LandscapeSplit = .train, metric: LandscapeMetric = .loss, threads: Int = 1
    ) {
        self.directions = directions
        self.normalization = normalization
        self.biases = biases
        self.grid = grid
        self.span = span
        self.split = split
        self.metric = metric
        self.threads = threads
    }

    /// The normalization the directions actually have (`none` for PCA).
    public var effectiveNormalization: DirectionNormalization { directions == .pca ? .none : normalization }
}
