import Foundation

/// A sweep: the Cartesian product of varied preset keys (and seeds), each
/// combination one `losscape run PRESET --set …`. The plan is what `--plan`
/// writes beside the run folders, so `--collect` can rebuild the results.
public struct SweepPlan: Equatable, Sendable {
    /// One varied key and its values (as written on the command line).
    public struct Axis: Equatable, Sendable {
        public var key: String
        public var values: [String]
        public init(key: String, values: [String]) {
            self.key = key
            self.values = values
        }
    }

    /// One combination: a value per axis (in axis order) and a seed.
    public struct Combination: Equatable, Sendable {
        public var values: [String]
        public var seed: UInt64
        /// `--set` arguments for this combination (the axes, then the seed when swept).
        public func overrides(_ plan: SweepPlan) -> [String] {
            zip(plan.axes, values).map { "\($0.key)=\($1)" } + (plan.seeds != nil ? ["seed=\(seed)"] : [])
        }
    }

    public var axes: [Axis]
    /// nil: the preset's seed only; else that many seeds from the preset's.
    public var seeds: Int?
    public var baseSeed: UInt64

    public init(axes: [Axis], seeds: Int?, baseSeed: UInt64) {
        self.axes = axes
        self.seeds = seeds
        self.baseSeed = baseSeed
    }

    /// Every combination: the first axis varies slowest, seeds fastest.
    public var combinations: [Combination] {
        var out: [[String]] = [[]]
        for a in axes { out = out.flatMap { prefix in a.values.map { prefix + [$0] } } }
        let seedList = (0..<UInt64(seeds ?? 1)).map { baseSeed &+ $0 }
        return out.flatMap { v in seedList.map { Combination(values: v, seed: $0) } }
    }

    /// The run folder name of combination `i` (0-based): its 1-based number, zero-padded.
    public func id(_ i: Int) -> String {
        let width = String(max(combinations.count, 1)).count
        let n = String(i + 1)
        return String(repeating: "0", count: width - n.count) + n
    }

    /// Splits `KEY=V1,V2,…` on commas outside brackets, braces and quotes:
    /// `model.hidden=[8,8],[32,32]` has two values.
    public static func parseVary(_ text: String) throws -> Axis {
        guard let eq = text.firstIndex(of: "=") else { throw SweepError("--vary \(text): expected KEY=V1,V2,…") }
        let key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { throw SweepError("--vary \(text): the key is empty") }
        var values: [String] = [], current = "", depth = 0
        var quote: Character?
        for c in text[text.index(after: eq)...] {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth -= 1
            } else if c == "," && depth == 0 {
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(c)
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        guard quote == nil, depth == 0 else { throw SweepError("--vary \(text): unbalanced brackets or quotes") }
        guard !values.contains(where: \.isEmpty) else { throw SweepError("--vary \(text): an empty value") }
        return Axis(key: key, values: values)
    }

    // MARK: - the plan file (sweep.json)

    /// `{"axes": [{"key": …, "values": [...]}, …], "seeds": N or null, "base_seed": S}`.
    public var json: String {
        let axesText = axes.map { a in
            "{\"key\":\(JSONText.string(a.key)),\"values\":[\(a.values.map(JSONText.string).joined(separator: ","))]}"
        }.joined(separator: ",")
        return "{\"axes\":[\(axesText)],\"seeds\":\(seeds.map(String.init) ?? "null"),\"base_seed\":\(baseSeed)}\n"
    }

    public init(json text: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let axes = object["axes"] as? [[String: Any]], let base = object["base_seed"] as? NSNumber
        else { throw SweepError("sweep.json: not a sweep plan") }
        self.axes = try axes.map { a in
            guard let key = a["key"] as? String, let values = a["values"] as? [String] else {
                throw SweepError("sweep.json: an axis needs a key and values")
            }
            return Axis(key: key, values: values)
        }
        seeds = (object["seeds"] as? NSNumber)?.intValue
        baseSeed = base.uint64Value
    }
}

/// A sweep that cannot run as asked; one line naming the option.
public struct SweepError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// The results of a sweep: results.csv (one row per combination) and the pivot table.
public enum SweepResults {
    /// The header: the varied keys, `seed`, then summary.csv's columns from `train_loss` on.
    public static func header(_ plan: SweepPlan) -> [String] {
        plan.axes.map(\.key) + ["seed"] + RunSummary.header.drop { $0 != "train_loss" }
    }

    /// The row of a combination with its run's summary.
    public static func row(_ c: SweepPlan.Combination, _ summary: RunSummary) -> [String] {
        c.values + [String(c.seed)] + Array(summary.cells.dropFirst(RunSummary.header.firstIndex(of: "train_loss")!))
    }

    /// Rows = the first varied key's values, columns = the second's (if any); each cell the
    /// mean ± sd of the final test accuracy over seeds (`test_mse` for regression), as text.
    public static func pivot(_ plan: SweepPlan, rows: [(SweepPlan.Combination, RunSummary)], regression: Bool) -> String {
        let metric = regression ? "test_mse" : "test_acc"
        func value(_ s: RunSummary) -> Double? { regression ? s.final?.testMSE : s.final?.testAccuracy }
        let rowAxis = plan.axes.first, colAxis = plan.axes.count > 1 ? plan.axes[1] : nil
        let rowValues = rowAxis?.values ?? [""], colValues = colAxis?.values ?? [metric]
        var table: [[String]] = [[(rowAxis?.key ?? "") + (colAxis.map { " \\ \($0.key)" } ?? "")] + colValues]
        for r in rowValues {
            var line = [r]
            for c in colValues {
                let xs = rows.filter { (combo, _) in
                    (rowAxis == nil || combo.values[0] == r) && (colAxis == nil || combo.values[1] == c)
                }.compactMap { value($0.1) }.filter(\.isFinite)
                line.append(meanSD(xs, percent: !regression))
            }
            table.append(line)
        }
        let note =
            "\(metric) over \(plan.seeds ?? 1) seed\((plan.seeds ?? 1) == 1 ? "" : "s") (mean ± sd)"
            + (plan.axes.count > 2 ? "; averaged over \(plan.axes.dropFirst(2).map(\.key).joined(separator: ", "))" : "")
        return CSVText.table(table) + note + "\n"
    }

    /// "84.1 ± 2.3" (percent) or "0.0123 ± 0.0011"; "–" without values; one value without ±.
    static func meanSD(_ xs: [Double], percent: Bool) -> String {
        guard !xs.isEmpty else { return "–" }
        let scale = percent ? 100.0 : 1
        let m = xs.reduce(0, +) / Double(xs.count)
        let sd = xs.count > 1 ? (xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)).squareRoot() : nil
        func f(_ x: Double) -> String { percent ? String(format: "%.1f", x * scale) : String(format: "%.4g", x) }
        return sd.map { "\(f(m)) ± \(f($0))" } ?? f(m)
    }
}
