import Engine
import Learning
import Render

/// Classes: the training count of each class (the imbalance), the per-class test accuracy,
/// the balanced accuracy, and the test confusion matrix (rows = label, columns = prediction),
/// each cell shaded by its share of the row.
enum ClassesView {
    static func render(
        _ run: RunSnapshot, index: Int, _ state: AppState, _ cache: ViewCache, in rect: Rect,
        into frame: inout Frame, theme: Theme
    ) {
        guard run.dataset.task.isClassification else {
            AnalysisViews.notApplicable("classes need a classification dataset (this run is regression)", in: rect, into: &frame, theme: theme)
            return
        }
        guard let a = cache.analysis(for: run, index: index, state: state) else { return }
        let k = run.dataset.task.classes
        let counts = run.dataset.trainClassCounts
        let report: ClassReport? = {
            if case .classification(_, _, _, let r, _)? = a.test { return r }
            return nil
        }()
        let matrixWidth = 3 + k * 5
        let wide = rect.width >= matrixWidth + 24
        let barRows = 2 + 2 * k + 1
        let below = !wide && rect.height >= barRows + k + 2
        let parts =
            wide
            ? rect.split(.horizontal, [.fill, .length(matrixWidth)])
            : below ? rect.split(.vertical, [.length(barRows), .fill]) : [rect]
        let left = parts[0]
        // bars: training count and test accuracy per class
        let most = Double(counts.max() ?? 1)
        var y = left.y
        let barWidth = max(left.width - 12, 4)
        func bar(_ label: String, _ share: Double, _ text: String, _ color: Color) {
            guard y < left.maxY else { return }
            frame.put(label, x: left.x, y: y, style: theme.dim, clippedTo: left)
            let eighths = CellIndex.of(max(0, min(share, 1)) * Double(barWidth * 8), in: 0...(barWidth * 8)) ?? 0
            var x = left.x + 2
            for _ in 0..<(eighths / 8) { frame[x, y] = Cell(theme.ascii ? "#" : "█", style: Style(fg: color)); x += 1 }
            if eighths % 8 > 0 && !theme.ascii {
                frame[x, y] = Cell(["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8].first!, style: Style(fg: color))
            }
            frame.put(text, x: left.x + 3 + barWidth, y: y, clippedTo: left)
            y += 1
        }
        frame.put("train count", x: left.x, y: y, style: theme.title, clippedTo: left)
        y += 1
        for c in 0..<k { bar("\(c)", Double(counts[c]) / most, "\(counts[c])", ColorMap.classColors[c % 5]) }
        if let report, y + 1 < left.maxY {
            frame.put("test accuracy", x: left.x, y: y, style: theme.title, clippedTo: left)
            y += 1
            for c in 0..<k {
                let acc = report.perClassAccuracy[c]
                bar("\(c)", acc ?? 0, acc.map { AnalysisViews.percent($0) } ?? "absent", ColorMap.classColors[c % 5])
            }
            if y < left.maxY {
                frame.put("balanced \(AnalysisViews.percent(report.balancedAccuracy))", x: left.x, y: y, style: Style(bold: true), clippedTo: left)
            }
        } else if report == nil, y < left.maxY {
            frame.put("no test split (test_fraction = 0)", x: left.x, y: y, style: theme.dim, clippedTo: left)
        }
        guard wide || below, let report else { return }
        // the confusion matrix
        let m = below ? Rect(x: parts[1].x, y: parts[1].y, width: min(parts[1].width, matrixWidth), height: parts[1].height) : parts[1]
        frame.put("label\\pred", x: m.x, y: m.y, style: theme.dim, clippedTo: m)
        for c in 0..<k { frame.put(pad("\(c)", 5), x: m.x + 3 + c * 5, y: m.y + 1, style: theme.dim, clippedTo: m) }
        for r in 0..<k where m.y + 2 + r < m.maxY {
            frame.put("\(r)", x: m.x, y: m.y + 2 + r, style: theme.dim, clippedTo: m)
            let total = Double(max(report.confusion[r].reduce(0, +), 1))
            for c in 0..<k {
                let share = Double(report.confusion[r][c]) / total
                let bg = theme.hasColor ? Color(hex: 0xe8eaeb).mixed(with: r == c ? Theme.trainColor : Color(hex: 0xd62728), share) : .default
                let fg: Color = theme.hasColor ? (share > 0.5 ? Color(hex: 0xffffff) : Color(hex: 0x202020)) : .default
                let text = String(report.confusion[r][c])
                let cell = Rect(x: m.x + 2 + c * 5, y: m.y + 2 + r, width: 5, height: 1)
                frame.fill(cell.intersection(m), with: Cell(" ", style: Style(fg: fg, bg: bg)))
                frame.put(text, in: cell.intersection(m), align: .right, style: Style(fg: fg, bg: bg, bold: r == c))
            }
        }
    }
}
