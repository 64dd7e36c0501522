import TensorCore

/// The weights recorded along training, for the PCA path of the landscape
/// (Li et al. 2018, §7: "we record the weights every epoch").
///
/// Records θ at steps that are multiples of `stride` (initially `every`);
/// when it holds more than `capacity` weight sets it drops every other one and
/// doubles the stride (as `MetricHistory`), so a long run keeps a bounded,
/// evenly spaced path. Feed it with `record(step:parameters:)` at each step
/// (it ignores the steps it does not want) and once more at the final step.
public struct WeightTrajectory: Sendable {
    public private(set) var steps: [Int] = []
    public private(set) var weights: [[Tensor]] = []
    public private(set) var stride: Int
    public let capacity: Int

    /// A recorder of every `every`-th step, keeping at most `capacity` (≥ 4) weight sets.
    public init(every: Int = 1, capacity: Int = 128) {
        stride = max(1, every)
        self.capacity = max(capacity, 4)
    }

    /// A stride that records about `points` weight sets over `steps` steps.
    public static func stride(steps: Int, points: Int = 100) -> Int { max(1, steps / max(points, 1)) }

    public var count: Int { steps.count }

    /// True when `record` would keep a weight set at `step`.
    public func wants(step: Int) -> Bool { step % stride == 0 }

    /// Records θ at `step` when the stride wants it, or when `force` (the
    /// final weights); a step not after the last recorded one is ignored.
    public mutating func record(step: Int, parameters: [Tensor], force: Bool = false) {
        guard force || wants(step: step) else { return }
        if let last = steps.last, last >= step { return }
        steps.append(step)
        weights.append(parameters)
        if steps.count > capacity {
            // keep the last (possibly off-stride, forced) record and every multiple of the new stride
            stride *= 2
            let keep = steps.indices.filter { steps[$0] % stride == 0 || $0 == steps.count - 1 }
            steps = keep.map { steps[$0] }
            weights = keep.map { weights[$0] }
        }
    }

    /// Forgets everything (a new run), keeping the initial stride `every`.
    public mutating func reset(every: Int) {
        steps = []
        weights = []
        stride = max(1, every)
    }
}
