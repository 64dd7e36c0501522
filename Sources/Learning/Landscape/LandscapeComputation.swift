import TensorCore

/// A 2-D landscape slice being computed: f(α, β) = L(θ* + α·d₁ + β·d₂) on an
/// N×N grid over [−span, span]² (Li, Xu, Taylor, Studer & Goldstein 2018,
/// "Visualizing the Loss Landscape of Neural Nets").
///
/// Built for a UI: `computeRow(i)` computes one grid row (β_i, every α_j) and
/// is safe to call from any thread; `compute(isCancelled:onRow:)` computes
/// all rows in order, reporting each, and gives up between rows when asked.
/// Each row's points are split across `threads` workers; every point's
/// arithmetic is the same whatever the split (see `LandscapeEvaluator`), so
/// the numbers never depend on `threads`.
public final class LandscapeComputation: Sendable {
    public let objective: LandscapeObjective
    public let directions: LandscapeDirections
    public let grid: LandscapeGrid
    /// Worker threads per row (1 = the calling thread only).
    public let threads: Int
    public let evaluator: LandscapeEvaluator

    public init(
        objective: LandscapeObjective, directions: LandscapeDirections,
        grid: LandscapeGrid = LandscapeGrid(), threads: Int = 1
    ) {
        self.objective = objective
        self.directions = directions
        self.grid = grid
        self.threads = max(1, threads)
        evaluator = LandscapeEvaluator(objective: objective, base: objective.center, u: directions.d1, v: directions.d2)
    }

    /// The number of rows (= grid.count).
    public var rowCount: Int { grid.count }

    /// Row i: [f(α_0, β_i), …, f(α_{N−1}, β_i)].
    public func computeRow(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < grid.count, "row \(i) of \(grid.count)")
        let beta = Float(grid.coordinate(i))
        let points = (0..<grid.count).map { LandscapePoint(a: Float(grid.coordinate($0)), b: beta) }
        return evaluator.values(at: points, threads: threads)
    }

    /// f(0, 0): the metric at the current weights.
    public func centerValue() -> Double {
        evaluator.value(at: LandscapePoint(a: 0, b: 0), workspace: evaluator.makeWorkspace())
    }

    /// Every row in order, calling `onRow(i, row)` after each; returns nil
    /// (leaving the rest) as soon as `isCancelled()` is true between rows.
    public func compute(
        isCancelled: () -> Bool = { false },
        onRow: (Int, [Double]) -> Void = { _, _ in }
    ) -> LandscapeSurface? {
        var rows: [[Double]] = []
        rows.reserveCapacity(grid.count)
        for i in 0..<grid.count {
            if isCancelled() { return nil }
            let row = computeRow(i)
            rows.append(row)
            onRow(i, row)
        }
        let center = grid.centerIndex.map { rows[$0][$0] } ?? centerValue()
        return LandscapeSurface(grid: grid, metric: objective.metric, values: rows, center: center)
    }

    /// The 1-D slice along d₁ over the grid's coordinates: f(α) = L(θ* + α·d₁).
    public func sliceAlongD1() -> LandscapeCurve {
        let coords = grid.coordinates
        let values = evaluator.values(at: coords.map { LandscapePoint(a: Float($0), b: 0) }, threads: threads)
        return LandscapeCurve(metric: objective.metric, coordinates: coords, values: values)
    }
}

/// Linear interpolation between two weight sets (Goodfellow, Vinyals & Saxe
/// 2015; Li et al. 2018, §3): f(α) = L((1 − α)·θ_A + α·θ_B), so α = 0 is
/// θ_A and α = 1 is θ_B exactly.
public enum LandscapeInterpolation {
    /// f at `count` evenly spaced α over `range` (default [−0.5, 1.5], 41
    /// points, which include 0 and 1).
    public static func curve(
        _ objective: LandscapeObjective, from a: [Tensor], to b: [Tensor],
        count: Int = 41, range: ClosedRange<Double> = -0.5...1.5,
        threads: Int = 1
    ) -> LandscapeCurve {
        precondition(count >= 2, "interpolation of \(count) points")
        let coords = (0..<count).map { k in
            (range.lowerBound * Double(count - 1 - k) + range.upperBound * Double(k)) / Double(count - 1)
        }
        let evaluator = LandscapeEvaluator(objective: objective, base: a, u: b, v: ParameterVector.zeros(like: a))
        let points = coords.map { LandscapePoint(s: Float(1 - $0), a: Float($0), b: 0) }
        return LandscapeCurve(
            metric: objective.metric, coordinates: coords,
            values: evaluator.values(at: points, threads: threads))
    }
}
