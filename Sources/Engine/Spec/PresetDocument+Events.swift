import Learning

/// The `[[events]]` timeline: each event names a step, optionally the run it
/// applies to (`run = "label"`, default every run), and a `loss` and/or
/// `optimizer` table merged by the `[[compare]]` rules over what the run has
/// at that point. Steps must be ≥ 0 and strictly increasing per run.
extension PresetDocument {
    func readEvents(into runs: inout [RunEntry], tables: [PresetTable], top: PresetReader) throws {
        guard let v = root["events"] else { return }
        guard let list = v.array, list.allSatisfy({ $0.table != nil }) else {
            throw top.fail("", "events", "expected [[events]] tables, got \(v.type)")
        }
        var lossTables = tables.map { $0["loss"]?.table ?? PresetTable() }
        var optimizerTables = tables.map { $0["optimizer"]?.table ?? PresetTable() }
        var current = runs.map(\.spec)  // each run's spec after the events read so far
        for (i, value) in list.enumerated() {
            let e = value.table!
            let here = "events[\(i)]"
            let origin: (String, String?) -> KeyOrigin = { s, key in
                fileOrigin(
                    table: s.isEmpty ? here : "\(here).\(s)", key: key,
                    name: (["events"] + [s].filter { !$0.isEmpty } + [key].compactMap { $0 }).joined(separator: "."))
            }
            let reader = PresetReader(table: e, origin: origin)
            try reader.refuseUnknown(e, "", known: Self.eventKeys)
            guard let step = try reader.integer(e, "", "step") else { throw reader.fail("", nil, "an event needs a step") }
            try reader.check(step >= 0 && step <= PresetReader.maxSteps, "", "step", "must be in 0…\(PresetReader.maxSteps), got \(step)")
            var targets = Array(runs.indices)
            if let label = try reader.string(e, "", "run") {
                guard let r = runs.firstIndex(where: { $0.label == label }) else {
                    throw reader.fail("", "run", "no run is labelled \"\(label)\" (runs: \(runs.map { "\"\($0.label)\"" }.joined(separator: ", ")))")
                }
                targets = [r]
            }
            let lossChange = try e["loss"].map { v -> PresetTable in
                guard let t = v.table else { throw reader.fail("", "loss", "expected a table, got \(v.type)") }
                return t
            }
            let optimizerChange = try e["optimizer"].map { v -> PresetTable in
                guard let t = v.table else { throw reader.fail("", "optimizer", "expected a table, got \(v.type)") }
                return t
            }
            if lossChange == nil && optimizerChange == nil { throw reader.fail("", nil, "an event needs a loss or an optimizer table") }
            for r in targets {
                var spec = current[r]
                if let last = runs[r].events.last, step <= last.step {
                    throw reader.fail("", "step", "\(step) is not after the previous event of run \"\(runs[r].label)\" (step \(last.step))")
                }
                var event = RunEvent(step: step, changes: [])
                let sectionReader = PresetReader(table: tables[r]) { s, key in
                    let fromEvent = key.map { k in (s == "loss" ? lossChange : optimizerChange)?[k] != nil } ?? false
                    return fromEvent ? origin(s, key) : baseOrigin(s, key)
                }
                if let change = lossChange {
                    let (table, _) = Self.merge("loss", base: lossTables[r], changes: change, baseSpec: spec)
                    let loss = try sectionReader.readLoss(table, family: spec.family, dataKind: spec.data.kind, classes: spec.data.classes)
                    event.changes += lossChanges(from: spec.loss, to: loss)
                    event.loss = loss
                    spec.loss = loss
                    lossTables[r] = table
                }
                if let change = optimizerChange {
                    let (table, _) = Self.merge("optimizer", base: optimizerTables[r], changes: change, baseSpec: spec)
                    let optimizer = try sectionReader.readOptimizer(table)
                    event.changes += optimizerChanges(from: spec.optimizer, to: optimizer, steps: spec.steps)
                    event.optimizer = optimizer
                    spec.optimizer = optimizer
                    optimizerTables[r] = table
                }
                runs[r].events.append(event)
                current[r] = spec
            }
        }
    }
}
