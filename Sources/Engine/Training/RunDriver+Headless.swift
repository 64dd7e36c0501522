import Foundation
import Learning

/// A run trained without a screen: `losscape run`, `sweep`, and each run of a comparison.
extension RunDriver {
    /// Trains to the run's `steps` (or divergence, or `cancel()`), logging every `logEvery`
    /// steps and the last; returns metrics.jsonl's text. `progress` sees the step after each update.
    public func trainHeadless(logEvery: Int, cancel: () -> Bool = { false }, progress: ((Int) -> Void)? = nil) -> String {
        var lines: [String] = []
        let target = spec.steps
        while step < target && !health.isDiverged && !cancel() {
            self.step(logEvery: logEvery) { lines.append(MetricsFile.line($0)) }
            progress?(step)
        }
        if !health.isDiverged && !cancel() { finish { lines.append(MetricsFile.line($0)) } }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The metrics at the end: the last record (at the final step, or where the run diverged).
    public var finalRecord: MetricRecord? { trainer.lastRecord }

    /// Where the run diverged, or nil.
    public var divergedAt: Int? {
        if case .diverged(let step, _) = health { return step }
        return nil
    }
}

/// The files of a run folder (config.toml, data.csv, weights-init.json,
/// weights-final.json, metrics.jsonl, analysis.json), the same whether the run was a preset
/// of its own or one run of a comparison: config.toml holds that run alone
/// (with its label, its timeline, and the preset's playback keys), so
/// `losscape run DIR/config.toml` writes the same folder again.
public enum RunFolderContents {
    public static func files(_ driver: RunDriver, metrics: String, session: SessionSpec, baseDirectory: String?) -> [(String, String)] {
        var entry = driver.entry
        if let p = entry.spec.data.resolvedPath(baseDirectory: baseDirectory) {
            entry.spec.data.path = URL(fileURLWithPath: p).standardizedFileURL.path
        }
        entry.spec.dataTask = nil
        let own = SessionSpec(runs: [entry], speed: session.speed, startPaused: session.startPaused)
        let t = driver.trainer
        return [
            ("config.toml", PresetWriter.toml(own)),
            ("data.csv", DataFile.csv(t.dataset, labelNoise: t.spec.data.labelNoise > 0 && t.dataset.task.isClassification)),
            ("weights-init.json", WeightsFile.json(t.initialModel)),
            ("weights-final.json", WeightsFile.json(t.model)),
            ("metrics.jsonl", metrics),
            ("analysis.json", RunAnalysis(model: t.model, dataset: t.dataset, loss: t.loss, step: t.step).json),
        ]
    }
}

/// One row of a comparison's summary.csv (and of a sweep's results.csv): the run's
/// setup and its final metrics. `train_loss`/`test_loss` are each run's own objective;
/// `test_nll` / `test_mse` are the common yardstick.
public struct RunSummary: Sendable {
    public var label: String
    public var loss: String
    public var optimizer: String
    public var learningRate: Double
    public var steps: Int
    public var final: MetricRecord?
    public var divergedAt: Int?

    public static let header = [
        "label", "loss", "optimizer", "learning_rate", "steps", "train_loss", "test_loss",
        "train_acc", "test_acc", "clean_train_acc", "test_nll", "test_mse", "diverged_at",
    ]

    public init(
        label: String, loss: String, optimizer: String, learningRate: Double, steps: Int,
        final: MetricRecord?, divergedAt: Int?
    ) {
        self.label = label
        self.loss = loss
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.steps = steps
        self.final = final
        self.divergedAt = divergedAt
    }

    public init(_ d: RunDriver) {
        self.init(
            label: d.label, loss: d.spec.loss.name, optimizer: d.spec.optimizer.kind.rawValue,
            learningRate: d.spec.optimizer.learningRate, steps: d.step, final: d.finalRecord, divergedAt: d.divergedAt)
    }

    /// A number as metrics.jsonl writes it (the shortest text that reads back to the same value);
    /// "" where it does not apply or is not finite (metrics.jsonl's null; `diverged_at` says why).
    public static func cell(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return JSONText.number(x)
    }

    /// The cells, in `header` order.
    public var cells: [String] {
        let r = final
        return [
            label, loss, optimizer, JSONText.number(learningRate), "\(steps)", Self.cell(r?.trainLoss), Self.cell(r?.testLoss),
            Self.cell(r?.trainAccuracy), Self.cell(r?.testAccuracy), Self.cell(r?.cleanTrainAccuracy),
            Self.cell(r?.testNLL), Self.cell(r?.testMSE), divergedAt.map(String.init) ?? "",
        ]
    }
}

/// CSV text: fields with a comma, quote or line break are quoted (RFC 4180).
public enum CSVText {
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }

    /// Columns padded to their widest cell (for the terminal).
    public static func table(_ rows: [[String]]) -> String {
        guard let n = rows.map(\.count).max() else { return "" }
        let widths = (0..<n).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, s in c == row.count - 1 ? s : s + String(repeating: " ", count: widths[c] - s.count) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
