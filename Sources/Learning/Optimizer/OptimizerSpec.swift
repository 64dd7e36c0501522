/// The optimizers losscape offers; update rules and defaults as torch.optim's.
public enum OptimizerKind: String, CaseIterable, Sendable {
    case sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw
    /// Sharpness-Aware Minimization (Foret et al. 2021) around a base optimizer.
    case sam

    public var summary: String {
        switch self {
        case .sgd: return "plain SGD: θ ← θ − η(g + λθ)"
        case .momentum: return "heavy-ball SGD (torch SGD momentum=0.9, dampening 0)"
        case .nesterov: return "Nesterov SGD (torch SGD nesterov=True, momentum 0.9)"
        case .adagrad: return "Adagrad (eps 1e-10)"
        case .rmsprop: return "RMSprop (alpha 0.99, eps 1e-8)"
        case .adam: return "Adam (betas 0.9/0.999, eps 1e-8; weight decay as L2)"
        case .adamw: return "AdamW (decoupled weight decay, default 0.01)"
        case .sam: return "SAM: step of the base optimizer with the gradient at θ + ρ·g/‖g‖ (rho 0.05)"
        }
    }
}

/// A learning-rate schedule, multiplied by the linear warmup factor.
public enum ScheduleKind: String, CaseIterable, Sendable {
    case constant, step, cosine
}

/// Everything that defines the optimizer of a run (the preset's `[optimizer]`).
public struct OptimizerSpec: Equatable, Sendable {
    public var kind: OptimizerKind = .adam
    public var learningRate: Double = 0.01
    /// Mini-batch size; 0 means the whole training set.
    public var batchSize: Int = 0
    /// nil: the optimizer's default (0.01 for adamw, 0 otherwise).
    public var weightDecay: Double?
    public var momentum: Double = 0.9
    public var beta1: Double = 0.9
    public var beta2: Double = 0.999
    /// nil: the optimizer's default (1e-10 Adagrad, 1e-8 otherwise).
    public var eps: Double?
    /// RMSprop's smoothing constant.
    public var alpha: Double = 0.99
    /// SAM's neighbourhood radius ρ.
    public var rho: Double = 0.05
    /// SAM's base optimizer.
    public var base: OptimizerKind = .sgd
    public var schedule: ScheduleKind = .constant
    /// Step schedule: multiply by `gamma` every `stepSize` updates (nil: steps/3).
    public var stepSize: Int?
    public var gamma: Double = 0.1
    /// Linear warmup over this many updates (0: off).
    public var warmup: Int = 0
    /// Global-norm gradient clipping threshold (0: off).
    public var clip: Double = 0

    public init() {}

    /// The kind whose update rule applies (SAM's base, or the kind itself).
    public var ruleKind: OptimizerKind { kind == .sam ? base : kind }

    public var resolvedWeightDecay: Double { weightDecay ?? (ruleKind == .adamw ? 0.01 : 0) }
    public var resolvedEps: Double { eps ?? (ruleKind == .adagrad ? 1e-10 : 1e-8) }

    /// True when weight decay is an L2 term of the objective (added to the
    /// gradient), false when decoupled (AdamW).
    public var weightDecayIsL2: Bool { ruleKind != .adamw }
}
