import Foundation
import Learning

/// A run folder read back (`sweep --collect`): its setup from config.toml and its
/// final metrics from the last line of metrics.jsonl, giving the same `RunSummary`
/// as the run that wrote it.
public enum RunFolderSummary {
    /// The summary and whether the run is regression.
    public static func read(_ folder: URL) throws -> (RunSummary, Bool) {
        let session = try Preset.load(path: folder.appendingPathComponent("config.toml").path)
        let entry = session.runs[0]
        guard let text = try? String(contentsOf: folder.appendingPathComponent("metrics.jsonl"), encoding: .utf8),
            let line = text.split(separator: "\n").last, let object = flatObject(String(line))
        else { throw RunFolderError("\(folder.path)/metrics.jsonl is missing or its last line is not a metrics line") }
        // numbers read with Swift's correctly rounded parser, so they print back as written
        func number(_ key: String) -> Double? { object[key].flatMap { Double($0) } }
        func present(_ key: String) -> Bool { object[key] != nil }
        let step = object["step"].flatMap { Int($0) } ?? 0
        var r = MetricRecord(
            step: step, trainLoss: number("train_loss") ?? .nan,
            testLoss: present("test_loss") ? number("test_loss") ?? .nan : nil,
            trainAccuracy: present("train_acc") ? number("train_acc") ?? .nan : nil,
            testAccuracy: present("test_acc") ? number("test_acc") ?? .nan : nil,
            cleanTrainAccuracy: present("clean_train_acc") ? number("clean_train_acc") ?? .nan : nil,
            gradNorm: number("grad_norm") ?? .nan, weightNorm: number("weight_norm") ?? .nan,
            learningRate: number("lr") ?? .nan,
            testNLL: present("test_nll") ? number("test_nll") ?? .nan : nil,
            testMSE: present("test_mse") ? number("test_mse") ?? .nan : nil)
        r.divergedAt = object["diverged_at"].flatMap { Int($0) }
        // the last spec of the timeline is the one the run ended with
        var spec = entry.spec
        for e in entry.events where e.step <= (r.divergedAt ?? step) {
            if let l = e.loss { spec.loss = l }
            if let o = e.optimizer { spec.optimizer = o }
        }
        let steps = r.divergedAt ?? step
        let summary = RunSummary(
            label: entry.label, loss: spec.loss.name, optimizer: spec.optimizer.kind.rawValue,
            learningRate: spec.optimizer.learningRate, steps: steps, final: r, divergedAt: r.divergedAt)
        return (summary, spec.family == .regression)
    }

    /// The raw value tokens of a flat JSON object line (`{"a":1,"b":"x,y","c":null}`): strings
    /// keep their quotes, numbers their text. nil when the line is not such an object.
    static func flatObject(_ line: String) -> [String: String]? {
        let chars = Array(line.trimmingCharacters(in: .whitespaces))
        guard chars.first == "{", chars.last == "}" else { return nil }
        var out: [String: String] = [:]
        var i = 1
        func skipSpace() { while i < chars.count - 1 && chars[i] == " " { i += 1 } }
        func string() -> String? {
            guard chars[i] == "\"" else { return nil }
            var j = i + 1
            while j < chars.count && chars[j] != "\"" { j += chars[j] == "\\" ? 2 : 1 }
            guard j < chars.count else { return nil }
            defer { i = j + 1 }
            return String(chars[(i + 1)..<j])
        }
        while i < chars.count - 1 {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard i < chars.count, chars[i] == ":" else { return nil }
            i += 1
            skipSpace()
            let start = i
            if chars[i] == "\"" {
                guard string() != nil else { return nil }
            } else {
                while i < chars.count - 1 && chars[i] != "," { i += 1 }
            }
            out[key] = String(chars[start..<i]).trimmingCharacters(in: .whitespaces)
            skipSpace()
            if i < chars.count - 1 && chars[i] == "," { i += 1 }
        }
        return out
    }
}
