import ArgumentParser
import Learning
import Render

/// `losscape inspect LOSS`: what a loss is, and the shape of ℓ and its gradient.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a loss: formula, paper, parameters, and plots of ℓ and its gradient.",
        discussion: """
            Classification losses are plotted against p_y ∈ (0, 1), the label's probability, with \
            the rest of the mass spread evenly over the other K − 1 classes (z_y = log p_y); the \
            gradient is ∂ℓ/∂z_y. Regression losses are plotted against the error e = ŷ − y ∈ [−3, 3] \
            with ∂ℓ/∂ŷ. Exit status: 0, or 1 for an unknown loss or a bad parameter.
            """)

    @Argument(help: "The loss id (see `losscape list losses`).")
    var loss: String

    @Option(name: .customLong("param"), parsing: .upToNextOption,
            help: "Parameter values as name=value (repeatable), e.g. --param gamma=3.")
    var params: [String] = []

    @Option(help: "Classes K for the curve (classification; default 2, 3 for z_loss).")
    var classes: Int?

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
        return describe(made.info, values: values, classes: k) + [""] + plot(made, classes: k)
    }

    func describe(_ i: LossInfo, values: [String: Double], classes k: Int) -> [String] {
        var out = ["\(i.id)  (\(i.family.rawValue)\(i.minClasses > 2 ? ", K ≥ \(i.minClasses)" : ""))",
                   "  \(i.summary)",
                   "  formula   \(i.formula)",
                   "  paper     \(i.paper)"]
        if i.parameters.isEmpty {
            out.append("  parameters: none")
        } else {
            out.append("  parameters")
            let width = i.parameters.map(\.name.count).max()!
            for p in i.parameters {
                let v = values[p.name] ?? p.defaultValue
                out.append("    " + pad(p.name, width + 1) + pad("= \(formatParameter(v))", 10)
                           + pad("default \(formatParameter(p.defaultValue))", 13) + pad("range \(p.rangeText)", 18) + p.summary)
            }
        }
        return out
    }

    /// The two plots (ℓ above, the gradient below) and a line saying what they show.
    func plot(_ loss: any LossFunction, classes k: Int) -> [String] {
        let family = loss.info.family
        let curve = LossShape.curve(loss, classes: k, points: 2 * Self.plotWidth)
        let x = LossShape.xLabel(family), gradient = LossShape.gradientLabel(family)
        var caption = family == .classification
            ? "ℓ and \(gradient) against \(x) ∈ (0, 1), K = \(k), the other classes sharing 1 − p_y evenly"
            : "ℓ and \(gradient) against \(x) = ŷ − y ∈ [−3, 3]"
        if let note = LossShape.note(for: loss.info.id) { caption += "\n(\(note))" }
        var frame = Frame(width: Self.plotWidth, height: Self.plotHeight)
        let half = Self.plotHeight / 2
        let charts = [("ℓ", curve.map { ChartPoint($0.x, $0.loss) }),
                      (gradient, curve.map { ChartPoint($0.x, $0.gradient) })]
            .map { LineChart(series: [Series($0.0, points: $0.1)]) }
        // Indent the chart with narrower y labels so both plots share their x positions.
        let widths = charts.map { Self.yLabelWidth($0, height: half) }
        for (row, chart) in charts.enumerated() {
            let indent = widths.max()! - widths[row]
            frame.render(chart, in: Rect(x: indent, y: row * half, width: Self.plotWidth - indent, height: half))
        }
        return caption.split(separator: "\n").map(String.init) + frame.lines(trimmingTrailingSpaces: true)
    }

    /// The width of a linear chart's y labels in a rect `height` rows high (as
    /// `LineChart` lays them out: a legend row, two x-axis rows, ticks every other row).
    static func yLabelWidth(_ chart: LineChart, height: Int) -> Int {
        let plotRows = height - 1 - 2
        guard plotRows >= 1 else { return 1 }
        let y = chart.resolvedRanges().y
        let (ticks, step) = NiceTicks.linearWithStep(y.lo, y.hi, maxCount: max(1, (plotRows + 1) / 2))
        return max(1, ticks.map { NiceTicks.format($0, step: step).count }.max() ?? 1)
    }
}
