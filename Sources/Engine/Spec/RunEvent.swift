import Learning

/// A change on a run's timeline: at `step` (after `step` updates, before update
/// `step + 1`) the loss and/or the optimizer change. Presets hold them as
/// `[[events]]` tables; the playground records one for every change made while
/// a run is live, so a saved preset replays the session exactly.
///
/// `loss` and `optimizer` are the complete specs from that step on (resolved
/// when the preset is read: a `loss` table that names another loss replaces the
/// old one, one without `name` merges its parameters; `optimizer` keys merge).
/// A new optimizer `name` starts a fresh optimizer; other optimizer changes keep
/// its state (momentum buffers, moments, step count), as torch.optim does when a
/// param group's values change.
public struct RunEvent: Equatable, Sendable {
    public var step: Int
    /// The new loss, when it changes.
    public var loss: LossSpec?
    /// The new optimizer, when it changes.
    public var optimizer: OptimizerSpec?
    /// The keys as written in the preset (`loss.name`, `optimizer.learning_rate`, …), for
    /// metrics.jsonl's `event` field and the preset writer.
    public var changes: [Change]

    /// One changed key and its new value as preset text.
    public struct Change: Equatable, Sendable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(step: Int, loss: LossSpec? = nil, optimizer: OptimizerSpec? = nil, changes: [Change]) {
        self.step = step
        self.loss = loss
        self.optimizer = optimizer
        self.changes = changes
    }

    /// `loss.name=focal loss.gamma=2`: the changed keys, for metrics.jsonl.
    public var summary: String { changes.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }

    /// A short label for chart marks: `focal`, `lr 0.05`, `adam`, `γ 2`.
    public var label: String {
        if let c = changes.first(where: { $0.key == "loss.name" }) { return c.value }
        if let c = changes.first(where: { $0.key == "optimizer.name" }) { return c.value }
        if let c = changes.first(where: { $0.key == "optimizer.learning_rate" }) { return "lr \(c.value)" }
        guard let c = changes.first else { return "change" }
        let name = c.key.split(separator: ".").last.map(String.init) ?? c.key
        return "\(RunEvent.shortNames[name] ?? name) \(c.value)"
    }

    static let shortNames = [
        "gamma": "γ", "epsilon": "ε", "temperature": "T", "batch_size": "batch",
        "weight_decay": "wd", "momentum": "μ", "lambda": "λ", "alpha": "α", "beta": "β", "tau": "τ",
    ]
}

/// The differences between two loss specs as preset keys (`loss.name` first when it changes,
/// then every parameter of the new loss that differs, then the weighting keys).
public func lossChanges(from old: LossSpec, to new: LossSpec) -> [RunEvent.Change] {
    var out: [RunEvent.Change] = []
    guard let info = LossCatalog.entry(new.name)?.info else { return out }
    let renamed = old.name != new.name
    if renamed { out.append(.init("loss.name", new.name)) }
    let a = LossCatalog.entry(old.name).map { LossParameters.resolved(old.parameters, for: $0.info) }
    let b = LossParameters.resolved(new.parameters, for: info)
    for p in info.parameters where renamed ? new.parameters[p.name] != nil : a?[p.name] != b[p.name] {
        out.append(.init("loss.\(p.name)", formatParameter(b[p.name])))
    }
    if old.weighting != new.weighting { out.append(.init("loss.weighting", new.weighting.rawValue)) }
    if old.weightingBeta != new.weightingBeta && new.weighting == .effective {
        out.append(.init("loss.weighting_beta", formatParameter(new.weightingBeta)))
    }
    return out
}

/// The differences between two optimizer specs as preset keys (`optimizer.name` first).
public func optimizerChanges(from old: OptimizerSpec, to new: OptimizerSpec, steps: Int) -> [RunEvent.Change] {
    var out: [RunEvent.Change] = []
    func add(_ key: String, _ a: String, _ b: String) { if a != b { out.append(.init("optimizer.\(key)", b)) } }
    func n(_ x: Double) -> String { formatParameter(x) }
    add("name", old.kind.rawValue, new.kind.rawValue)
    if new.kind == .sam {
        add("base", old.base.rawValue, new.base.rawValue)
        add("rho", n(old.rho), n(new.rho))
    }
    add("learning_rate", n(old.learningRate), n(new.learningRate))
    add("batch_size", "\(old.batchSize)", "\(new.batchSize)")
    add("weight_decay", n(old.resolvedWeightDecay), n(new.resolvedWeightDecay))
    switch new.ruleKind {
    case .momentum, .nesterov: add("momentum", n(old.momentum), n(new.momentum))
    case .adam, .adamw:
        add("beta1", n(old.beta1), n(new.beta1))
        add("beta2", n(old.beta2), n(new.beta2))
    case .rmsprop: add("alpha", n(old.alpha), n(new.alpha))
    default: break
    }
    if [.adagrad, .rmsprop, .adam, .adamw].contains(new.ruleKind) { add("eps", n(old.resolvedEps), n(new.resolvedEps)) }
    add("schedule", old.schedule.rawValue, new.schedule.rawValue)
    if new.schedule == .step {
        add("step_size", "\(old.stepSize ?? max(1, steps / 3))", "\(new.stepSize ?? max(1, steps / 3))")
        add("gamma", n(old.gamma), n(new.gamma))
    }
    add("warmup", "\(old.warmup)", "\(new.warmup)")
    add("clip", n(old.clip), n(new.clip))
    return out
}
