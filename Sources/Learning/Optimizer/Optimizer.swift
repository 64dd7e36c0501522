import TensorCore

/// A stateful optimizer: schedule, gradient clipping, SAM, and the update rule.
///
/// One `step` is one update of the parameters:
/// 1. (SAM) ε̂ = ρ·g/(‖g‖₂ + 1e−12) with g = ∇L(θ) + λθ (the L2 term only when
///    weight decay is L2, i.e. not AdamW); the update gradient becomes
///    ∇L(θ + ε̂) on the same batch (Foret et al. 2021).
/// 2. Clipping (clip > 0): g ← g·min(1, clip/(‖g‖₂ + 1e−6)) over all parameters,
///    as torch.nn.utils.clip_grad_norm_.
/// 3. The rule (which adds L2 weight decay itself, as torch.optim does) at the
///    scheduled learning rate.
public struct Optimizer {
    public private(set) var spec: OptimizerSpec
    public private(set) var schedule: LearningRateSchedule
    var rule: any UpdateRule
    /// Updates made so far (t of the next update).
    public private(set) var updates: Int

    public init(spec: OptimizerSpec, totalSteps: Int, updatesSoFar: Int = 0) {
        self.spec = spec
        schedule = LearningRateSchedule(spec: spec, totalSteps: totalSteps)
        rule = makeRule(spec)
        updates = updatesSoFar
    }

    /// The learning rate the next update uses.
    public var currentLearningRate: Double { schedule.rate(at: updates) }

    /// Changes the base learning rate; the optimizer's state is kept.
    public mutating func setLearningRate(_ lr: Double) {
        spec.learningRate = lr
        schedule.baseRate = lr
    }

    /// Whether `new` can take over this optimizer's state: the same optimizer (and base).
    public func canRetune(to new: OptimizerSpec) -> Bool { new.kind == spec.kind && new.ruleKind == spec.ruleKind }

    /// Takes every field of `new` (the same optimizer: see ``canRetune(to:)``) and keeps the
    /// state — momentum buffers, moments, the step count — as torch.optim does when a param
    /// group's values change. The schedule continues at the same update.
    public mutating func retune(_ new: OptimizerSpec) {
        precondition(canRetune(to: new), "retune to another optimizer")
        schedule = LearningRateSchedule(spec: new, totalSteps: schedule.totalSteps)
        rule.retune(new)
        spec = new
    }

    /// One update of `params`. `gradient` is ∇L(θ) of the data objective on
    /// this step's batch; `regradient` evaluates ∇L at other parameters on the
    /// same batch (used by SAM). Returns the learning rate used.
    @discardableResult
    public mutating func step(
        _ params: inout [Tensor], gradient: [Tensor],
        regradient: ([Tensor]) -> [Tensor]
    ) -> Double {
        var g = gradient
        if spec.kind == .sam {
            let full = objectiveGradient(params, gradient)
            let norm = Float(globalNorm(full))
            let scale = Float(spec.rho) / (norm + 1e-12)
            var perturbed = params
            for i in perturbed.indices { perturbed[i].addScaled(full[i], scale) }
            g = regradient(perturbed)
        }
        if spec.clip > 0 {
            let norm = globalNorm(g)
            let coef = min(1, spec.clip / (norm + 1e-6))
            if coef < 1 { for i in g.indices { g[i].scale(by: Float(coef)) } }
        }
        let lr = currentLearningRate
        rule.apply(&params, g, lr: Float(lr))
        updates += 1
        return lr
    }

    /// The gradient of the whole training objective: ∇L + λθ when weight decay
    /// is an L2 term, else ∇L.
    public func objectiveGradient(_ params: [Tensor], _ grads: [Tensor]) -> [Tensor] {
        let wd = Float(spec.resolvedWeightDecay)
        guard spec.weightDecayIsL2, wd != 0 else { return grads }
        return zip(grads, params).map { g, p in
            var out = g
            out.addScaled(p, wd)
            return out
        }
    }
}

/// ‖g‖₂ over all tensors, accumulated in Double.
public func globalNorm(_ tensors: [Tensor]) -> Double {
    tensors.reduce(0.0) { $0 + $1.squaredNorm }.squareRoot()
}
