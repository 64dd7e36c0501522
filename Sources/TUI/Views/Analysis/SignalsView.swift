import Engine
import Learning
import Render

/// Signals: curves over steps on the Loss chart's step axis — the gradient norm (log-y), the
/// weight norm, the sharpness (the top Hessian eigenvalue, tracked in the background while
/// this view is shown, every K steps with K chosen so tracking costs ≤ 10 % of training), and
/// under label noise the memorisation of flipped labels with the clean-label train accuracy
/// (else train and test accuracy). The timeline's marks on each.
enum SignalsView {
    static func render(_ run: RunSnapshot, index: Int, _ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let records = LossChartView.records(of: run)
        let ascii = state.ascii || !theme.hasColor
        let marks = run.timeline.map { ChartMark(x: Double($0.step), label: $0.label, color: Theme.gradientColor) }
        let range = AxisRange.fixed(0, Double(max(run.step, 1)))
        func points(_ v: (MetricRecord) -> Double?) -> [ChartPoint] { records.compactMap { r in v(r).map { ChartPoint(Double(r.step), $0) } } }
        let noisy = records.contains { $0.memorised != nil }
        let sharpness = run.sharpness.map { ChartPoint(Double($0.step), $0.value) }
        var charts: [LineChart] = [
            LineChart(
                series: [Series("‖∇L‖ (log)", color: Theme.gradientColor, marker: "g", points: points { $0.gradNorm })],
                xRange: range, logY: true, ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim),
            LineChart(
                series: [Series("‖θ‖", color: Theme.trainColor, marker: "w", points: points { $0.weightNorm })],
                xRange: range, ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim),
            LineChart(
                series: [Series("λmax", color: Color(hex: 0x9467bd), marker: "s", points: sharpness)],
                xRange: range, ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim,
                emptyText: sharpness.isEmpty ? "tracking…" : "no data"),
        ]
        if noisy {
            charts.append(
                LineChart(
                    series: [
                        Series("memorised", color: Color(hex: 0xd62728), marker: "m", points: points { $0.memorised }),
                        Series("clean acc", color: Theme.cleanColor, marker: "c", points: points { $0.cleanTrainAccuracy }),
                    ], xRange: range, yRange: .fixed(0, 1), ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim))
        } else if run.dataset.task.isClassification {
            charts.append(
                LineChart(
                    series: [Series("train acc", color: Theme.trainColor, marker: "t", points: points { $0.trainAccuracy })]
                        + (run.dataset.test.count > 0
                            ? [Series("test acc", color: Theme.testColor, marker: "e", points: points { $0.testAccuracy })] : []),
                    xRange: range, yRange: .fixed(0, 1), ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim))
        }
        // stacked on one step axis, labelled once at the bottom (two columns when wide)
        let twoColumns = rect.width >= 70 || (rect.height < 4 * charts.count + 2 && rect.width >= 40)
        let grid = twoColumns ? (cols: 2, rows: (charts.count + 1) / 2) : (cols: 1, rows: charts.count)
        let columns = rect.split(.horizontal, Array(repeating: .fill, count: grid.cols))
        var widths = [Int](repeating: 0, count: grid.cols)
        var cells: [Rect] = []
        for i in charts.indices {
            let column = columns[i % grid.cols]
            let bottom = i / grid.cols == grid.rows - 1 || i + grid.cols >= charts.count
            // the bottom chart of a column also holds the axis (2 rows more)
            let heights: [Constraint] = (0..<grid.rows).map { r in
                r == grid.rows - 1 ? .fill : .length(max(2, min((column.height - 2) / grid.rows, column.height - 4 - 3 * (grid.rows - 2))))
            }
            cells.append(column.split(.vertical, heights)[i / grid.cols])
            charts[i].showXAxis = bottom
            charts[i].marks = marks
            charts[i].integerX = true
            widths[i % grid.cols] = max(widths[i % grid.cols], charts[i].yLabelWidth(height: cells[i].height))
        }
        for i in charts.indices {
            charts[i].minimumLabelWidth = widths[i % grid.cols]
            frame.render(charts[i], in: cells[i])
        }
    }
}
