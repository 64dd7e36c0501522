import Foundation
import Learning

/// A parsed preset file with its `--set` overrides, read into a `SessionSpec`:
/// the base run, one run per `[[compare]]` table (merged over the base), the
/// `[[events]]` timeline of each run, and the playback keys.
struct PresetDocument {
    let file: String
    private(set) var root: PresetTable
    let locator: KeyLocator
    /// Dotted paths whose value comes from `--set`.
    private(set) var setPaths: Set<String> = []

    /// Top-level keys of the document (the run's keys plus these).
    static let documentKeys = ["label", "speed", "start", "compare", "events"]
    static let compareKeys = ["label", "loss", "optimizer", "model"]
    static let eventKeys = ["step", "run", "loss", "optimizer"]
    static let maxCompare = SessionSpec.maxRuns - 1

    init(text: String, file: String) throws {
        self.file = file
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw PresetError(file: file, "the preset is empty")
        }
        do {
            root = try TOMLReader.parse(text)
        } catch let e as TOMLReader.TOMLError {
            throw PresetError(file: file, line: e.line, "TOML syntax: \(e.message)")
        }
        locator = KeyLocator(text)
    }

    // MARK: - --set

    /// Applies `KEY=VALUE` overrides: KEY is a dotted path (`loss.gamma`), VALUE a TOML value,
    /// or a plain string when it does not parse as one. Setting `loss.name` drops the old
    /// loss's own parameters (the class weighting keys stay).
    mutating func apply(_ overrides: [String]) throws {
        for o in overrides {
            guard let eq = o.firstIndex(of: "=") else { throw PresetError(file: "--set", "\(o): expected KEY=VALUE") }
            let key = String(o[..<eq]).trimmingCharacters(in: " \t")
            let text = String(o[o.index(after: eq)...]).trimmingCharacters(in: " \t")
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !path.contains(where: \.isEmpty) else { throw PresetError(file: "--set", "\(o): the key is empty or has an empty part") }
            if ["compare", "events"].contains(path[0]) {
                throw PresetError(file: "--set", "\(key): [[\(path[0])]] tables cannot be set from the command line")
            }
            let value = PresetValue.parse(text) ?? .string(text)
            if path == ["loss", "name"], case .table(var loss)? = root["loss"] {
                for k in loss.keys where !["name", "weighting", "weighting_beta"].contains(k) { loss[k] = nil }
                root["loss"] = .table(loss)
            }
            try set(path, value, in: &root, prefix: [])
            setPaths.insert(key)
        }
    }

    private func set(_ path: [String], _ value: PresetValue, in table: inout PresetTable, prefix: [String]) throws {
        if path.count == 1 {
            table[path[0]] = value
            return
        }
        var child: PresetTable
        switch table[path[0]] {
        case nil: child = PresetTable()
        case .table(let t)?: child = t
        case let v?:
            let name = (prefix + [path[0]]).joined(separator: ".")
            throw PresetError(file: "--set", "\(name): is a \(v.type), not a table")
        }
        try set(Array(path.dropFirst()), value, in: &child, prefix: prefix + [path[0]])
        table[path[0]] = .table(child)
    }

    // MARK: - origins

    /// Where a key of the base preset came from.
    func baseOrigin(_ section: String, _ key: String?) -> KeyOrigin {
        let name = key.map { section.isEmpty ? $0 : "\(section).\($0)" } ?? section
        if setPaths.contains(name) { return KeyOrigin(file: "--set", line: nil, name: name) }
        // a key that is a table is found at its header
        let line = locator.line(table: section, key: key) ?? key.flatMap { locator.line(table: section.isEmpty ? $0 : "\(section).\($0)", key: nil) }
        return KeyOrigin(file: file, line: line, name: name)
    }

    /// Where a key written in table `table` of the file came from (e.g. `compare[1].loss`), named `name`.
    func fileOrigin(table: String, key: String?, name: String) -> KeyOrigin {
        KeyOrigin(file: file, line: locator.line(table: table, key: key), name: name)
    }

    // MARK: - reading

    /// The run's own table: the document without its document-level keys.
    var runTable: PresetTable {
        var t = root
        for k in Self.documentKeys { t[k] = nil }
        return t
    }

    func session(baseDirectory: String?) throws -> SessionSpec {
        let top = PresetReader(table: root, origin: baseOrigin)
        try top.refuseUnknown(root, "", known: PresetReader.topKeys + Self.documentKeys)
        var base = try PresetReader(table: runTable, origin: baseOrigin).read()
        // a CSV's header decides its task: without a [loss] table, regression data gets mse
        if base.data.kind == .csv, root["loss"] == nil, base.data.csvHeaderIsClassification(baseDirectory: baseDirectory) == false {
            base.loss = LossSpec(name: "mse")
        }
        var runs = [(label: try top.string(root, "", "label"), spec: base, table: runTable, index: -1)]
        runs += try compareRuns(base: base, top: top)
        // explicit labels must be distinct; default ones make way for them
        // default labels tell apart the runs that have none
        let unlabelled = runs.indices.filter { runs[$0].label == nil }
        var defaults = runs.map { $0.spec.loss.name }
        for (i, l) in zip(unlabelled, SessionSpec.defaultLabels(unlabelled.map { runs[$0].spec })) { defaults[i] = l }
        var labels: [String] = []
        for r in runs {
            guard let l = r.label else { continue }
            let o = r.index < 0 ? baseOrigin("", "label") : fileOrigin(table: "compare[\(r.index)]", key: "label", name: "compare.label")
            if l.trimmingCharacters(in: " \t").isEmpty { throw PresetError(file: o.file, line: o.line, "\(o.name): must not be empty") }
            if labels.contains(l) {
                throw PresetError(file: o.file, line: o.line, "\(o.name): \"\(l)\" labels another run too (labels must be distinct)")
            }
            labels.append(l)
        }
        labels = []
        for (i, r) in runs.enumerated() {
            var l = r.label ?? defaults[i]
            if r.label == nil {
                var n = 2
                let base = l
                while labels.contains(l) || runs.contains(where: { $0.label == l }) {
                    l = "\(base) #\(n)"
                    n += 1
                }
            }
            labels.append(l)
        }
        var entries = zip(labels, runs).map { RunEntry(label: $0, spec: $1.spec) }
        try readEvents(into: &entries, tables: runs.map(\.table), top: top)
        var session = SessionSpec(runs: entries)
        session.speed = try readSpeed(top)
        if let start = try top.string(root, "", "start") {
            try top.check(["running", "paused"].contains(start), "", "start", "must be \"running\" or \"paused\", got \"\(start)\"")
            session.startPaused = start == "paused"
        }
        return session
    }

    func readSpeed(_ top: PresetReader) throws -> PlaybackSpeed? {
        guard let v = root["speed"] else { return nil }
        let ladder = PlaybackSpeed.ladder.map(String.init).joined(separator: ", ")
        if let s = v.string {
            try top.check(s == "max", "", "speed", "must be a ladder value (\(ladder)) or \"max\", got \"\(s)\"")
            return .max
        }
        guard let r = v.int, PlaybackSpeed.ladder.contains(r) else {
            throw top.fail("", "speed", "must be a ladder value (\(ladder)) or \"max\", got \(v.int.map(String.init) ?? v.type)")
        }
        return .stepsPerSecond(r)
    }

    /// One run per `[[compare]]` table: the base with the table's loss, optimizer and model merged over it.
    func compareRuns(base: RunSpec, top: PresetReader) throws -> [(label: String?, spec: RunSpec, table: PresetTable, index: Int)] {
        guard let v = root["compare"] else { return [] }
        guard let list = v.array, list.allSatisfy({ $0.table != nil }) else {
            throw top.fail("", "compare", "expected [[compare]] tables, got \(v.type)")
        }
        if list.count > Self.maxCompare {
            let o = fileOrigin(table: "compare[\(Self.maxCompare)]", key: nil, name: "compare")
            throw PresetError(
                file: o.file, line: o.line, "compare: at most \(Self.maxCompare) [[compare]] tables (\(SessionSpec.maxRuns) runs), got \(list.count)")
        }
        return try list.enumerated().map { k, value in
            let ct = value.table!
            let where_ = "compare[\(k)]"
            let origin: (String, String?) -> KeyOrigin = { s, key in
                fileOrigin(
                    table: s.isEmpty ? where_ : "\(where_).\(s)", key: key, name: "compare." + (key.map { s.isEmpty ? $0 : "\(s).\($0)" } ?? s))
            }
            let compareReader = PresetReader(table: ct, origin: origin)
            for key in ct.keys where !Self.compareKeys.contains(key) {
                throw compareReader.fail(
                    "", key,
                    "not allowed in a [[compare]] table (a run has its own label, loss, optimizer and model; data, seed and steps are shared)")
            }
            let label = try compareReader.string(ct, "", "label")
            var merged = runTable
            var moved: Set<String> = []
            for section in ["loss", "optimizer", "model"] {
                guard let v = ct[section] else { continue }
                guard let changes = v.table else { throw compareReader.fail("", section, "expected a table, got \(v.type)") }
                let (table, fromCompare) = Self.merge(
                    section, base: runTable[section]?.table ?? PresetTable(), changes: changes,
                    baseSpec: base)
                merged[section] = .table(table)
                for key in fromCompare { moved.insert("\(section).\(key)") }
            }
            let reader = PresetReader(table: merged) { s, key in
                let path = key.map { "\(s).\($0)" } ?? s
                return moved.contains(path) ? origin(s, key) : baseOrigin(s, key)
            }
            return (label, try reader.read(), merged, k)
        }
    }

    /// `changes` merged over `base` by the rules of `[[compare]]` and `[[events]]`: a loss table
    /// naming another loss replaces the base (its parameters do not carry over); otherwise keys
    /// merge, and an optimizer `name` change drops the keys the new optimizer does not take.
    /// Returns the table and the keys that came from `changes`.
    static func merge(_ section: String, base: PresetTable, changes: PresetTable, baseSpec: RunSpec) -> (PresetTable, [String]) {
        var out = base
        switch section {
        case "loss":
            if let name = changes["name"]?.string, name != baseSpec.loss.name { out = PresetTable() }
        case "optimizer":
            if let name = changes["name"]?.string, name != baseSpec.optimizer.kind.rawValue {
                let kind = OptimizerKind(rawValue: name)
                let base = OptimizerKind(rawValue: changes["base"]?.string ?? "") ?? baseSpec.optimizer.base
                for k in out.keys where !OptimizerSpec.accepts(k, kind: kind, base: base) { out[k] = nil }
            }
        default: break
        }
        for k in changes.keys { out[k] = changes[k] }
        return (out, changes.keys)
    }
}

extension OptimizerSpec {
    /// Whether optimizer `kind` (with `base` for SAM) takes the preset key `key`
    /// (an unknown kind takes every key; the reader names the bad name first).
    public static func accepts(_ key: String, kind: OptimizerKind?, base: OptimizerKind) -> Bool {
        guard let kind else { return true }
        let rule = kind == .sam ? base : kind
        switch key {
        case "momentum": return [.momentum, .nesterov].contains(rule)
        case "beta1", "beta2": return [.adam, .adamw].contains(rule)
        case "alpha": return rule == .rmsprop
        case "eps": return [.adagrad, .rmsprop, .adam, .adamw].contains(rule)
        case "rho", "base": return kind == .sam
        default: return true
        }
    }
}
