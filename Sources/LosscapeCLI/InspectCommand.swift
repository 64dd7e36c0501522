import ArgumentParser
import Learning
import Render

/// `losscape inspect LOSS`: what a loss is, and the shape of ℓ and its gradient.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a loss: formula, paper, parameters, and plots of ℓ and its gradient.",
        discussion: """
            ℓ and its derivative dℓ/dx are drawn along a stated path x ↦ z(x) through logit space: \
            against p_y for the losses of the softmax probabilities (z_y = log p_y, the other K − 1 \
            classes sharing 1 − p_y), against the logit margin t (z_y = t, other logits 0) for the \
            others, against the loss's own probability for taylor_softmax and sparsemax, against ẑ_y \
            for z_loss, and against the residual e = ŷ − y ∈ [−3, 3] for regression. --json prints \
            the same as one JSON object (loss, task, formula, paper, studied_in, parameters, curve). \
            Exit status: 0, or 1 for an unknown loss or a bad parameter.
            """)

    @Argument(help: "The loss id (see `losscape list losses`).")
    var loss: String

    @Option(
        name: .customLong("param"), parsing: .upToNextOption,
        help: "Parameter values as name=value (repeatable), e.g. --param gamma=3.")
    var params: [String] = []

    @Option(help: "Classes K for the curve (classification; default 2, 3 for z_loss).")
    var classes: Int?

    @Flag(help: "Print what the panel draws as one JSON object instead of text.")
    var json = false

    /// Columns and rows of the two plots together.
    static let plotWidth = 72, plotHeight = 18

    func run() throws {
        do {
            print(try report().joined(separator: "\n"))
        } catch let e as ExitCode {
            throw e
        } catch {
            throw fail("\(error)")
        }
    }

    /// The parsed `--param` values; errors name the key.
    func parameterValues() throws -> [String: Double] {
        var values: [String: Double] = [:]
        for p in params {
            let parts = p.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw LossError("--param \(p): expected name=value")
            }
            guard let v = Double(parts[1]), v.isFinite else {
                throw LossError("loss.\(parts[0]): \"\(parts[1])\" is not a number")
            }
            values[parts[0]] = v
        }
        return values
    }

    /// Everything `inspect` prints, as lines.
    func report() throws -> [String] {
        let values = try parameterValues()
        let info = LossCatalog.entry(loss)?.info
        let family = info?.family ?? .classification
        let k = classes ?? max(2, info?.minClasses ?? 2)
        if family == .classification, let c = classes {
            if !(2...DataSpec.maxClasses).contains(c) {
                throw LossError("--classes: \(c) is outside 2–\(DataSpec.maxClasses)")
            }
            if let info, c < info.minClasses {
                throw LossError("--classes: \(info.id) needs at least \(info.minClasses) classes")
            }
        }
        let context = family == .classification ? LossShape.context(classes: k) : LossContext.regression()
        let made = try LossCatalog.make(loss, parameters: values, context: context, family: family)
        if json { return [self.json(made, values: values, classes: k)] }
        return describe(made.info, values: values, classes: k) + [""] + plot(made, classes: k)
    }

    func describe(_ i: LossInfo, values: [String: Double], classes k: Int) -> [String] {
        var out = [
            "\(i.id)  (\(i.family.rawValue)\(i.minClasses > 2 ? ", K ≥ \(i.minClasses)" : ""))",
            "  \(i.summary)",
            "  formula   \(i.formula)",
        ]
        if let p = LossPapers.byLoss[i.id] {
            out.append("  paper     \(p.origin.title) (\(p.origin.short), \(p.origin.venue))")
            for (n, paper) in p.studiedIn.enumerated() {
                out.append((n == 0 ? "  studied   " : "            ") + "\(paper.title) (\(paper.short), \(paper.venue))")
            }
        }
        if i.parameters.isEmpty {
            out.append("  parameters: none")
        } else {
            out.append("  parameters")
            let width = i.parameters.map(\.name.count).max()!
            for p in i.parameters {
                let v = values[p.name] ?? p.defaultValue
                let note = LossNotes.parameter(i.id, p.name)
                out.append(
                    "    " + pad(p.name, width + 1) + pad("= \(formatParameter(v))", 10)
                        + pad("default \(formatParameter(p.defaultValue))\(note.ours ? " (ours)" : "")", 20)
                        + pad("range \(p.rangeText)", 18) + p.summary)
                if !note.note.isEmpty { out.append("    " + String(repeating: " ", count: width + 1) + "  " + note.note) }
            }
        }
        for caveat in LossNotes.caveats(i.id) { out.append("  caveat    " + caveat) }
        return out
    }

    /// The two plots (ℓ above, dℓ/dx below) and a line saying what they show.
    func plot(_ loss: any LossFunction, classes k: Int) -> [String] {
        let curve = LossShape.curve(loss, classes: k, points: 2 * Self.plotWidth)
        let v = curve.variable
        let caption =
            "ℓ and \(v.derivativeName) against \(v.axisName) ∈ [\(NiceTicks.format(curve.x.first ?? 0)), "
            + "\(NiceTicks.format(curve.x.last ?? 0))]: \(curve.assumption)"
        var frame = Frame(width: Self.plotWidth, height: Self.plotHeight)
        let half = Self.plotHeight / 2
        func series(_ name: String, _ ys: [Double], _ color: Color = .default, _ marker: Character = "*") -> Series {
            Series(name, color: color, marker: marker, points: zip(curve.x, ys).map { ChartPoint($0, $1) })
        }
        var charts = [
            LineChart(series: [series(curve.negativeLoss == nil ? "ℓ" : "ℓ positive pair", curve.loss)]),
            LineChart(series: [series(curve.negativeLoss == nil ? v.derivativeName : "\(v.derivativeName) positive", curve.derivative)]),
        ]
        if let nl = curve.negativeLoss, let nd = curve.negativeDerivative {
            // pair losses: the negative pair's curves beside the positive pair's
            charts[0].series.append(series("negative pair", nl, Color(hex: 0xf59322), "n"))
            charts[1].series.append(series("negative", nd, Color(hex: 0xf59322), "n"))
        }
        let width = charts.map { $0.yLabelWidth(height: half) }.max()!
        for (row, _) in charts.enumerated() {
            charts[row].minimumLabelWidth = width
            frame.render(charts[row], in: Rect(x: 0, y: row * half, width: Self.plotWidth, height: half))
        }
        return [caption] + frame.lines(trimmingTrailingSpaces: true)
    }
}
