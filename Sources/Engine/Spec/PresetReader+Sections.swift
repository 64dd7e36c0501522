import Learning

/// The preset's keys, table by table. See README "Preset format".
extension PresetReader {
    static let topKeys = ["name", "description", "seed", "steps", "data", "model", "loss", "optimizer"]
    static let modelKeys = ["hidden", "activation", "features", "init", "seed", "embedding_dim"]
    static let lossKeys = ["name", "weighting", "weighting_beta"]
    static let optimizerKeys = [
        "name", "learning_rate", "batch_size", "weight_decay", "momentum", "beta1", "beta2", "eps", "alpha",
        "rho", "base", "schedule", "step_size", "gamma", "warmup", "clip",
    ]
    static let maxSteps = 100_000_000

    func read() throws -> RunSpec {
        try refuseUnknown(table, "", known: Self.topKeys)
        var spec = RunSpec()
        spec.name = try string(table, "", "name") ?? spec.name
        spec.description = try string(table, "", "description") ?? ""
        spec.seed = try seed(table, "", "seed") ?? spec.seed
        if let steps = try integer(table, "", "steps") {
            try check(steps >= 0 && steps <= Self.maxSteps, "", "steps", "must be in 0…\(Self.maxSteps), got \(steps)")
            spec.steps = steps
        }
        if let t = try subtable("data") { spec.data = try readData(t) }
        if let t = try subtable("model") { try readModel(t, &spec) } else { spec.model.features = spec.data.kind.defaultFeatures }
        if let t = try subtable("loss") {
            spec.loss = try readLoss(t, family: spec.family, dataKind: spec.data.kind, classes: spec.data.classes)
        } else if spec.family == .regression {
            spec.loss.name = "mse"
        }
        if let t = try subtable("optimizer") { spec.optimizer = try readOptimizer(t) }
        return spec
    }

    func readData(_ t: PresetTable) throws -> DataSpec {
        let s = "data"
        try refuseUnknown(t, s, known: DataSpec.keys)
        var d = DataSpec()
        if let k: DatasetKind = try oneOf(try string(t, s, "kind"), s, "kind") { d.kind = k }
        if d.kind == .csv {
            for key in ["samples", "noise", "classes"] where t[key] != nil {
                throw fail(s, key, "not used with kind = \"csv\" (the file's rows and labels decide)")
            }
        }
        d.samples = try integer(t, s, "samples") ?? d.samples
        d.noise = try number(t, s, "noise") ?? d.noise
        d.testFraction = try number(t, s, "test_fraction") ?? d.testFraction
        d.classes = try integer(t, s, "classes") ?? d.classes
        d.labelNoise = try number(t, s, "label_noise") ?? d.labelNoise
        if let k: LabelNoiseKind = try oneOf(try string(t, s, "label_noise_kind"), s, "label_noise_kind") { d.labelNoiseKind = k }
        d.imbalance = try number(t, s, "imbalance") ?? d.imbalance
        d.outliers = try number(t, s, "outliers") ?? d.outliers
        d.path = try string(t, s, "path")
        d.seed = try seed(t, s, "seed")
        do { try d.validate() } catch let e as DataError {
            let key = e.key.hasPrefix("data.") ? String(e.key.dropFirst(5)) : e.key
            let o = origin(s, key)
            throw PresetError(file: o.file, line: o.line, e.description)
        }
        return d
    }

    func readModel(_ t: PresetTable, _ spec: inout RunSpec) throws {
        let s = "model"
        try refuseUnknown(t, s, known: Self.modelKeys)
        var m = MLPSpec(features: spec.data.kind.defaultFeatures)
        if let hidden = try integers(t, s, "hidden") {
            try check(hidden.count <= MLPSpec.maxLayers, s, "hidden", "at most \(MLPSpec.maxLayers) hidden layers, got \(hidden.count)")
            for w in hidden {
                try check(MLPSpec.widthRange.contains(w), s, "hidden", "widths must be in 1…256, got \(w)")
            }
            m.hidden = hidden
        }
        if let a: Activation = try oneOf(try string(t, s, "activation"), s, "activation") { m.activation = a }
        if let i: WeightInit = try oneOf(try string(t, s, "init"), s, "init") { m.initializer = i }
        if let names = try strings(t, s, "features") {
            try check(!names.isEmpty, s, "features", "needs at least one feature")
            var fs: [InputFeature] = []
            for n in names {
                guard let f = InputFeature(rawValue: n) else {
                    throw fail(
                        s, "features",
                        "unknown feature \"\(n)\"\(Suggestion.didYouMean(n, among: InputFeature.allCases.map(\.rawValue))) (one of: \(InputFeature.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                try check(!fs.contains(f), s, "features", "\"\(n)\" is listed twice")
                fs.append(f)
            }
            m.features = fs
        }
        if let d = try integer(t, s, "embedding_dim") {
            try check(
                MLPSpec.embeddingDimRange.contains(d), s, "embedding_dim",
                "must be between \(MLPSpec.embeddingDimRange.lowerBound) and \(MLPSpec.embeddingDimRange.upperBound), got \(d)")
            m.embeddingDim = d
        }
        spec.model = m
        spec.initSeed = try seed(t, s, "seed")
    }

    func readLoss(_ t: PresetTable, family: LossFamily, dataKind: DatasetKind, classes: Int) throws -> LossSpec {
        let s = "loss"
        var l = LossSpec(name: family == .regression ? "mse" : "cross_entropy")
        if let n = try string(t, s, "name") { l.name = n }
        guard let entry = LossCatalog.entry(l.name) else {
            throw fail(s, "name", "unknown loss \"\(l.name)\"\(Suggestion.didYouMean(l.name, among: LossCatalog.ids)) (see `losscape list losses`)")
        }
        try refuseUnknown(t, s, known: Self.lossKeys + entry.info.parameters.map(\.name))
        if dataKind != .csv {
            try check(
                entry.info.family == family, s, "name",
                "\(l.name) is a \(entry.info.family.rawValue) loss but \(dataKind.rawValue) is a \(family.rawValue) dataset")
            if family == .classification {
                try check(
                    classes >= entry.info.minClasses, s, "name",
                    "\(l.name) needs at least \(entry.info.minClasses) classes, the dataset has \(classes)")
            }
        }
        if let w: ClassWeighting = try oneOf(try string(t, s, "weighting"), s, "weighting") {
            try check(w == .none || entry.info.family == .classification, s, "weighting", "class weighting needs a classification loss")
            l.weighting = w
        }
        if let b = try number(t, s, "weighting_beta") {
            try check(l.weighting == .effective, s, "weighting_beta", "only used with weighting = \"effective\"")
            try check(b > 0 && b < 1, s, "weighting_beta", "must be in (0, 1), got \(b)")
            l.weightingBeta = b
        }
        for p in entry.info.parameters {
            guard let v = try number(t, s, p.name) else { continue }
            try check(p.contains(v), s, p.name, "\(formatParameter(v)) is outside \(p.rangeText)")
            l.parameters[p.name] = v
        }
        return l
    }

    func readOptimizer(_ t: PresetTable) throws -> OptimizerSpec {
        let s = "optimizer"
        try refuseUnknown(t, s, known: Self.optimizerKeys)
        var o = OptimizerSpec()
        if let k: OptimizerKind = try oneOf(try string(t, s, "name"), s, "name") { o.kind = k }
        if let b: OptimizerKind = try oneOf(try string(t, s, "base"), s, "base") {
            try check(o.kind == .sam, s, "base", "only SAM has a base optimizer (name is \(o.kind.rawValue))")
            try check(b != .sam, s, "base", "SAM cannot be its own base")
            o.base = b
        }
        func positive(_ k: String) throws -> Double? {
            guard let v = try number(t, s, k) else { return nil }
            try check(v > 0 && v.isFinite, s, k, "must be > 0, got \(formatParameter(v))")
            return v
        }
        func unit(_ k: String, uses: [OptimizerKind]) throws -> Double? {
            guard let v = try number(t, s, k) else { return nil }
            try check(
                uses.contains(o.ruleKind), s, k, "only used by \(uses.map(\.rawValue).joined(separator: "/")) (optimizer is \(o.ruleKind.rawValue))")
            try check(v >= 0 && v < 1, s, k, "must be in [0, 1), got \(formatParameter(v))")
            return v
        }
        if let lr = try positive("learning_rate") {
            try check(lr <= 100, s, "learning_rate", "must be ≤ 100, got \(formatParameter(lr))")
            o.learningRate = lr
        }
        if let b = try integer(t, s, "batch_size") {
            try check(b >= 0, s, "batch_size", "must be ≥ 0 (0 = full batch), got \(b)")
            o.batchSize = b
        }
        if let wd = try number(t, s, "weight_decay") {
            try check(wd >= 0 && wd.isFinite, s, "weight_decay", "must be ≥ 0, got \(formatParameter(wd))")
            o.weightDecay = wd
        }
        o.momentum = try unit("momentum", uses: [.momentum, .nesterov]) ?? o.momentum
        o.beta1 = try unit("beta1", uses: [.adam, .adamw]) ?? o.beta1
        o.beta2 = try unit("beta2", uses: [.adam, .adamw]) ?? o.beta2
        o.alpha = try unit("alpha", uses: [.rmsprop]) ?? o.alpha
        if let e = try positive("eps") {
            let uses: [OptimizerKind] = [.adagrad, .rmsprop, .adam, .adamw]
            try check(uses.contains(o.ruleKind), s, "eps", "only used by adagrad/rmsprop/adam/adamw (optimizer is \(o.ruleKind.rawValue))")
            o.eps = e
        }
        if let rho = try positive("rho") {
            try check(o.kind == .sam, s, "rho", "only used by sam (optimizer is \(o.kind.rawValue))")
            o.rho = rho
        }
        if let sch: ScheduleKind = try oneOf(try string(t, s, "schedule"), s, "schedule") { o.schedule = sch }
        if let n = try integer(t, s, "step_size") {
            try check(o.schedule == .step, s, "step_size", "only used by the step schedule")
            try check(n >= 1, s, "step_size", "must be ≥ 1, got \(n)")
            o.stepSize = n
        }
        if let g = try number(t, s, "gamma") {
            try check(o.schedule == .step, s, "gamma", "only used by the step schedule")
            try check(g > 0 && g <= 1, s, "gamma", "must be in (0, 1], got \(formatParameter(g))")
            o.gamma = g
        }
        if let w = try integer(t, s, "warmup") {
            try check(w >= 0, s, "warmup", "must be ≥ 0 (0 = off), got \(w)")
            o.warmup = w
        }
        if let c = try number(t, s, "clip") {
            try check(c >= 0 && c.isFinite, s, "clip", "must be ≥ 0 (0 = off), got \(formatParameter(c))")
            o.clip = c
        }
        return o
    }
}
