import Engine
import Learning

/// One editable line of the Setup panel.
public enum SetupField: Hashable, Sendable {
    case dataKind, classes, samples, noise, labelNoise, labelNoiseKind, imbalance, outliers, testFraction, regenerate
    case hidden, activation, features, initializer, initSeed, embeddingDim
    case loss, lossParameter(String), weighting
    case optimizer, learningRate, batchSize, weightDecay, momentum, rho, base, schedule

    /// The panel's sections, in order, with their fields for `spec`.
    public static func sections(for spec: RunSpec) -> [(title: String, fields: [SetupField])] {
        let kind = spec.data.kind
        var data: [SetupField] = [.dataKind]
        if kind.isClassification && kind.allowedClasses.count > 1 { data.append(.classes) }
        if kind != .csv { data += [.samples, .noise] }
        if spec.family == .classification {
            data += [.labelNoise, .labelNoiseKind]
            if kind != .csv { data.append(.imbalance) }
        }
        if spec.family == .regression { data.append(.outliers) }
        data += [.testFraction, .regenerate]
        var loss: [SetupField] = [.loss]
        if let info = LossCatalog.entry(spec.loss.name)?.info {
            loss += info.parameters.map { .lossParameter($0.name) }
            if info.family == .classification && info.head != .embedding { loss.append(.weighting) }
        }
        var opt: [SetupField] = [.optimizer]
        if spec.optimizer.kind == .sam { opt += [.base, .rho] }
        opt += [.learningRate, .batchSize, .weightDecay]
        if [.momentum, .nesterov].contains(spec.optimizer.ruleKind) { opt.append(.momentum) }
        opt.append(.schedule)
        return [
            ("Data", data),
            ("Model", [.hidden, .activation, .features, .initializer, .initSeed] + (spec.head.hasEmbedding ? [.embeddingDim] : [])),
            ("Loss", loss),
            ("Optimizer", opt),
        ]
    }

    /// A label of at most 9 characters for narrow panels.
    public var shortLabel: String {
        switch self {
        case .labelNoise: return "mislabels"
        case .labelNoiseKind: return "flip kind"
        case .imbalance: return "imbalance"
        case .testFraction: return "test"
        case .regenerate: return "data seed"
        case .activation: return "activ."
        case .lossParameter(let name): return name.count <= 9 ? name : String(name.prefix(8)) + "."
        case .learningRate: return "lr"
        case .batchSize: return "batch"
        case .weightDecay: return "decay"
        default: return label
        }
    }

    /// The input features, every one named (an unambiguous short form): `x1 x2 x1² x2²`,
    /// `x1 x2 sin1 sin2`, or `all 7`.
    public static func featuresText(_ fs: [InputFeature]) -> String {
        if Set(fs) == Set(InputFeature.allCases) { return "all \(fs.count)" }
        let names: [InputFeature: String] = [
            .x1: "x1", .x2: "x2", .x1Squared: "x1²", .x2Squared: "x2²", .x1x2: "x1x2",
            .sinX1: "sin1", .sinX2: "sin2",
        ]
        return fs.map { names[$0] ?? $0.rawValue }.joined(separator: " ")
    }

    /// A field of the shared data (a change applies to every run).
    public var isData: Bool {
        switch self {
        case .dataKind, .classes, .samples, .noise, .labelNoise, .labelNoiseKind, .imbalance, .outliers, .testFraction, .regenerate:
            return true
        default: return false
        }
    }

    /// All focusable fields in display order.
    public static func all(for spec: RunSpec) -> [SetupField] { sections(for: spec).flatMap(\.fields) }

    public var label: String {
        switch self {
        case .dataKind: return "dataset"
        case .classes: return "classes"
        case .samples: return "samples"
        case .noise: return "noise"
        case .labelNoise: return "label noise"
        case .labelNoiseKind: return "noise kind"
        case .imbalance: return "imbalance"
        case .outliers: return "outliers"
        case .testFraction: return "test split"
        case .regenerate: return "data seed"
        case .hidden: return "hidden"
        case .activation: return "activation"
        case .features: return "features"
        case .initializer: return "init"
        case .initSeed: return "init seed"
        case .embeddingDim: return "embedding"
        case .loss: return "loss"
        case .lossParameter(let name): return name
        case .weighting: return "weighting"
        case .optimizer: return "optimizer"
        case .learningRate: return "learning rate"
        case .batchSize: return "batch size"
        case .weightDecay: return "weight decay"
        case .momentum: return "momentum"
        case .rho: return "rho"
        case .base: return "base"
        case .schedule: return "schedule"
        }
    }

    /// The current value as shown.
    public func value(in spec: RunSpec) -> String {
        let d = spec.data, o = spec.optimizer
        switch self {
        case .dataKind: return d.kind.rawValue
        case .classes: return "\(d.classes)"
        case .samples: return "\(d.samples)"
        case .noise: return format(d.noise)
        case .labelNoise: return percent(d.labelNoise)
        case .labelNoiseKind: return d.labelNoiseKind.rawValue
        case .imbalance: return d.imbalance == 1 ? "none" : "\(format(d.imbalance)):1"
        case .outliers: return percent(d.outliers)
        case .testFraction: return percent(d.testFraction)
        case .regenerate: return "\(d.seed ?? spec.seed)"
        case .hidden: return spec.model.hidden.isEmpty ? "none (linear)" : spec.model.hidden.map(String.init).joined(separator: "-")
        case .activation: return spec.model.activation.rawValue
        case .features: return Self.featuresText(spec.model.features)
        case .initializer: return spec.model.initializer.rawValue
        case .initSeed: return "\(spec.initSeed ?? spec.seed)"
        case .embeddingDim: return "d = \(spec.model.embeddingDim)"
        case .loss: return spec.loss.name
        case .lossParameter(let name):
            guard let info = LossCatalog.entry(spec.loss.name)?.info else { return "?" }
            return format(LossParameters.resolved(spec.loss.parameters, for: info)[name])
        case .weighting: return spec.loss.weighting.rawValue
        case .optimizer: return o.kind.rawValue
        case .learningRate: return format(o.learningRate)
        case .batchSize: return o.batchSize == 0 ? "full" : "\(o.batchSize)"
        case .weightDecay: return format(o.resolvedWeightDecay)
        case .momentum: return format(o.momentum)
        case .rho: return format(o.rho)
        case .base: return o.base.rawValue
        case .schedule: return o.warmup > 0 ? "\(o.schedule.rawValue) +warmup" : o.schedule.rawValue
        }
    }
}

/// Compact numbers for the panel: 0.01, 1e-05, 2.5.
func format(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if x == 0 { return "0" }
    if abs(x) < 1e-3 || abs(x) >= 1e5 {
        let e = x.exponentForFormatting
        return "\(formatMantissa(x / pow10(e)))e\(e)"
    }
    return formatMantissa(x)
}

private func formatMantissa(_ x: Double) -> String {
    let r = (x * 1e4).rounded() / 1e4
    return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : "\(r)"
}

private func pow10(_ e: Int) -> Double {
    var p = 1.0
    for _ in 0..<abs(e) { p *= 10 }
    return e < 0 ? 1 / p : p
}

private extension Double {
    var exponentForFormatting: Int {
        var e = 0
        var v = abs(self)
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}

func percent(_ x: Double) -> String { x == 0 ? "0%" : "\(formatMantissa(x * 100))%" }
