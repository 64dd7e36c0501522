import Engine
import Learning

/// What a change of a setup field asks of the engine.
public enum SetupChange: Equatable, Sendable {
    /// Nothing changed (at the end of a range).
    case none
    /// Data or model changed: the run restarts from step 0.
    case restart
    /// The loss changed: applies at the next update, weights kept.
    case loss
    /// The optimizer changed (its state restarts), weights kept.
    case optimizer
    /// Only the learning rate changed, optimizer state kept.
    case learningRate
}

extension SetupField {
    static let sampleLadder = [50, 100, 200, 300, 500, 1000, 2000, 5000]
    static let architectures: [[Int]] = [
        [], [4], [8], [16], [8, 8], [16, 16], [32, 32], [64, 64], [16, 16, 16], [32, 32, 32], [64, 64, 64], [8, 8, 8, 8],
    ]
    static let featureSets: [[InputFeature]] = [
        [.x1, .x2], [.x1, .x2, .x1Squared, .x2Squared], [.x1, .x2, .x1x2], [.x1, .x2, .sinX1, .sinX2],
        [.x1Squared, .x2Squared], InputFeature.allCases, [.x1],
    ]
    static let batchLadder = [0, 8, 16, 32, 64, 128, 256]
    static let decayLadder = [0, 1e-5, 1e-4, 1e-3, 1e-2, 0.1]
    static let momentumLadder = [0.5, 0.8, 0.9, 0.95, 0.99]
    static let rhoLadder = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]
    static let imbalanceLadder = [1.0, 2, 5, 10, 20, 50, 100]
    static let learningRateRange = (lo: 1e-5, hi: 10.0)

    /// Changes the field in `spec` one step in `direction` (+1 / −1) and says
    /// what the engine must do.
    /// `csv` is the CSV file of the session's preset and its task, if any
    /// (the dataset cycle includes csv only then).
    public func adjust(_ spec: inout RunSpec, _ direction: Int, csv: (path: String, task: PredictionTask?)? = nil) -> SetupChange {
        let before = spec
        let change = apply(&spec, direction, csv)
        return spec == before ? .none : change
    }

    private func apply(_ spec: inout RunSpec, _ dir: Int, _ csv: (path: String, task: PredictionTask?)?) -> SetupChange {
        switch self {
        case .dataKind:
            var kinds = DatasetKind.allCases.filter { $0 != .csv }
            if csv != nil { kinds.append(.csv) }
            spec.switchDataset(to: Ladder.cycle(spec.data.kind, in: kinds, dir), csv: csv)
            return .restart
        case .classes:
            spec.data.classes = Ladder.cycle(spec.data.classes, in: spec.data.kind.allowedClasses, dir)
            spec.keepLossValid()
            return .restart
        case .samples: spec.data.samples = Ladder.step(spec.data.samples, in: Self.sampleLadder, dir); return .restart
        case .noise: spec.data.noise = Ladder.linear(spec.data.noise, step: 0.05, lo: 0, hi: 1, dir); return .restart
        case .labelNoise: spec.data.labelNoise = Ladder.linear(spec.data.labelNoise, step: 0.05, lo: 0, hi: 0.8, dir); return .restart
        case .labelNoiseKind:
            spec.data.labelNoiseKind = Ladder.cycle(spec.data.labelNoiseKind, in: [.symmetric, .pairFlip], dir)
            return .restart
        case .imbalance: spec.data.imbalance = Ladder.step(spec.data.imbalance, in: Self.imbalanceLadder, dir); return .restart
        case .outliers: spec.data.outliers = Ladder.linear(spec.data.outliers, step: 0.05, lo: 0, hi: 0.5, dir); return .restart
        case .testFraction: spec.data.testFraction = Ladder.linear(spec.data.testFraction, step: 0.05, lo: 0, hi: 0.5, dir); return .restart
        case .regenerate:
            spec.data.seed = Ladder.nextSeed(spec.data.seed ?? spec.seed, dir)
            return .restart
        case .hidden: spec.model.hidden = Ladder.cycle(spec.model.hidden, in: Self.architectures, dir); return .restart
        case .activation: spec.model.activation = Ladder.cycle(spec.model.activation, in: Activation.allCases, dir); return .restart
        case .features:
            let sets = spec.dataset1D ? [[InputFeature.x1], [.x1, .x1Squared], [.x1, .sinX1]] : Self.featureSets
            spec.model.features = Ladder.cycle(spec.model.features, in: sets, dir)
            return .restart
        case .initializer: spec.model.initializer = Ladder.cycle(spec.model.initializer, in: WeightInit.allCases, dir); return .restart
        case .initSeed: spec.initSeed = Ladder.nextSeed(spec.initSeed ?? spec.seed, dir); return .restart
        case .embeddingDim:
            let range = MLPSpec.embeddingDimRange
            spec.model.embeddingDim = min(max(spec.model.embeddingDim + dir, range.lowerBound), range.upperBound)
            return .restart
        case .loss:
            spec.loss = LossSpec(name: Ladder.cycle(spec.loss.name, in: spec.compatibleLosses, dir), weighting: spec.loss.weighting)
            // class weighting does not apply to the regression and the pair losses
            if let info = LossCatalog.entry(spec.loss.name)?.info, info.family == .regression || info.head == .embedding {
                spec.loss.weighting = .none
            }
            return .loss
        case .lossParameter(let name):
            guard let p = LossCatalog.entry(spec.loss.name)?.info.parameters.first(where: { $0.name == name }) else { return .none }
            let current = spec.loss.parameters[name] ?? p.defaultValue
            spec.loss.parameters[name] = Self.stepParameter(current, p, dir)
            return .loss
        case .weighting: spec.loss.weighting = Ladder.cycle(spec.loss.weighting, in: ClassWeighting.allCases, dir); return .loss
        case .optimizer:
            let kind = Ladder.cycle(spec.optimizer.kind, in: OptimizerKind.allCases, dir)
            spec.optimizer.kind = kind
            if spec.optimizer.weightDecay == 0.01 && kind != .adamw { spec.optimizer.weightDecay = nil }
            return .optimizer
        case .learningRate:
            let lr = spec.optimizer.learningRate
            spec.optimizer.learningRate =
                dir > 0
                ? max(lr, min(lr * 2, Self.learningRateRange.hi))  // never down on +
                : min(lr, max(lr / 2, Self.learningRateRange.lo))  // never up on −
            return .learningRate
        case .batchSize: spec.optimizer.batchSize = Ladder.step(spec.optimizer.batchSize, in: Self.batchLadder, dir); return .optimizer
        case .weightDecay:
            spec.optimizer.weightDecay = Ladder.step(spec.optimizer.resolvedWeightDecay, in: Self.decayLadder, dir)
            return .optimizer
        case .momentum: spec.optimizer.momentum = Ladder.step(spec.optimizer.momentum, in: Self.momentumLadder, dir); return .optimizer
        case .rho: spec.optimizer.rho = Ladder.step(spec.optimizer.rho, in: Self.rhoLadder, dir); return .optimizer
        case .base:
            spec.optimizer.base = Ladder.cycle(spec.optimizer.base, in: OptimizerKind.allCases.filter { $0 != .sam }, dir)
            return .optimizer
        case .schedule:
            spec.optimizer.schedule = Ladder.cycle(spec.optimizer.schedule, in: ScheduleKind.allCases, dir)
            return .optimizer
        }
    }

    /// One step of a loss parameter within its range: 0.05 steps for
    /// parameters living in [0, 1], a 1-2-5 ladder (with 0 when allowed) otherwise.
    static func stepParameter(_ v: Double, _ p: LossParameter, _ dir: Int) -> Double {
        let lo = p.range.lowerBound, hi = min(p.range.upperBound, 1e4)
        if lo >= 0 && hi <= 2 {
            let step = hi <= 1 ? 0.05 : 0.1
            var x = Ladder.linear(v, step: step, lo: lo, hi: hi, dir)
            if !p.contains(x) { x = dir > 0 ? x - step : x + step }
            return p.contains(x) ? x : v
        }
        var ladder = Ladder.oneTwoFive(from: max(lo, 1e-4), to: hi).filter { p.contains($0) }
        if p.contains(0) { ladder.insert(0, at: 0) }
        if lo < 0 { ladder = ladder.filter { $0 >= 0 }.reversed().map { -$0 } + ladder }
        let x = Ladder.step(v, in: ladder, dir)
        return p.contains(x) ? x : v
    }
}

extension RunSpec {
    /// True for 1-D data (sine): the features can only use x1.
    var dataset1D: Bool { data.kind == .sine }

    /// Losses that fit the current data (family and number of classes).
    var compatibleLosses: [String] {
        LossCatalog.entries.filter { e in
            e.info.family == family && (family == .regression || classes >= e.info.minClasses)
        }.map(\.info.id)
    }

    /// Switches the dataset, keeping the rest valid: classes the shape allows,
    /// features for 1-D data, a loss of the right family.
    mutating func switchDataset(to kind: DatasetKind, csv: (path: String, task: PredictionTask?)? = nil) {
        let was1D = dataset1D
        data.kind = kind
        data.path = kind == .csv ? csv?.path : nil
        dataTask = kind == .csv ? csv?.task : nil
        if kind.isClassification && !kind.allowedClasses.contains(data.classes) { data.classes = kind.allowedClasses.first ?? 2 }
        if !kind.isClassification { data.labelNoise = 0; data.imbalance = 1 }
        if !kind.isRegression { data.outliers = 0 }
        if dataset1D { model.features = [.x1] } else if was1D { model.features = [.x1, .x2] }
        keepLossValid()
    }

    /// Replaces the loss by the family's default when it no longer fits.
    mutating func keepLossValid() {
        if !compatibleLosses.contains(loss.name) {
            loss = LossSpec(name: family == .regression ? "mse" : "cross_entropy")
        }
    }
}
