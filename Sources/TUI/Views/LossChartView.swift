import Engine
import Render

/// The Loss panel: train and test loss against steps (braille), optionally
/// the accuracy curves below.
enum LossChartView {
    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let classification = state.run?.dataset.task.isClassification ?? true
        let title = state.yardstick ? "Loss: test \(classification ? "NLL" : "MSE") (yardstick)" : "Loss"
        frame.render(theme.panel(state.logY ? "\(title) (log y)" : title), in: rect)
        let inner = rect.inset(by: 1)
        guard let run = state.run, !inner.isEmpty else { return }
        var records = run.history.records
        if let last = run.latest, records.last?.step != last.step { records.append(last) }
        let parts = state.showAccuracy && classification && inner.height >= 10
            ? inner.split(.vertical, [.fill, .fill]) : [inner]
        let hasTest = run.dataset.test.count > 0
        var series: [Series]
        if state.yardstick {
            let name = classification ? "test NLL" : "test MSE"
            series = [Series(name, color: Theme.testColor, marker: "e", points: records.compactMap { r in
                (classification ? r.testNLL : r.testMSE).map { ChartPoint(Double(r.step), $0) }
            })]
        } else {
            series = [Series("train", color: Theme.trainColor, marker: "t", points: records.map { ChartPoint(Double($0.step), $0.trainLoss) })]
            if hasTest {
                series.append(Series("test", color: Theme.testColor, marker: "e",
                                     points: records.compactMap { r in r.testLoss.map { ChartPoint(Double(r.step), $0) } }))
            }
        }
        let empty = state.yardstick && !hasTest ? "the yardstick needs a test split (test_fraction > 0)" : "waiting for the first step"
        let loss = LineChart(series: series, logY: state.logY, ascii: state.ascii || !theme.hasColor, axisStyle: theme.dim,
                             labelStyle: theme.dim, emptyText: empty)
        frame.render(loss, in: parts[0])
        if parts.count > 1 {
            var series = [
                Series("train acc", color: Theme.trainColor, marker: "t", points: records.compactMap { r in r.trainAccuracy.map { ChartPoint(Double(r.step), $0) } }),
            ]
            if hasTest {
                series.append(Series("test acc", color: Theme.testColor, marker: "e",
                                     points: records.compactMap { r in r.testAccuracy.map { ChartPoint(Double(r.step), $0) } }))
            }
            if records.contains(where: { $0.cleanTrainAccuracy != nil }) {
                series.append(Series("clean train", color: Theme.cleanColor, marker: "c",
                                     points: records.compactMap { r in r.cleanTrainAccuracy.map { ChartPoint(Double(r.step), $0) } }))
            }
            let acc = LineChart(series: series, yRange: .fixed(0, 1), ascii: state.ascii || !theme.hasColor, axisStyle: theme.dim, labelStyle: theme.dim)
            frame.render(acc, in: parts[1])
        }
    }
}
