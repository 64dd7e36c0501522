import Engine
import Render

/// The Loss panel: train and test loss against steps (braille), optionally the
/// accuracy curves below; with `u` the common yardstick (test NLL / test MSE)
/// instead of each loss's own objective. With several runs every run's curves in
/// its own colour (test lighter; without colour, letters: A/a for run 1 …), the
/// legend naming each run by label. Each change on a run's timeline is a
/// vertical mark at its step, labelled (`focal`, `lr 0.05`).
enum LossChartView {
    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let classification = state.run?.dataset.task.isClassification ?? true
        let title = state.yardstick ? "Loss: test \(classification ? "NLL" : "MSE") (yardstick)" : "Loss"
        frame.render(theme.panel(state.logY ? "\(title) (log y)" : title), in: rect)
        let inner = rect.inset(by: 1)
        guard let runs = state.snapshot?.runs, !runs.isEmpty, !inner.isEmpty else { return }
        let hasTest = runs[0].dataset.test.count > 0
        let parts =
            state.showAccuracy && classification && inner.height >= 10
            ? inner.split(.vertical, [.fill, .fill]) : [inner]
        let ascii = state.ascii || !theme.hasColor
        let many = runs.count > 1
        var marks: [ChartMark] = []
        for (i, run) in runs.enumerated() {
            for e in run.timeline {
                marks.append(ChartMark(x: Double(e.step), label: e.label, color: many ? Theme.runColor(i) : Theme.gradientColor))
            }
        }

        var lossSeries: [Series] = [], accuracySeries: [Series] = []
        for (i, run) in runs.enumerated() {
            let records = records(of: run)
            func points(_ value: (MetricRecord) -> Double?) -> [ChartPoint] {
                records.compactMap { r in value(r).map { ChartPoint(Double(r.step), $0) } }
            }
            let (trainColor, testColor) = many ? (Theme.runColor(i), Theme.runTestColor(i)) : (Theme.trainColor, Theme.testColor)
            let (trainMark, testMark) = many ? Theme.runMarkers(i) : ("t", "e")
            // one legend entry per run when there are several (its test curve is the lighter one)
            let label = (i == state.selected ? (ascii ? ">" : "▸") : "") + run.label
            let trainName = many ? label : "train", testName = many ? "" : "test"
            if state.yardstick {
                let name = many ? label : (classification ? "test NLL" : "test MSE")
                lossSeries.append(
                    Series(
                        name, color: many ? trainColor : testColor, marker: many ? trainMark : testMark,
                        points: points { classification ? $0.testNLL : $0.testMSE }))
            } else {
                lossSeries.append(Series(trainName, color: trainColor, marker: trainMark, points: points { $0.trainLoss }))
                if hasTest { lossSeries.append(Series(testName, color: testColor, marker: testMark, points: points { $0.testLoss })) }
            }
            accuracySeries.append(Series(many ? label : "train acc", color: trainColor, marker: trainMark, points: points { $0.trainAccuracy }))
            if hasTest {
                accuracySeries.append(Series(many ? "" : "test acc", color: testColor, marker: testMark, points: points { $0.testAccuracy }))
            }
            if !many && records.contains(where: { $0.cleanTrainAccuracy != nil }) {
                accuracySeries.append(Series("clean train", color: Theme.cleanColor, marker: "c", points: points { $0.cleanTrainAccuracy }))
            }
        }
        if many && hasTest && !state.yardstick {
            lossSeries.append(Series(theme.hasColor ? "(light: test)" : "(lower case: test)", color: .default, marker: " ", points: []))
        }
        let empty = state.yardstick && !hasTest ? "the yardstick needs a test split (test_fraction > 0)" : "waiting for the first step"
        var loss = LineChart(
            series: lossSeries, logY: state.logY, ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim,
            emptyText: empty)
        loss.marks = marks
        loss.integerX = true
        frame.render(loss, in: parts[0])
        if parts.count > 1 {
            var acc = LineChart(series: accuracySeries, yRange: .fixed(0, 1), ascii: ascii, axisStyle: theme.dim, labelStyle: theme.dim)
            acc.marks = marks
            acc.integerX = true
            frame.render(acc, in: parts[1])
        }
    }

    /// The run's bounded history with its current metrics at the end.
    static func records(of run: RunSnapshot) -> [MetricRecord] {
        var records = run.history.records
        if let last = run.latest, records.last?.step != last.step { records.append(last) }
        return records
    }
}
