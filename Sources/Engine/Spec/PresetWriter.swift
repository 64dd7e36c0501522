import Learning

/// Writes a `RunSpec` as preset TOML with every key resolved (defaults
/// written out), so the file alone reproduces the run; a `SessionSpec` adds
/// its playback keys, a `[[compare]]` table per further run (what differs from
/// the first) and the `[[events]]` timelines in step order.
public enum PresetWriter {
    public static func toml(_ session: SessionSpec) -> String {
        let base = session.runs[0].spec
        var head: [String] = []
        if session.runs.count > 1 || session.runs[0].label != SessionSpec.defaultLabels([base])[0] {
            head.append("label = \(JSONText.string(session.runs[0].label))")
        }
        if let speed = session.speed { head.append("speed = \(speed.presetValue)") }
        if session.startPaused { head.append("start = \"paused\"") }
        var out = toml(base)
        if !head.isEmpty {
            // after the top-level keys, before the first table
            let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let firstTable = lines.firstIndex { $0.hasPrefix("[") } ?? lines.count
            out = (lines[..<firstTable].dropLast() + head + [""] + lines[firstTable...]).joined(separator: "\n")
        }
        for entry in session.runs.dropFirst() { out += "\n" + compareTable(entry, base: base) }
        let events = session.runs.flatMap { r in r.events.map { (run: r.label, event: $0) } }
            .enumerated().sorted { ($0.element.event.step, $0.offset) < ($1.element.event.step, $1.offset) }.map(\.element)
        for (run, event) in events {
            out += "\n[[events]]\nstep = \(event.step)\n"
            if session.runs.count > 1 { out += "run = \(JSONText.string(run))\n" }
            let loss = event.changes.filter { $0.key.hasPrefix("loss.") }
            let optimizer = event.changes.filter { $0.key.hasPrefix("optimizer.") }
            if !loss.isEmpty { out += "loss = \(inline(loss, prefix: "loss."))\n" }
            if !optimizer.isEmpty { out += "optimizer = \(inline(optimizer, prefix: "optimizer."))\n" }
        }
        return out
    }

    /// Keys whose values are strings in a preset.
    static let stringKeys: Set<String> = ["name", "weighting", "schedule", "base", "activation", "init", "kind", "label_noise_kind"]

    static func value(_ c: RunEvent.Change, key: String) -> String {
        stringKeys.contains(key) ? JSONText.string(c.value) : c.value
    }

    static func inline(_ changes: [RunEvent.Change], prefix: String) -> String {
        "{ "
            + changes.map { c -> String in
                let key = String(c.key.dropFirst(prefix.count))
                return "\(key) = \(value(c, key: key))"
            }.joined(separator: ", ") + " }"
    }

    /// A `[[compare]]` table: the label, then what differs from the base run.
    static func compareTable(_ entry: RunEntry, base: RunSpec) -> String {
        let spec = entry.spec
        var out = "[[compare]]\nlabel = \(JSONText.string(entry.label))\n"
        var loss = lossChanges(from: base.loss, to: spec.loss)
        if spec.loss.name != base.loss.name, let info = LossCatalog.entry(spec.loss.name)?.info {
            // a new loss replaces the table: write all its parameters
            let resolved = LossParameters.resolved(spec.loss.parameters, for: info)
            loss = [.init("loss.name", spec.loss.name)] + info.parameters.map { .init("loss.\($0.name)", formatParameter(resolved[$0.name])) }
            if spec.loss.weighting != .none { loss.append(.init("loss.weighting", spec.loss.weighting.rawValue)) }
            if spec.loss.weighting == .effective { loss.append(.init("loss.weighting_beta", formatParameter(spec.loss.weightingBeta))) }
        }
        if !loss.isEmpty {
            out +=
                "[compare.loss]\n"
                + loss.map { c in
                    let key = String(c.key.dropFirst("loss.".count))
                    return "\(key) = \(value(c, key: key))\n"
                }.joined()
        }
        let optimizer = optimizerChanges(from: base.optimizer, to: spec.optimizer, steps: spec.steps)
        if !optimizer.isEmpty {
            out +=
                "[compare.optimizer]\n"
                + optimizer.map { c in
                    let key = String(c.key.dropFirst("optimizer.".count))
                    return "\(key) = \(value(c, key: key))\n"
                }.joined()
        }
        var model: [String] = []
        let (a, b) = (base.model, spec.model)
        if a.hidden != b.hidden { model.append("hidden = [\(b.hidden.map(String.init).joined(separator: ", "))]") }
        if a.activation != b.activation { model.append("activation = \(JSONText.string(b.activation.rawValue))") }
        if a.features != b.features { model.append("features = [\(b.features.map { JSONText.string($0.rawValue) }.joined(separator: ", "))]") }
        if a.initializer != b.initializer { model.append("init = \(JSONText.string(b.initializer.rawValue))") }
        if a.embeddingDim != b.embeddingDim { model.append("embedding_dim = \(b.embeddingDim)") }
        if base.initSeed != spec.initSeed, let s = spec.initSeed { model.append("seed = \(s)") }
        if !model.isEmpty { out += "[compare.model]\n" + model.map { $0 + "\n" }.joined() }
        return out
    }

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
        if spec.head.hasEmbedding || m.embeddingDim != 2 { out.append("embedding_dim = \(m.embeddingDim)") }
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
