import Engine
import Learning
import Render

/// Margins: the histogram of logit margins z_y − max_{k≠y} z_k over the split (`t`: train/
/// test), clean points and points whose label was flipped in distinct colours (flipped on
/// top; without colour `#` and `x`), a zero line, and the min, the median and the normalised
/// margin (min train margin / ‖θ‖₂).
enum MarginsView {
    static func render(
        _ run: RunSnapshot, index: Int, _ state: AppState, _ cache: ViewCache, in rect: Rect,
        into frame: inout Frame, theme: Theme
    ) {
        guard run.dataset.task.isClassification else {
            AnalysisViews.notApplicable("logit margins need classes (this run is regression)", in: rect, into: &frame, theme: theme)
            return
        }
        guard let a = cache.analysis(for: run, index: index, state: state) else { return }
        let test = state.analysisTest(for: .margins) && a.test != nil
        guard case .classification(_, _, _, _, let margins)? = test ? a.test : a.train else { return }
        let flipped = test ? Array(repeating: false, count: margins.count) : run.dataset.train.flipped
        let rows = rect.split(.vertical, [.fill, .length(1), .length(1)])
        let area = rows[0]
        let finite = margins.filter(\.isFinite)
        guard var lo = finite.min(), var hi = finite.max(), area.width > 2 else { return }
        if hi - lo < 1e-9 { lo -= 1; hi += 1 }
        let bins = area.width
        var clean = [Int](repeating: 0, count: bins), bad = clean
        for (m, f) in zip(margins, flipped) where m.isFinite {
            let b = CellIndex.of((m - lo) / (hi - lo) * Double(bins), in: 0...(bins - 1), rounding: .down) ?? 0
            if f { bad[b] += 1 } else { clean[b] += 1 }
        }
        let top = Double((0..<bins).map { clean[$0] + bad[$0] }.max() ?? 1)
        let ascii = theme.ascii || !theme.hasColor
        let flippedColor = Color(hex: 0xd62728)
        // the total in the flipped colour, then the clean part over it from the bottom
        frame.render(
            Bars(
                values: (0..<bins).map { Double(clean[$0] + bad[$0]) / top }, width: 1,
                colors: Array(repeating: flippedColor, count: bins), ascii: ascii), in: area)
        if ascii {
            for c in 0..<bins where bad[c] > 0 {
                for y in area.y..<area.maxY where frame[area.x + c, y].glyph != " " { frame[area.x + c, y] = Cell("x") }
            }
        }
        frame.render(
            Bars(
                values: (0..<bins).map { Double(clean[$0]) / top }, width: 1,
                colors: Array(repeating: Theme.trainColor, count: bins), ascii: ascii), in: area)
        if lo < 0 && hi > 0, let zero = CellIndex.inside(-lo / (hi - lo) * Double(bins), 0..<bins, rounding: .down) {
            for y in area.y..<area.maxY where frame[area.x + zero, y].glyph == " " {
                frame[area.x + zero, y] = Cell(ascii ? "|" : "┆", style: theme.dim)
            }
        }
        let (l, h) = (NiceTicks.format(lo, significantDigits: 2), NiceTicks.format(hi, significantDigits: 2))
        frame.put(l, x: rows[1].x, y: rows[1].y, style: theme.dim, clippedTo: rows[1])
        frame.put(h, x: rows[1].maxX - h.count, y: rows[1].y, style: theme.dim, clippedTo: rows[1])
        let axis = "margin z_y − max z_k"
        if axis.count + 2 * max(l.count, h.count) + 4 <= rows[1].width { frame.put(axis, in: rows[1], align: .center, style: theme.dim) }
        let summary = LogitMargins.summary(margins)
        var fields: [FieldLine.Field] = [
            .init("min \(AnalysisViews.number(summary.min))", priority: 9),
            .init("median \(AnalysisViews.number(summary.median))", priority: 8),
            .init("norm. margin \(AnalysisViews.number(a.normalisedMargin))", priority: 7),
        ]
        if !test && flipped.contains(true) {
            fields.append(.init(ascii ? "(x: flipped)" : "(red: flipped)", priority: 6))
        }
        fields.append(.init("t: \(test ? "train" : "test")", priority: 1))
        frame.put(FieldLine(fields).fitted(to: rows[2].width), x: rows[2].x, y: rows[2].y, style: theme.dim, clippedTo: rows[2])
    }
}
