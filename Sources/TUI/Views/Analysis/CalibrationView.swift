import Engine
import Learning
import Render

/// Calibration: the reliability diagram of the split (`t`: train/test) — per confidence bin
/// the accuracy as a bar (shaded by the bin's count) against the diagonal of perfect
/// calibration (dots) — with ECE, MCE, NLL and Brier. Regression: the residual histograms of
/// the train and test splits, with MAE and RMSE.
enum CalibrationView {
    static func render(
        _ run: RunSnapshot, index: Int, _ state: AppState, _ cache: ViewCache, in rect: Rect,
        into frame: inout Frame, theme: Theme
    ) {
        guard let a = cache.analysis(for: run, index: index, state: state) else { return }
        let test = state.analysisTest(for: .calibration) && a.test != nil
        let rows = rect.split(.vertical, [.fill, .length(1), .length(1)])
        let chart = rows[0].split(.horizontal, [.length(4), .fill])
        guard case .classification(_, _, let calibration, _, _)? = test ? a.test : a.train else {
            renderResiduals(a, in: rect, into: &frame, theme: theme)
            return
        }
        guard let cal = calibration else {
            frame.put(
                "\(run.spec.loss.name) defines no probabilities: no calibration (see the Embedding view, v)",
                in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: theme.dim)
            return
        }
        // y axis: accuracy 0…1
        frame.put("1", in: Rect(x: chart[0].x, y: chart[0].y, width: 3, height: 1), align: .right, style: theme.dim)
        frame.put("0", in: Rect(x: chart[0].x, y: chart[0].maxY - 1, width: 3, height: 1), align: .right, style: theme.dim)
        let area = chart[1]
        let most = Double(cal.bins.map(\.count).max() ?? 1)
        let colors = cal.bins.map { b in Theme.trainColor.mixed(with: Color(hex: 0xe8eaeb), 1 - Double(b.count) / max(most, 1) * 0.85) }
        let bars = Bars(values: cal.bins.map(\.accuracy), colors: colors, ascii: theme.ascii || !theme.hasColor)
        frame.render(bars, in: area)
        // the diagonal (perfect calibration) where the bars leave room
        for (i, b) in cal.bins.enumerated() {
            let centre = (b.lo + b.hi) / 2
            guard let up = CellIndex.of(centre * Double(area.height) - 0.5, in: 0...(area.height - 1)) else { continue }
            for c in bars.columns(i, in: area.width) where frame[area.x + c, area.maxY - 1 - up].glyph == " " {
                frame[area.x + c, area.maxY - 1 - up] = Cell(theme.ascii ? "." : "·", style: theme.dim)
            }
        }
        let used = bars.columns(cal.bins.count - 1, in: area.width).upperBound
        frame.put("0", x: area.x, y: rows[1].y, style: theme.dim)
        if used >= 14 { frame.put("confidence", in: Rect(x: area.x, y: rows[1].y, width: used, height: 1), align: .center, style: theme.dim) }
        frame.put("1", x: area.x + max(used - 1, 0), y: rows[1].y, style: theme.dim)
        let line = FieldLine(
            [
                .init("ECE \(AnalysisViews.number(cal.ece))", priority: 9), .init("MCE \(AnalysisViews.number(cal.mce))", priority: 6),
                .init("NLL \(AnalysisViews.number(cal.nll))", priority: 8), .init("Brier \(AnalysisViews.number(cal.brier))", priority: 7),
                .init("acc \(AnalysisViews.percent(cal.accuracy))", priority: 5), .init("n \(cal.n)", priority: 2),
            ] + (a.test == nil ? [] : [.init("t: \(test ? "train" : "test")", priority: 1)]))
        frame.put(line.fitted(to: rows[2].width), x: rows[2].x, y: rows[2].y, style: theme.dim, clippedTo: rows[2])
    }

    /// Regression: residual histograms, train (left column of each bin) and test (right).
    static func renderResiduals(_ a: RunAnalysis, in rect: Rect, into frame: inout Frame, theme: Theme) {
        guard case .regression(let train) = a.train else { return }
        let test: ResidualReport? = { if case .regression(let r)? = a.test { return r } else { return nil } }()
        let rows = rect.split(.vertical, [.fill, .length(1), .length(1)])
        let lo = min(train.edges.first ?? 0, test?.edges.first ?? .infinity), hi = max(train.edges.last ?? 0, test?.edges.last ?? -.infinity)
        let bins = max(4, min(rows[0].width / 2, 30))
        func counts(_ r: ResidualReport?) -> [Int] {
            var c = [Int](repeating: 0, count: bins)
            guard let r, hi > lo else { return c }
            for (i, n) in r.counts.enumerated() where n > 0 {
                let mid = (r.edges[i] + r.edges[i + 1]) / 2
                c[CellIndex.of((mid - lo) / (hi - lo) * Double(bins), in: 0...(bins - 1), rounding: .down) ?? 0] += n
            }
            return c
        }
        let a = counts(train), b = counts(test)
        let top = Double(max(a.max() ?? 1, b.max() ?? 1, 1))
        var values: [Double?] = [], colors: [Color] = []
        for i in 0..<bins {
            // without a test split only the training residuals are drawn (and no legend is needed)
            values += test == nil ? [Double(a[i]) / top] : [Double(a[i]) / top, Double(b[i]) / top]
            colors += test == nil ? [Theme.trainColor] : [Theme.trainColor, Theme.testColor]
        }
        frame.render(Bars(values: values, width: test == nil ? 2 : 1, colors: colors, ascii: theme.ascii || !theme.hasColor), in: rows[0])
        frame.put(NiceTicks.format(lo), x: rows[1].x, y: rows[1].y, style: theme.dim, clippedTo: rows[1])
        let hiText = NiceTicks.format(hi)
        frame.put(hiText, x: rows[1].x + min(2 * bins, rows[1].width) - hiText.count, y: rows[1].y, style: theme.dim, clippedTo: rows[1])
        frame.put(
            "residual e = ŷ − y", in: Rect(x: rows[1].x, y: rows[1].y, width: min(2 * bins, rows[1].width), height: 1),
            align: .center, style: theme.dim)
        var fields: [FieldLine.Field] = [
            .init("train MAE \(AnalysisViews.number(train.mae)) RMSE \(AnalysisViews.number(train.rmse))", priority: 9)
        ]
        if let test {
            fields.append(.init("test MAE \(AnalysisViews.number(test.mae)) RMSE \(AnalysisViews.number(test.rmse))", priority: 8))
            fields.append(.init(theme.hasColor && !theme.ascii ? "(blue train, orange test)" : "(left train, right test)", priority: 1))
        }
        frame.put(FieldLine(fields).fitted(to: rows[2].width), x: rows[2].x, y: rows[2].y, style: theme.dim, clippedTo: rows[2])
    }
}
