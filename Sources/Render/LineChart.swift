import Platform

/// One (x, y) sample of a chart series.
public struct ChartPoint: Hashable, Sendable {
    /// Horizontal position (e.g. the step).
    public var x: Double
    /// Value (e.g. the loss).
    public var y: Double
    /// The point (x, y).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named line of a ``LineChart``.
public struct Series: Hashable, Sendable {
    /// Name shown in the legend.
    public var name: String
    /// Colour of its dots and legend marker.
    public var color: Color
    /// Glyph of its cells in ASCII mode and of its legend entry there (e.g. `*`, `+`, `o`).
    public var marker: Character
    /// The samples, in drawing order; consecutive valid points are joined by lines
    /// unless `scatter`.
    public var points: [ChartPoint]
    /// Draw each point as a dot, without lines between them.
    public var scatter: Bool

    /// A series of the given points.
    public init(_ name: String, color: Color = .default, marker: Character = "*", points: [ChartPoint], scatter: Bool = false) {
        self.name = name
        self.color = color
        self.marker = marker
        self.points = points
        self.scatter = scatter
    }

    /// A series of `ys` at x = 0, 1, 2, …
    public init(_ name: String, color: Color = .default, marker: Character = "*", ys: [Double]) {
        self.init(name, color: color, marker: marker, points: ys.enumerated().map { ChartPoint(Double($0.offset), $0.element) })
    }
}

/// A vertical mark on a chart's x axis (an event on a step axis): a thin line through
/// the empty cells of the plot at `x`, and `label` at the top when it fits.
public struct ChartMark: Hashable, Sendable {
    public var x: Double
    public var label: String
    public var color: Color
    public init(x: Double, label: String, color: Color = .default) {
        self.x = x
        self.label = label
        self.color = color
    }
}

/// The range of a chart axis.
public enum AxisRange: Hashable, Sendable {
    /// From the data: exact minimum to maximum of the points shown.
    case auto
    /// A fixed range (for log-y: positive bounds, else the axis falls back to `.auto`).
    case fixed(Double, Double)
}

/// A line chart of several series in braille dots (ASCII markers in ASCII mode), with a
/// y axis of nice ticks and labels on the left, x-axis labels at the bottom and a legend on top.
///
/// ```
/// ━ train  ━ test
///   1┤⠑⠢⡀
///    │   ⠈⠑⠒⠤⣀⣀
///   0┤         ⠉⠉⠉
///    └┬────┬────┬
///     0    5   10
/// ```
/// - Points with a non-finite x or y are skipped and break the line (as do y ≤ 0 in log-y).
/// - Auto ranges span the data exactly; a constant series (spread ≤ 1e-6 of its values: rounding noise)
///   gets ±10 % (±1 at 0; ±½ decade in log-y), so noise is never magnified into a curve.
///   The y range covers only points whose x lies in the x range.
/// - Log-y plots log10(y); ticks at powers of ten (see ``NiceTicks/log(_:_:maxCount:)``).
/// - Where series share a cell, the later series in ``series`` wins the cell's colour.
/// - Layout: legend 1 row (if shown and the rect has ≥ 4 rows), x axis 2 rows, y labels as
///   wide as the widest label plus the axis column. Rects too small for axes (fewer than
///   3 rows or 4 columns left for them) get only the dots; nothing ever traps.
public struct LineChart: Widget, Sendable {
    /// The lines, drawn in order (later ones win shared cells).
    public var series: [Series]
    /// Range of the x axis (default `.auto`).
    public var xRange: AxisRange
    /// Range of the y axis in data units (default `.auto`).
    public var yRange: AxisRange
    /// Plot log10(y).
    public var logY: Bool
    /// Draw the legend row.
    public var showLegend: Bool
    /// ASCII markers and `+-|` axes instead of braille and box drawing.
    public var ascii: Bool
    /// Style of the axis lines.
    public var axisStyle: Style
    /// Style of tick labels and legend names.
    public var labelStyle: Style
    /// Shown in the middle of the plot when no series has a point to draw.
    public var emptyText: String
    /// The y labels' column is at least this wide (to align the plots of charts stacked
    /// above each other; see ``yLabelWidth(height:)``).
    public var minimumLabelWidth = 0
    /// Vertical marks (events) drawn behind the data.
    public var marks: [ChartMark] = []
    /// Label the x axis with whole numbers only (steps).
    public var integerX = false
    /// Draw the x axis and its labels (charts stacked on one x range may show them once, at the bottom).
    public var showXAxis = true

    /// A chart; everything but the series has a default.
    public init(
        series: [Series], xRange: AxisRange = .auto, yRange: AxisRange = .auto, logY: Bool = false,
        showLegend: Bool = true, ascii: Bool = false, axisStyle: Style = .plain, labelStyle: Style = .plain,
        emptyText: String = "no data"
    ) {
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.logY = logY
        self.showLegend = showLegend
        self.ascii = ascii
        self.axisStyle = axisStyle
        self.labelStyle = labelStyle
        self.emptyText = emptyText
    }

    /// The ranges the chart uses: x in data units, y in plotted units (log10 y in log-y mode).
    /// `hasData` is false when no point is drawable.
    public func resolvedRanges() -> (x: (lo: Double, hi: Double), y: (lo: Double, hi: Double), hasData: Bool) {
        let xs = series.flatMap { $0.points.compactMap { p in plotY(p.y) != nil && p.x.isFinite ? p.x : nil } }
        var x = (lo: 0.0, hi: 1.0)
        if case let .fixed(a, b) = xRange, a.isFinite, b.isFinite, a != b {
            x = (min(a, b), max(a, b))
        } else if let lo = xs.min(), let hi = xs.max() {
            x = lo == hi ? (lo, lo + 1) : (lo, hi)
        }
        let ys = series.flatMap {
            $0.points.compactMap { p in p.x.isFinite && p.x >= x.lo && p.x <= x.hi ? plotY(p.y) : nil }
        }
        var y = (lo: 0.0, hi: 1.0)  // no data: 0…1 (1…10 in log-y)
        if case let .fixed(a, b) = yRange, let pa = plotY(a), let pb = plotY(b), pa != pb {
            y = (min(pa, pb), max(pa, pb))
        } else if let lo = ys.min(), let hi = ys.max() {
            // a spread within rounding (≤ 1e-6 of the values) is a constant, not a curve to magnify
            let constant = hi - lo <= 1e-6 * Swift.max(abs(lo), abs(hi))
            if !constant {
                y = (lo, hi)
            } else if logY {
                y = ((lo + hi) / 2 - 0.5, (lo + hi) / 2 + 0.5)
            } else {
                let mid = lo / 2 + hi / 2
                let d = mid == 0 ? 1 : Swift.max(abs(mid) * 0.1, 1e-6)
                y = (mid - d, mid + d)
            }
        }
        return (x, y, !ys.isEmpty)
    }

    /// y in plotted units, or nil if it cannot be drawn.
    private func plotY(_ y: Double) -> Double? {
        guard y.isFinite else { return nil }
        if logY { return y > 0 ? LibM.log10(y) : nil }
        return y
    }

    /// Draws legend, axes and lines into `rect` (see the type's documentation for the layout).
    public func render(in rect: Rect, into frame: inout Frame) {
        guard !rect.isEmpty else { return }
        let legendRows = legendRows(height: rect.height)
        let area = rect.inset(top: legendRows)
        let (xr, yr, hasData) = resolvedRanges()

        // y ticks (plotted units) and their labels
        let plotH = area.height - (showXAxis ? 2 : 0)
        let yTicks = self.yTicks(yr, plotHeight: plotH)
        let labelW = max(1, minimumLabelWidth, yTicks.map(\.label.count).max() ?? 1)
        let withAxes = plotH >= 1 && area.width - labelW - 1 >= 1 && area.width >= 4
        let plot =
            withAxes
            ? Rect(x: area.x + labelW + 1, y: area.y, width: area.width - labelW - 1, height: plotH)
            : area

        // data
        var canvas = BrailleCanvas(width: plot.width, height: plot.height, ascii: ascii)
        let dotW = Double(max(1, canvas.dotWidth - 1)), dotH = Double(max(1, canvas.dotHeight - 1))
        func dotX(_ x: Double) -> Double { (x - xr.lo) / (xr.hi - xr.lo) * dotW }
        func dotY(_ y: Double) -> Double { (yr.hi - y) / (yr.hi - yr.lo) * dotH }
        for s in series {
            var prev: (Double, Double)? = nil
            for p in s.points {
                guard p.x.isFinite, let py = plotY(p.y) else {
                    prev = nil
                    continue
                }
                let cur = (dotX(p.x), dotY(py))
                let from = s.scatter ? cur : prev ?? cur
                canvas.line(fromX: from.0, y0: from.1, toX: cur.0, y1: cur.1, color: s.color, marker: s.marker)
                prev = cur
            }
        }
        drawMarks(plot: plot, dotX: dotX, frame: &frame)
        canvas.render(in: plot, into: &frame)
        if !hasData {
            frame.put(emptyText, in: plot.row(plot.height / 2), align: .center, style: labelStyle)
        }

        if withAxes {
            drawYAxis(yTicks, plot: plot, labelX: area.x, labelW: labelW, dotY: dotY, frame: &frame)
            if showXAxis { drawXAxis(xr, plot: plot, bounds: area, dotX: dotX, frame: &frame) }
        }
        if legendRows > 0 {
            drawLegend(in: Rect(x: plot.x, y: rect.y, width: rect.maxX - plot.x, height: 1), frame: &frame)
        }
    }

    private func legendRows(height: Int) -> Int { showLegend && !series.isEmpty && height >= (showXAxis ? 4 : 3) ? 1 : 0 }

    private func yTicks(_ yr: (lo: Double, hi: Double), plotHeight plotH: Int) -> [(value: Double, label: String)] {
        guard plotH >= 1 else { return [] }
        let maxTicks = max(1, (plotH + 1) / 2)
        if logY {
            // one label per value: nice log ticks can round to the same text
            var seen = Set<String>()
            return NiceTicks.log(LibM.pow(10.0, yr.lo), LibM.pow(10.0, yr.hi), maxCount: maxTicks)
                .map { (LibM.log10($0), NiceTicks.format($0)) }.filter { seen.insert($0.1).inserted }
        }
        let (ticks, step) = NiceTicks.linearWithStep(yr.lo, yr.hi, maxCount: maxTicks)
        return ticks.map { ($0, NiceTicks.format($0, step: step)) }
    }

    /// The width of the y labels this chart draws in a rect `height` rows high (charts
    /// stacked above each other align their plots by setting ``minimumLabelWidth`` to the
    /// largest of theirs).
    public func yLabelWidth(height: Int) -> Int {
        let plotH = height - legendRows(height: height) - (showXAxis ? 2 : 0)
        return max(1, yTicks(resolvedRanges().y, plotHeight: plotH).map(\.label.count).max() ?? 1)
    }

    private func drawYAxis(
        _ ticks: [(value: Double, label: String)], plot: Rect, labelX: Int, labelW: Int,
        dotY: (Double) -> Double, frame: inout Frame
    ) {
        let axisX = plot.x - 1
        for y in plot.y..<plot.maxY { frame[axisX, y] = Cell(ascii ? "|" : "│", style: axisStyle) }
        var used = Set<Int>()
        for t in ticks {
            let d = dotY(t.value)
            guard d.isFinite, d > -0.5, d < Double(plot.height * 4) - 0.5 else { continue }
            let row = Int(d.rounded()) / 4
            guard used.insert(row).inserted else { continue }
            frame[axisX, plot.y + row] = Cell(ascii ? "+" : "┤", style: axisStyle)
            frame.put(t.label, in: Rect(x: labelX, y: plot.y + row, width: labelW, height: 1), align: .right, style: labelStyle)
        }
    }

    private func drawXAxis(
        _ xr: (lo: Double, hi: Double), plot: Rect, bounds: Rect, dotX: (Double) -> Double, frame: inout Frame
    ) {
        let axisY = plot.maxY, labelY = plot.maxY + 1
        frame[plot.x - 1, axisY] = Cell(ascii ? "+" : "└", style: axisStyle)
        for x in plot.x..<plot.maxX { frame[x, axisY] = Cell(ascii ? "-" : "─", style: axisStyle) }
        // room for labels as wide as those of the range ends, with 3 cells between
        let guess = max(NiceTicks.format(xr.lo).count, NiceTicks.format(xr.hi).count)
        var (ticks, step) = NiceTicks.linearWithStep(xr.lo, xr.hi, maxCount: max(1, plot.width / (guess + 3)))
        if integerX && step < 1 {
            // steps are whole: never a fractional tick
            ticks = ticks.filter { $0 == $0.rounded() }
            step = 1
        }
        var lastEnd = Int.min
        for t in ticks {
            let d = dotX(t)
            guard d.isFinite, d > -0.5, d < Double(plot.width * 2) - 0.5 else { continue }
            let col = plot.x + Int(d.rounded()) / 2
            let label = NiceTicks.format(t, step: step)
            let n = label.count
            let start = min(max(col - (n - 1) / 2, bounds.x), bounds.maxX - n)
            guard start > lastEnd, start >= bounds.x else { continue }
            frame[col, axisY] = Cell(ascii ? "+" : "┬", style: axisStyle)
            frame.put(label, x: start, y: labelY, style: labelStyle, clippedTo: bounds)
            lastEnd = start + n
        }
    }

    /// Entries in series order; an entry that does not fit whole is left out (never cut),
    /// and so are the ones after it.
    private func drawLegend(in row: Rect, frame: inout Frame) {
        var x = row.x
        for s in series where !s.name.isEmpty {
            guard x + 2 + s.name.count <= row.maxX else { return }
            frame.put(String(ascii ? s.marker : "━"), x: x, y: row.y, style: Style(fg: s.color), clippedTo: row)
            x = frame.put(" " + s.name, x: x + 1, y: row.y, style: labelStyle, clippedTo: row) + 2
        }
    }

    /// Marks: a dotted line in the empty cells of their column, the label at the top row
    /// (right of the line, when it fits and does not overlap an earlier label).
    private func drawMarks(plot: Rect, dotX: (Double) -> Double, frame: inout Frame) {
        var labelEnd = Int.min
        for m in marks.sorted(by: { $0.x < $1.x }) {
            let d = dotX(m.x)
            guard let col = CellIndex.inside(d / 2, 0..<plot.width, rounding: .down) else { continue }
            let x = plot.x + col
            for y in plot.y..<plot.maxY { frame[x, y] = Cell(ascii ? ":" : "┆", style: Style(fg: m.color, dim: true)) }
            let start = x + 1
            if start > labelEnd, start + m.label.count <= plot.maxX {
                frame.put(m.label, x: start, y: plot.y, style: Style(fg: m.color, dim: true), clippedTo: plot)
                labelEnd = start + m.label.count
            }
        }
    }
}
