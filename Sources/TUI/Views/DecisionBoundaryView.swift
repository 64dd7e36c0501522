import Engine
import Learning
import Render
import TensorCore

/// The Decision boundary panel: the model's prediction over the data's box as
/// a half-block heatmap (two classes: orange–grey–blue by confidence; three to
/// five: one hue per class shaded by confidence; regression: ŷ on viridis, or
/// for 1-D data the fitted curve over the points), with train points (●),
/// test points (○) and flipped labels (✕) on top. Without colour, classes are
/// glyph patterns and points their class digit (test points a letter).
enum DecisionBoundaryView {
    static let patterns: [Character] = [".", ":", "+", "=", "~"]

    static func render(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        frame.render(theme.panel("Decision boundary"), in: rect)
        let inner = rect.inset(by: 1)
        guard let run = state.run, inner.width > 1, inner.height > 1 else { return }
        if run.dataset.isOneDimensional && !run.dataset.task.isClassification {
            renderCurve(run, in: inner, into: &frame, theme: theme)
            return
        }
        let halfBlocks = theme.hasColor && !theme.ascii
        let cols = inner.width, rows = halfBlocks ? inner.height * 2 : inner.height
        let key = ViewCache.FieldKey(sequence: state.snapshot?.sequence ?? 0, step: run.step, cols: cols, rows: rows)
        // a new run (another dataset or model) invalidates the field at once: its outputs may
        // not even have the same width (regression → classification)
        let stale = cache.field.map {
            $0.cols != cols || $0.rows != rows || $0.outputs.first?.count != run.model.outputs
                || cache.fieldRun != ObjectIdentifier(run.dataset.train.x.storageIdentity)
        } ?? true
        if stale || (cache.fieldKey != key && (state.now - cache.fieldTime >= 0.1 || !state.running)) {
            cache.field = BoundaryField.compute(run: run, loss: cache.lossFunction(for: run), cols: cols, rows: rows)
            cache.fieldKey = key
            cache.fieldTime = state.now
            cache.fieldRun = ObjectIdentifier(run.dataset.train.x.storageIdentity)
        }
        guard let field = cache.field else { return }
        let task = run.dataset.task
        let (lo, hi) = targetRange(run.dataset)
        func color(_ o: [Float]) -> Color {
            if task.isClassification { return classColor(o, classes: task.classes) }
            return ColorMap.viridis(ColorMap.normalize(Double(o[0]), lo: lo, hi: hi))
        }
        if halfBlocks {
            let map = Heatmap(cols: cols, rows: rows) { c, r in color(field.outputs[r * cols + c]) }
            frame.render(map, in: inner)
        } else if theme.hasColor {
            Heatmap.renderGlyphs(in: inner, into: &frame, style: { c, r in Style(fg: color(field.outputs[r * cols + c])) }) { c, r in
                glyph(field.outputs[r * cols + c], task, lo, hi)
            }
        } else {
            Heatmap.renderGlyphs(in: inner, into: &frame) { c, r in glyph(field.outputs[r * cols + c], task, lo, hi) }
        }
        drawPoints(run, field, halfBlocks: halfBlocks, in: inner, into: &frame, theme: theme)
    }

    static func classColor(_ p: [Float], classes k: Int) -> Color {
        guard p.count >= 2 else { return ColorMap.neutral }
        if k == 2 { return ColorMap.diverging(Double(p[1] - p[0])) }
        var best = 0
        for j in 1..<p.count where p[j] > p[best] { best = j }
        let confidence = (Double(p[best]) - 1 / Double(k)) / (1 - 1 / Double(k))
        return ColorMap.classColor(best, confidence: max(0, min(1, confidence)))
    }

    /// A text glyph for a pixel: the class pattern, or ŷ on the shade ramp.
    static func glyph(_ o: [Float], _ task: Task, _ lo: Double, _ hi: Double) -> Character {
        guard task.isClassification else { return ShadeRamp.glyph(ColorMap.normalize(Double(o[0]), lo: lo, hi: hi)) }
        var best = 0
        for j in 1..<o.count where o[j] > o[best] { best = j }
        return patterns[best % patterns.count]
    }

    static func targetRange(_ d: Dataset) -> (Double, Double) {
        let ys = d.train.targets + d.test.targets
        guard let lo = ys.min(), let hi = ys.max(), lo < hi else { return (-1, 1) }
        return (Double(lo), Double(hi))
    }

    /// Point colour: the class hue, darker so it stands out on the heatmap.
    static func pointColor(_ label: Int, classes k: Int) -> Color {
        if k == 2 { return label == 0 ? Color(hex: 0xb35900) : Color(hex: 0x04477a) }
        return ColorMap.classColors[label % ColorMap.classColors.count].mixed(with: Color(hex: 0x000000), 0.35)
    }

    static func drawPoints(_ run: RunSnapshot, _ field: BoundaryField, halfBlocks: Bool, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let d = run.dataset
        let classification = d.task.isClassification
        for (isTest, split) in [(true, d.test), (false, d.train)] {
            let p = split.x.pointer
            for i in 0..<split.count {
                guard let px = field.pixel(Double(p[2 * i]), Double(p[2 * i + 1])) else { continue }
                let (x, y) = (rect.x + px.col, rect.y + (halfBlocks ? px.row / 2 : px.row))
                let label = classification ? split.labels[i] : 0
                let flipped = classification && !isTest && split.labels[i] != split.cleanLabels[i]
                if theme.hasColor {
                    let g = flipped ? theme.flippedGlyph : (isTest ? theme.testGlyph : theme.trainGlyph)
                    let fg = classification ? pointColor(label, classes: d.task.classes) : Color(hex: isTest ? 0xffffff : 0x000000)
                    frame.stamp(g, x: x, y: y, fg: fg, bold: true)
                } else {
                    let g: Character = flipped ? "x" : classification
                        ? (isTest ? Character(UnicodeScalar(UInt8(97 + label % 26))) : Character("\(label % 10)"))
                        : (isTest ? "+" : "o")
                    frame[x, y] = Cell(g, style: Style(bold: true))
                }
            }
        }
    }

    /// 1-D regression: the points (train, test) and the fitted curve ŷ(x1) in braille.
    static func renderCurve(_ run: RunSnapshot, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let d = run.dataset
        let xs = (0..<d.train.count).map { Double(d.train.x[$0, 0]) } + (0..<d.test.count).map { Double(d.test.x[$0, 0]) }
        guard let xlo = xs.min(), let xhi = xs.max(), xhi > xlo else { return }
        var (ylo, yhi) = targetRange(d)
        let pad = (yhi - ylo) * 0.08
        ylo -= pad
        yhi += pad
        var canvas = BrailleCanvas(width: rect.width, height: rect.height, ascii: theme.ascii)
        let dw = Double(canvas.dotWidth), dh = Double(canvas.dotHeight)
        func dot(_ x: Double, _ y: Double) -> (Double, Double) {
            ((x - xlo) / (xhi - xlo) * (dw - 1), (yhi - y) / (yhi - ylo) * (dh - 1))
        }
        for (split, color, marker) in [(d.train, Theme.trainColor, Character("o")), (d.test, Theme.testColor, Character("+"))] {
            for i in 0..<split.count {
                let (u, v) = dot(Double(split.x[i, 0]), Double(split.targets[i]))
                if let x = CellIndex.inside(u, 0..<canvas.dotWidth), let y = CellIndex.inside(v, 0..<canvas.dotHeight) {
                    canvas.set(x: x, y: y, color: color, marker: marker)
                }
            }
        }
        let n = canvas.dotWidth
        let grid = (0..<n).map { i -> Float in Float(xlo + (xhi - xlo) * Double(i) / Double(max(n - 1, 1))) }
        let pts = Tensor(shape: [n, 2], scalars: grid.flatMap { [$0, 0] })
        let yhat = run.model.predict(points: pts)
        for i in 1..<max(n, 1) {
            let a = dot(Double(grid[i - 1]), Double(yhat[flat: i - 1])), b = dot(Double(grid[i]), Double(yhat[flat: i]))
            canvas.line(fromX: a.0, y0: a.1, toX: b.0, y1: b.1, color: Theme.gradientColor, marker: "#")
        }
        canvas.render(in: rect, into: &frame)
    }
}
