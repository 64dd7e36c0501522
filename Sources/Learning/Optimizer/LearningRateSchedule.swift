import Platform

/// The learning rate at update t (0-based): η_t = η · w(t) · s(t), where
/// w(t) = min(1, (t+1)/warmup) (1 without warmup) and
/// s(t) = 1 (constant), γ^⌊t/step_size⌋ (step), ½(1 + cos(π·min(t, T)/T)) (cosine,
/// T = the preset's `steps`; past T the rate stays at 0).
public struct LearningRateSchedule: Sendable, Equatable {
    public var kind: ScheduleKind
    public var baseRate: Double
    public var warmup: Int
    public var stepSize: Int
    public var gamma: Double
    public var totalSteps: Int

    public init(spec: OptimizerSpec, totalSteps: Int) {
        kind = spec.schedule
        baseRate = spec.learningRate
        warmup = spec.warmup
        stepSize = spec.stepSize ?? max(1, totalSteps / 3)
        gamma = spec.gamma
        self.totalSteps = max(totalSteps, 1)
    }

    public func rate(at t: Int) -> Double {
        let w = warmup > 0 ? min(1, Double(t + 1) / Double(warmup)) : 1
        let s: Double
        switch kind {
        case .constant: s = 1
        case .step: s = LibM.pow(gamma, Double(t / stepSize))
        case .cosine: s = 0.5 * (1 + LibM.cos(Double.pi * Double(min(t, totalSteps)) / Double(totalSteps)))
        }
        return baseRate * w * s
    }
}
