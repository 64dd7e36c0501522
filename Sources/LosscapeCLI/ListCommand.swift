import ArgumentParser
import Engine
import Learning
import TUI

/// `losscape list …`: the names losscape knows, one line each.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List losses, datasets, optimizers, activations or presets, one per line.")

    enum Topic: String, ExpressibleByArgument, CaseIterable {
        case losses, datasets, optimizers, activations, presets, keys
    }

    @Argument(help: "What to list: \(Topic.allCases.map(\.rawValue).joined(separator: ", ")).")
    var topic: Topic

    func run() throws {
        for line in lines() { print(line) }
    }

    func lines() -> [String] {
        switch topic {
        case .losses:
            return LossCatalog.entries.map { e in
                let i = e.info
                let params = i.parameters.map { "\($0.name)=\(formatParameter($0.defaultValue))" }.joined(separator: " ")
                // the task, and the head the loss needs beyond logits (cos: a cosine head; pair: an embedding head)
                let kind = i.family == .regression ? "regr" : (i.head == .cosine ? "cos" : (i.head == .embedding ? "pair" : "class"))
                return pad(i.id, 19) + pad(kind, 6) + pad(params, 30) + i.summary
                    + (i.paper.isEmpty ? "" : " — " + i.paper)
            }
        case .datasets:
            return DatasetKind.allCases.map { k in
                pad(k.rawValue, 14) + pad(k.isRegression ? "regr" : (k == .csv ? "file" : "class"), 6)
                    + pad(k == .csv || k.isRegression ? "" : "classes \(k.allowedClassesText)", 14) + k.summary
            }
        case .optimizers:
            return OptimizerKind.allCases.map { pad($0.rawValue, 10) + $0.summary }
        case .activations:
            return Activation.allCases.map { pad($0.rawValue, 12) + activationSummary($0) }
        case .keys:
            return KeyMap.entries.map { pad($0.keys, 14) + $0.action }
        case .presets:
            let all = PresetLookup.all()
            if all.isEmpty { return ["(no presets folder found; run from the repository or set LOSSCAPE_PRESETS)"] }
            return all.map { p in
                let d = (try? Preset.load(path: p.path)).map { $0.base.description } ?? "(invalid preset)"
                return pad(p.name, 20) + d
            }
        }
    }

    func activationSummary(_ a: Activation) -> String {
        switch a {
        case .relu: return "max(0, x)"
        case .tanh: return "tanh x"
        case .sigmoid: return "1/(1 + e^−x)"
        case .leakyRelu: return "max(0.01x, x)"
        case .gelu: return "x·Φ(x), exact erf form"
        case .sin: return "sin x"
        case .linear: return "x (no nonlinearity)"
        }
    }
}

/// Left-aligns `s` in `width` columns (at least one space after).
func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
}
