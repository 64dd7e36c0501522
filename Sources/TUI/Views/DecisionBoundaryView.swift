import Engine
import Learning
import Render
import TensorCore

/// The Decision boundary panel ("Prediction" for regression): the model's
/// output over the data's box, with the box's aspect ratio kept (letterboxed;
/// a half-block pixel is about square). Two classes: TensorFlow Playground's
/// orange–grey–blue by confidence; three to five: one hue per class shaded by
/// confidence (`z`: hard regions, no shading); regression: ŷ on viridis with a
/// colour bar, the points coloured by their target on the same scale, or for
/// 1-D data the fitted curve over the points. Train points ●, test points ○,
/// flipped labels ✕ on top (`h` cycles all → train → test → none). Without
/// colour, classes are glyph patterns and points their class digit (test
/// points a letter). With 2–4 runs and room (≥ 120×40): one tile per run,
/// titled with its label; else the selected run's with `[k/N label]`.
enum DecisionBoundaryView {
    static let patterns: [Character] = [".", ":", "+", "=", "~"]

    static func title(_ state: AppState) -> String {
        let classification = state.run?.dataset.task.isClassification ?? (state.spec.family == .classification)
        return classification ? "Decision boundary" : "Prediction"
    }

    static func render(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let runs = state.snapshot?.runs ?? []
        let tiles = runs.count > 1 && state.width >= 120 && state.height >= 40
        var name = title(state)
        if runs.count > 1 && !tiles {
            let k = min(state.selected, runs.count - 1)
            name += " [\(k + 1)/\(runs.count) \(runs[k].label)]"
        }
        if let extra = filterNote(state) { name += " · \(extra)" }
        frame.render(theme.panel(name), in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 1, inner.height > 1 else { return }
        guard tiles else {
            if let run = state.run {
                renderRun(run, index: min(state.selected, max(runs.count - 1, 0)), state, cache, in: inner, into: &frame, theme: theme)
            }
            return
        }
        // small multiples: 2 side by side (or stacked when tall), 3–4 in a 2×2 grid
        let grid = runs.count == 2 ? (inner.width >= inner.height * 2 ? (2, 1) : (1, 2)) : (2, 2)
        let cols = inner.split(.horizontal, Array(repeating: .fill, count: grid.0))
        for (i, run) in runs.enumerated() {
            let col = cols[i % grid.0]
            let cell = col.split(.vertical, Array(repeating: .fill, count: grid.1))[i / grid.0]
            guard cell.height > 2 else { continue }
            let selected = i == state.selected
            let label = (selected ? (theme.ascii ? ">" : "▸") : "") + run.label
            frame.put(
                String(label.prefix(cell.width)), x: cell.x, y: cell.y,
                style: Style(fg: theme.hasColor ? Theme.runColor(i) : .default, bold: selected), clippedTo: cell)
            renderRun(run, index: i, state, cache, in: cell.inset(top: 1), into: &frame, theme: theme)
        }
    }

    static func filterNote(_ state: AppState) -> String? {
        var notes: [String] = []
        if state.points != .all { notes.append("points: \(state.points.rawValue)") }
        if state.discretised { notes.append("regions") }
        return notes.isEmpty ? nil : notes.joined(separator: ", ")
    }

    /// One run's field, letterboxed into `area`.
    static func renderRun(
        _ run: RunSnapshot, index: Int, _ state: AppState, _ cache: ViewCache, in area: Rect,
        into frame: inout Frame, theme: Theme
    ) {
        let task = run.dataset.task
        if run.dataset.isOneDimensional && !task.isClassification {
            renderCurve(run, state: state, in: area, into: &frame, theme: theme)
            return
        }
        var inner = area
        var bar: Rect?
        let (lo, hi) = targetRange(run.dataset)
        if !task.isClassification && area.width >= 24 {
            let parts = area.split(.horizontal, [.fill, .length(8)])
            inner = parts[0]
            bar = parts[1]
        }
        let halfBlocks = theme.hasColor && !theme.ascii
        let box = BoundaryField.bounds(run.dataset)
        inner = letterbox(inner, aspect: (box.1 - box.0) / (box.3 - box.2))
        let cols = inner.width, rows = halfBlocks ? inner.height * 2 : inner.height
        guard cols > 0, rows > 0 else { return }
        let field = cachedField(run, index: index, state, cache, cols: cols, rows: rows)
        func color(_ o: [Float]) -> Color {
            if task.isClassification { return classColor(o, classes: task.classes, discretised: state.discretised) }
            return ColorMap.viridis(ColorMap.normalize(Double(o[0]), lo: lo, hi: hi))
        }
        if halfBlocks {
            frame.render(Heatmap(cols: cols, rows: rows) { c, r in color(field.outputs[r * cols + c]) }, in: inner)
        } else if theme.hasColor {
            Heatmap.renderGlyphs(in: inner, into: &frame, style: { c, r in Style(fg: color(field.outputs[r * cols + c])) }) { c, r in
                glyph(field.outputs[r * cols + c], task, lo, hi)
            }
        } else {
            Heatmap.renderGlyphs(in: inner, into: &frame) { c, r in glyph(field.outputs[r * cols + c], task, lo, hi) }
        }
        drawPoints(run, field, shown: state.points, halfBlocks: halfBlocks, targetRange: (lo, hi), in: inner, into: &frame, theme: theme)
        if let bar {
            let b = ColorBar(
                .vertical, minLabel: NiceTicks.format(lo, significantDigits: 2), maxLabel: NiceTicks.format(hi, significantDigits: 2),
                ascii: !halfBlocks, labelStyle: theme.dim
            ) { ColorMap.viridis($0) }
            frame.render(b, in: bar.inset(left: 1))
        }
    }

    /// The largest rect inside `r` with width/height = `aspect` in square units (a cell is
    /// twice as tall as wide), centred.
    static func letterbox(_ r: Rect, aspect: Double) -> Rect {
        guard aspect.isFinite, aspect > 0, r.width > 0, r.height > 0 else { return r }
        let unitsW = Double(r.width), unitsH = Double(r.height * 2)
        if unitsW / unitsH > aspect {
            // clamped before any Int: a box of 1e38 by 1e-10 has an aspect no Int holds
            let w = CellIndex.of(unitsH * aspect, in: 1...r.width) ?? r.width
            return Rect(x: r.x + (r.width - w) / 2, y: r.y, width: w, height: r.height)
        }
        let h = CellIndex.of(unitsW / aspect / 2, in: 1...r.height) ?? r.height
        return Rect(x: r.x, y: r.y + (r.height - h) / 2, width: r.width, height: h)
    }

    static func cachedField(_ run: RunSnapshot, index: Int, _ state: AppState, _ cache: ViewCache, cols: Int, rows: Int) -> BoundaryField {
        let key = ViewCache.FieldKey(sequence: state.snapshot?.sequence ?? 0, step: run.step, cols: cols, rows: rows)
        let data = ObjectIdentifier(run.dataset.train.x.storageIdentity)
        if let c = cache.fields[index], c.data == data, c.field.cols == cols, c.field.rows == rows,
            c.field.outputs.first?.count == run.model.outputs,
            c.key == key || (state.now - c.time < 0.1 && state.running)
        {
            return c.field
        }
        // a new run (another dataset or model) invalidates the field at once: its outputs may
        // not even have the same width (regression → classification)
        let field = BoundaryField.compute(run: run, loss: cache.lossFunction(for: run), cols: cols, rows: rows)
        cache.fields[index] = ViewCache.CachedField(key: key, time: state.now, field: field, data: data)
        if cache.fields.count > SessionSpec.maxRuns { cache.fields = cache.fields.filter { $0.key <= SessionSpec.maxRuns } }
        return field
    }

    static func classColor(_ p: [Float], classes k: Int, discretised: Bool = false) -> Color {
        guard p.count >= 2 else { return ColorMap.neutral }
        var best = 0
        for j in 1..<p.count where p[j] > p[best] { best = j }
        if k == 2 {
            if discretised { return best == 0 ? ColorMap.orange : ColorMap.blue }
            return ColorMap.diverging(Double(p[1] - p[0]))
        }
        let confidence = discretised ? 1 : (Double(p[best]) - 1 / Double(k)) / (1 - 1 / Double(k))
        return ColorMap.classColor(best, confidence: max(0, min(1, confidence)))
    }

    /// A text glyph for a pixel: the class pattern, or ŷ on the shade ramp.
    static func glyph(_ o: [Float], _ task: PredictionTask, _ lo: Double, _ hi: Double) -> Character {
        guard task.isClassification else { return ShadeRamp.glyph(ColorMap.normalize(Double(o[0]), lo: lo, hi: hi)) }
        var best = 0
        for j in 1..<o.count where o[j] > o[best] { best = j }
        return patterns[best % patterns.count]
    }

    static func targetRange(_ d: Dataset) -> (Double, Double) {
        let ys = (d.train.targets + d.test.targets).filter(\.isFinite)
        guard let lo = ys.min(), let hi = ys.max(), lo < hi else { return (-1, 1) }
        return (Double(lo), Double(hi))
    }

    /// Point colour: the class hue, darker so it stands out on the heatmap.
    static func pointColor(_ label: Int, classes k: Int) -> Color {
        if k == 2 { return label == 0 ? Color(hex: 0xb35900) : Color(hex: 0x04477a) }
        return ColorMap.classColors[label % ColorMap.classColors.count].mixed(with: Color(hex: 0x000000), 0.35)
    }

    static func drawPoints(
        _ run: RunSnapshot, _ field: BoundaryField, shown: PointsShown, halfBlocks: Bool,
        targetRange: (Double, Double), in rect: Rect, into frame: inout Frame, theme: Theme
    ) {
        let d = run.dataset
        let classification = d.task.isClassification
        let splits = [(true, d.test), (false, d.train)].filter { isTest, _ in
            shown == .all || (shown == .test && isTest) || (shown == .train && !isTest)
        }
        for (isTest, split) in splits {
            let p = split.x.pointer
            for i in 0..<split.count {
                guard let px = field.pixel(Double(p[2 * i]), Double(p[2 * i + 1])) else { continue }
                let (x, y) = (rect.x + px.col, rect.y + (halfBlocks ? px.row / 2 : px.row))
                let label = classification ? split.labels[i] : 0
                let flipped = classification && !isTest && split.labels[i] != split.cleanLabels[i]
                if theme.hasColor {
                    let g = flipped ? theme.flippedGlyph : (isTest ? theme.testGlyph : theme.trainGlyph)
                    // regression: the target on the heatmap's scale, ringed darker or lighter for contrast
                    let fg =
                        classification
                        ? pointColor(label, classes: d.task.classes)
                        : ColorMap.viridis(ColorMap.normalize(Double(split.targets[i]), lo: targetRange.0, hi: targetRange.1))
                    frame.stamp(g, x: x, y: y, fg: fg, bold: true)
                } else {
                    let g: Character =
                        flipped
                        ? "x"
                        : classification
                            ? (isTest ? Character(UnicodeScalar(UInt8(97 + label % 26))) : Character("\(label % 10)"))
                            : (isTest ? "+" : "o")
                    frame[x, y] = Cell(g, style: Style(bold: true))
                }
            }
        }
    }

    /// 1-D regression: the points (train, test) and the fitted curve ŷ(x1) drawn above them,
    /// with axes and a legend.
    static func renderCurve(_ run: RunSnapshot, state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let d = run.dataset
        let xs = (0..<d.train.count).map { Double(d.train.x[$0, 0]) } + (0..<d.test.count).map { Double(d.test.x[$0, 0]) }
        guard let xlo = xs.min(), let xhi = xs.max(), xhi > xlo else { return }
        let n = max(rect.width * 2, 2)
        let grid = (0..<n).map { i -> Float in Float(xlo + (xhi - xlo) * Double(i) / Double(n - 1)) }
        let yhat = run.model.predict(points: Tensor(shape: [n, 2], scalars: grid.flatMap { [$0, 0] }))
        func points(_ s: DataSplit) -> [ChartPoint] { (0..<s.count).map { ChartPoint(Double(s.x[$0, 0]), Double(s.targets[$0])) } }
        var series: [Series] = []
        if state.points == .all || state.points == .train {
            series.append(Series("train", color: Theme.trainColor, marker: "o", points: points(d.train), scatter: true))
        }
        if (state.points == .all || state.points == .test) && d.test.count > 0 {
            series.append(Series("test", color: Theme.testColor, marker: "+", points: points(d.test), scatter: true))
        }
        series.append(
            Series(
                "fit", color: Theme.gradientColor, marker: "#",
                points: (0..<n).map { ChartPoint(Double(grid[$0]), Double(yhat[flat: $0])) }))
        let (lo, hi) = targetRange(d)
        let pad = (hi - lo) * 0.08
        let chart = LineChart(
            series: series, yRange: .fixed(lo - pad, hi + pad), ascii: state.ascii || !theme.hasColor,
            axisStyle: theme.dim, labelStyle: theme.dim)
        frame.render(chart, in: rect)
    }
}
