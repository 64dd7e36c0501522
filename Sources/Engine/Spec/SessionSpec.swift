import Foundation
import Learning

/// One run of a session: its label (distinct within the session) and its spec,
/// with the timeline of changes since its last restart.
public struct RunEntry: Equatable, Sendable {
    public var label: String
    public var spec: RunSpec
    public var events: [RunEvent]

    public init(label: String, spec: RunSpec, events: [RunEvent] = []) {
        self.label = label
        self.spec = spec
        self.events = events
    }

    /// The folder name of this run in a comparison's run folder: the label lower-cased,
    /// every run of characters other than ASCII letters and digits replaced by `-`, trimmed.
    public var slug: String { RunEntry.slug(label) }

    public static func slug(_ label: String) -> String {
        var out = ""
        var dash = false
        for c in label.lowercased().unicodeScalars {
            if c.isASCII && (("a"..."z").contains(c) || ("0"..."9").contains(c)) {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "run" : out
    }
}

/// How the playground plays a preset: its target speed and whether it starts running.
public enum PlaybackSpeed: Equatable, Sendable, CustomStringConvertible {
    case stepsPerSecond(Int)
    case max

    /// The ladder of target rates (steps per second), then `max`.
    public static let ladder = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]

    /// The ladder value nearest to `steps / 10` on a log scale, so a preset plays in about ten seconds.
    public static func forSteps(_ steps: Int) -> PlaybackSpeed {
        let target = Swift.max(Double(steps) / 10, 1)
        let best = ladder.min { abs(log(Double($0)) - log(target)) < abs(log(Double($1)) - log(target)) } ?? 100
        return .stepsPerSecond(best)
    }

    /// "200/s" or "max".
    public var description: String {
        switch self {
        case .stepsPerSecond(let r): return "\(r)/s"
        case .max: return "max"
        }
    }

    /// The preset's text: a ladder value or "max".
    public var presetValue: String {
        switch self {
        case .stepsPerSecond(let r): return "\(r)"
        case .max: return "\"max\""
        }
    }

    /// One rung up (`+1`) or down (`−1`) the ladder; `max` is above 10000.
    public func moved(_ direction: Int) -> PlaybackSpeed {
        let rungs = PlaybackSpeed.ladder.map { PlaybackSpeed.stepsPerSecond($0) } + [.max]
        let i = rungs.firstIndex(of: self) ?? rungs.count - 1
        return rungs[Swift.min(Swift.max(i + direction, 0), rungs.count - 1)]
    }

    /// Parses "max" or a ladder value; nil otherwise.
    public init?(text: String) {
        if text == "max" { self = .max; return }
        guard let r = Int(text), PlaybackSpeed.ladder.contains(r) else { return nil }
        self = .stepsPerSecond(r)
    }
}

/// Everything a preset describes: 1–4 runs that share data, seed and steps
/// (the base preset is run 1, each `[[compare]]` table adds one), their
/// timelines, and how the playground plays them.
public struct SessionSpec: Equatable, Sendable {
    public var runs: [RunEntry]
    /// nil: the ladder value nearest to steps/10 (``PlaybackSpeed/forSteps(_:)``).
    public var speed: PlaybackSpeed?
    /// Whether the playground starts paused (`start = "paused"`).
    public var startPaused = false

    public static let maxRuns = 4

    public init(runs: [RunEntry], speed: PlaybackSpeed? = nil, startPaused: Bool = false) {
        self.runs = runs
        self.speed = speed
        self.startPaused = startPaused
    }

    /// A session of one run.
    public init(_ spec: RunSpec) {
        self.init(runs: [RunEntry(label: spec.loss.name, spec: spec)])
    }

    /// The first run's spec (the base preset).
    public var base: RunSpec { runs[0].spec }

    /// The speed the playground starts at.
    public var effectiveSpeed: PlaybackSpeed { speed ?? .forSteps(base.steps) }

    /// Default labels: the loss name; `loss/optimizer` where that is needed to tell runs
    /// apart; then the first differing field (e.g. `adam lr=0.1`) where those still collide.
    public static func defaultLabels(_ specs: [RunSpec]) -> [String] {
        var labels = specs.map { $0.loss.name }
        func collide(_ i: Int) -> Bool { labels.enumerated().contains { $0.offset != i && $0.element == labels[i] } }
        let needOptimizer = labels.indices.filter(collide)
        for i in needOptimizer { labels[i] = "\(specs[i].loss.name)/\(specs[i].optimizer.kind.rawValue)" }
        let still = labels.indices.filter(collide)
        for i in still {
            let others = still.filter { $0 != i }.map { specs[$0] }
            if let field = firstDifference(specs[i], from: others) { labels[i] = "\(specs[i].optimizer.kind.rawValue) \(field)" }
        }
        // distinct in the end, whatever the specs
        for i in labels.indices where collide(i) {
            var n = 2
            while labels.contains("\(labels[i]) #\(n)") { n += 1 }
            labels[i] = "\(labels[i]) #\(n)"
        }
        return labels
    }

    /// "lr=0.1": the first field (loss parameters, then optimizer, then model) in which `spec`
    /// differs from any of `others`.
    static func firstDifference(_ spec: RunSpec, from others: [RunSpec]) -> String? {
        for o in others {
            if let c = lossChanges(from: o.loss, to: spec.loss).first { return short(c) }
            if let c = optimizerChanges(from: o.optimizer, to: spec.optimizer, steps: spec.steps).first { return short(c) }
            if o.model.hidden != spec.model.hidden { return "hidden=\(spec.model.hidden.map(String.init).joined(separator: "-"))" }
            if o.model.activation != spec.model.activation { return spec.model.activation.rawValue }
        }
        return nil
    }

    static func short(_ c: RunEvent.Change) -> String {
        let key = c.key.split(separator: ".").last.map(String.init) ?? c.key
        return "\(key == "learning_rate" ? "lr" : key)=\(c.value)"
    }
}
