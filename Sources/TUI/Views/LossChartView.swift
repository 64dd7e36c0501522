import Engine
import Render

/// The Loss panel: train and test loss against steps (braille), optionally
/// the accuracy curves below.
enum LossChartView {
    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        frame.render(theme.panel(state.logY ? "Loss (log y)" : "Loss"), in: rect)
        let inner = rect.inset(by: 1)
        guard let run = state.run, !inner.isEmpty else { return }
        var records = run.history.records
        if let last = run.latest, records.last?.step != last.step { records.append(last) }
        let classification = run.dataset.task.isClassification
        let parts = state.showAccuracy && classification && inner.height >= 10
            ? inner.split(.vertical, [.fill, .fill]) : [inner]
        let loss = LineChart(
            series: [
                Series("train", color: Theme.trainColor, marker: "t", points: records.map { ChartPoint(Double($0.step), $0.trainLoss) }),
                Series("test", color: Theme.testColor, marker: "e", points: records.compactMap { r in r.testLoss.map { ChartPoint(Double(r.step), $0) } }),
            ],
            logY: state.logY, ascii: state.ascii || !theme.hasColor, axisStyle: theme.dim, labelStyle: theme.dim, emptyText: "waiting for the first step")
        frame.render(loss, in: parts[0])
        if parts.count > 1 {
            var series = [
                Series("train acc", color: Theme.trainColor, marker: "t", points: records.compactMap { r in r.trainAccuracy.map { ChartPoint(Double(r.step), $0) } }),
                Series("test acc", color: Theme.testColor, marker: "e", points: records.compactMap { r in r.testAccuracy.map { ChartPoint(Double(r.step), $0) } }),
            ]
            if records.contains(where: { $0.cleanTrainAccuracy != nil }) {
                series.append(Series("clean train", color: Theme.cleanColor, marker: "c",
                                     points: records.compactMap { r in r.cleanTrainAccuracy.map { ChartPoint(Double(r.step), $0) } }))
            }
            let acc = LineChart(series: series, yRange: .fixed(0, 1), ascii: state.ascii || !theme.hasColor, axisStyle: theme.dim, labelStyle: theme.dim)
            frame.render(acc, in: parts[1])
        }
    }
}
