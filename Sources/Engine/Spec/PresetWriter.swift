import Learning

/// Writes a `RunSpec` as preset TOML with every key resolved (defaults
/// written out), so the file alone reproduces the run.
public enum PresetWriter {
    public static func toml(_ spec: RunSpec) -> String {
        var out: [String] = []
        // TOML basic strings escape like JSON strings (\" \\ \n \t \uXXXX).
        func str(_ s: String) -> String { JSONText.string(s) }
        func num(_ x: Double) -> String {
            // TOML floats: always with a dot or exponent; shortest round-trip digits.
            let s = "\(x)"
            return s.contains(".") || s.contains("e") || s.contains("inf") || s.contains("nan") ? s : s + ".0"
        }
        out.append("name = \(str(spec.name))")
        out.append("description = \(str(spec.description))")
        out.append("seed = \(spec.seed)")
        out.append("steps = \(spec.steps)")

        let d = spec.data
        out.append("")
        out.append("[data]")
        out.append("kind = \(str(d.kind.rawValue))")
        if let p = d.path { out.append("path = \(str(p))") }
        if d.kind != .csv {
            out.append("samples = \(d.samples)")
            out.append("noise = \(num(d.noise))")
        }
        out.append("test_fraction = \(num(d.testFraction))")
        if d.kind != .csv { out.append("classes = \(d.classes)") }
        out.append("label_noise = \(num(d.labelNoise))")
        out.append("label_noise_kind = \(str(d.labelNoiseKind.rawValue))")
        out.append("imbalance = \(num(d.imbalance))")
        out.append("outliers = \(num(d.outliers))")
        if let s = d.seed { out.append("seed = \(s)") }

        let m = spec.model
        out.append("")
        out.append("[model]")
        out.append("hidden = [\(m.hidden.map(String.init).joined(separator: ", "))]")
        out.append("activation = \(str(m.activation.rawValue))")
        out.append("features = [\(m.features.map { str($0.rawValue) }.joined(separator: ", "))]")
        out.append("init = \(str(m.initializer.rawValue))")
        if let s = spec.initSeed { out.append("seed = \(s)") }

        let l = spec.loss
        out.append("")
        out.append("[loss]")
        out.append("name = \(str(l.name))")
        if let info = LossCatalog.entry(l.name)?.info {
            let resolved = LossParameters.resolved(l.parameters, for: info)
            for p in info.parameters { out.append("\(p.name) = \(num(resolved[p.name]))") }
            if info.family == .classification {
                out.append("weighting = \(str(l.weighting.rawValue))")
                if l.weighting == .effective { out.append("weighting_beta = \(num(l.weightingBeta))") }
            }
        }

        let o = spec.optimizer
        out.append("")
        out.append("[optimizer]")
        out.append("name = \(str(o.kind.rawValue))")
        if o.kind == .sam {
            out.append("base = \(str(o.base.rawValue))")
            out.append("rho = \(num(o.rho))")
        }
        out.append("learning_rate = \(num(o.learningRate))")
        out.append("batch_size = \(o.batchSize)")
        out.append("weight_decay = \(num(o.resolvedWeightDecay))")
        switch o.ruleKind {
        case .momentum, .nesterov: out.append("momentum = \(num(o.momentum))")
        case .adam, .adamw:
            out.append("beta1 = \(num(o.beta1))")
            out.append("beta2 = \(num(o.beta2))")
        case .rmsprop: out.append("alpha = \(num(o.alpha))")
        default: break
        }
        if [.adagrad, .rmsprop, .adam, .adamw].contains(o.ruleKind) { out.append("eps = \(num(o.resolvedEps))") }
        out.append("schedule = \(str(o.schedule.rawValue))")
        if o.schedule == .step {
            out.append("step_size = \(o.stepSize ?? max(1, spec.steps / 3))")
            out.append("gamma = \(num(o.gamma))")
        }
        out.append("warmup = \(o.warmup)")
        out.append("clip = \(num(o.clip))")
        return out.joined(separator: "\n") + "\n"
    }
}
