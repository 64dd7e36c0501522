/// A computed 2-D slice: f(α_j, β_i) on a square grid.
public struct LandscapeSurface: Sendable, Equatable {
    public let grid: LandscapeGrid
    public let metric: LandscapeMetric
    /// values[i][j] = f(α_j, β_i): row i is β_i (increasing), column j is α_j.
    public let values: [[Double]]
    /// f(0, 0), the metric at the current weights.
    public let center: Double

    public init(grid: LandscapeGrid, metric: LandscapeMetric, values: [[Double]], center: Double) {
        precondition(values.count == grid.count && values.allSatisfy { $0.count == grid.count }, "values do not fill the grid")
        self.grid = grid
        self.metric = metric
        self.values = values
        self.center = center
    }

    /// The smallest and largest finite values (nil when none is finite).
    public var finiteRange: ClosedRange<Double>? { finiteValueRange(values.joined()) }
}

/// A computed 1-D slice: f at each coordinate.
public struct LandscapeCurve: Sendable, Equatable {
    public let metric: LandscapeMetric
    /// α_k, increasing.
    public let coordinates: [Double]
    public let values: [Double]

    public init(metric: LandscapeMetric, coordinates: [Double], values: [Double]) {
        precondition(coordinates.count == values.count, "\(values.count) values for \(coordinates.count) coordinates")
        self.metric = metric
        self.coordinates = coordinates
        self.values = values
    }

    /// The smallest and largest finite values (nil when none is finite).
    public var finiteRange: ClosedRange<Double>? { finiteValueRange(values) }
}

func finiteValueRange<S: Sequence<Double>>(_ values: S) -> ClosedRange<Double>? {
    var lo = Double.infinity, hi = -Double.infinity
    for v in values where v.isFinite {
        lo = min(lo, v)
        hi = max(hi, v)
    }
    return lo <= hi ? lo...hi : nil
}
