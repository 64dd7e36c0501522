import Engine
import Learning
import Render

/// The Landscape panel: a slice of the loss surface around the current weights
/// (Li et al. 2018) — f(α, β) = L(θ + α d₁ + β d₂) as a viridis heatmap
/// (log colour with `Y`), contour dots where the colour level changes, the
/// centre ✚, the optimizer's path in PCA mode, a colour bar with values, the
/// span on the axes, and rows appearing as they are computed. `1` shows the
/// 1-D slice along d₁ and the interpolation from the initial weights instead.
enum LandscapeView {
    static let levels = 6.0

    static func render(_ state: AppState, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let s = state.landscape
        frame.render(theme.panel("Landscape"), in: rect)
        let inner = rect.inset(by: 1)
        guard inner.width > 8, inner.height > 4 else { return }
        let rows = inner.split(.vertical, [.length(1), .fill, .length(1)])
        guard let p = state.landscapeProgress else {
            // wrapped at spaces, never cut; a key stays with what it does ("[ ] span" is one unit)
            let about = "g: the loss surface around the weights (filter-normalized, Li et al. 2018)"
            let units = about.split(separator: " ").map(String.init) + ["· p PCA", "· [ ] span", "· { } grid", "· 1 slice"]
            var y = rows[1].y
            var line = ""
            for word in units {
                if !line.isEmpty && line.count + 1 + word.count > inner.width {
                    frame.put(line, x: inner.x, y: y, style: theme.dim, clippedTo: inner)
                    y += 1
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if y < rows[1].maxY { frame.put(line, x: inner.x, y: y, style: theme.dim, clippedTo: inner) }
            return
        }
        frame.put(caption(p, s, state).fitted(to: inner.width), x: inner.x, y: inner.y, style: theme.dim, clippedTo: rows[0])
        if let error = p.error {
            frame.put(String(error.prefix(inner.width)), x: inner.x, y: rows[1].y, style: Style(bold: true), clippedTo: rows[1])
            return
        }
        if p.rows.isEmpty {
            renderCurves(p, state, in: rows[1], into: &frame, theme: theme)
        } else {
            renderSurface(p, s, in: rows[1], into: &frame, theme: theme)
        }
        frame.put(legend(p, theme: theme).fitted(to: inner.width), x: inner.x, y: rows[2].y, style: theme.dim, clippedTo: rows[2])
    }

    /// The line under the map: the axes' range and what the marks mean.
    static func legend(_ p: LandscapeWorker.Progress, theme: Theme) -> FieldLine {
        typealias F = FieldLine.Field
        if p.rows.isEmpty { return FieldLine([F("α: d₁ (slice), 0 → 1 = init → now")]) }
        let span = p.coordinates.last ?? 1
        var fields = [
            F("α, β ∈ [−\(NiceTicks.format(span)), \(NiceTicks.format(span))]", priority: 3),
            F("\(theme.ascii ? "+" : "✚") centre", priority: 2),
        ]
        if p.pcaPath != nil { fields.append(F("\(theme.ascii ? "o" : "•") path", priority: 2)) }
        if theme.hasColor && !theme.ascii { fields.append(F("· contour", priority: 1)) }
        if p.rows.contains(where: { $0?.contains { !$0.isFinite } ?? false }) {
            fields.append(F(theme.hasColor && !theme.ascii ? "▀ nan/inf" : "! nan/inf", priority: 4))
        }
        return FieldLine(fields)
    }

    /// The header: fields dropped whole by priority when the panel is narrow (never cut).
    static func caption(_ p: LandscapeWorker.Progress, _ s: LandscapeSettings, _ state: AppState) -> FieldLine {
        typealias F = FieldLine.Field
        var fields: [F] = []
        let pca = p.explainedVariance.flatMap { $0.count >= 2 ? $0 : nil }
        fields.append(
            F(
                pca.map { "PCA \(fixed($0[0] * 100, 0))%/\(fixed($0[1] * 100, 0))%" } ?? "random·\(p.options.effectiveNormalization.rawValue)",
                priority: 2))
        if !p.done { fields.append(F(p.rows.isEmpty ? "computing…" : "\(p.rowsDone)/\(p.rows.count) rows", priority: 6)) }
        if !p.rows.isEmpty { fields.append(F("\(p.coordinates.count)²", priority: 1)) }
        fields.append(F("@ step \(p.step)", priority: 3))
        if pca == nil, let c = p.cosine { fields.append(F("cos \(fixed(c, 2))", priority: 0)) }
        if let c = p.center { fields.append(F("centre \(NiceTicks.format(c))", priority: 5)) }
        if let h = p.sharpness { fields.append(F("λmax \(NiceTicks.format(h))", priority: 5)) }
        let bad = p.rows.reduce(0) { $0 + ($1?.filter { !$0.isFinite }.count ?? 0) }
        if bad > 0 { fields.append(F("\(bad) nan/inf", priority: 4)) }
        if s.logScale { fields.append(F("log", priority: 4)) }
        if s.autoRefresh { fields.append(F("auto", priority: 4)) }
        return FieldLine(fields)
    }

    /// The colour of a value that cannot be placed on the scale (NaN, ±inf).
    static let nonFiniteColor = Color(hex: 0xff40ff)

    static func renderSurface(_ p: LandscapeWorker.Progress, _ s: LandscapeSettings, in area: Rect, into frame: inout Frame, theme: Theme) {
        let values = p.rows.compactMap { $0 }.joined()
        let finite = values.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 0
        let minLabel = NiceTicks.format(lo, significantDigits: 2), maxLabel = NiceTicks.format(hi, significantDigits: 2)
        // the colour bar's column is as wide as its labels (never cut)
        let barWidth = 2 + 1 + max(minLabel.count, maxLabel.count) + 1
        let withBar = area.width - barWidth >= 8 && !finite.isEmpty
        let parts = withBar ? area.split(.horizontal, [.fill, .length(barWidth)]) : [area]
        let map = parts[0]
        let halfBlocks = theme.hasColor && !theme.ascii
        let grid = SurfaceGrid(points: p.coordinates.count, cols: map.width, pixelRows: halfBlocks ? map.height * 2 : map.height)
        guard grid.points > 0 else { return }
        func value(_ col: Int, _ pxRow: Int) -> Double? {
            p.rows[grid.gridRow(ofPixelRow: pxRow)]?[grid.gridColumn(ofColumn: col)]
        }
        func t(_ v: Double) -> Double { ColorMap.normalize(v, lo: lo, hi: hi, log: s.logScale) }
        func color(_ v: Double) -> Color { v.isFinite ? ColorMap.viridis(t(v)) : nonFiniteColor }
        if halfBlocks {
            let heat = Heatmap(cols: map.width, rows: grid.pixelRows) { c, r in value(c, r).map(color) }
            frame.render(heat, in: map)
        } else {
            Heatmap.renderGlyphs(
                in: map, into: &frame,
                style: { c, r in
                    theme.hasColor ? Style(fg: value(c, r).map(color) ?? .default) : .plain
                }
            ) { c, r in value(c, r).map { $0.isFinite ? ShadeRamp.glyph(t($0)) : "!" } ?? " " }
        }
        // contour dots where the colour level steps between neighbouring cells (finite values only)
        if halfBlocks {
            func level(_ c: Int, _ y: Int) -> Int? {
                guard let v = value(c, 2 * y), v.isFinite else { return nil }
                return CellIndex.of(t(v) * levels, in: 0...Int(levels), rounding: .down)
            }
            for y in 0..<map.height {
                for c in 0..<map.width {
                    guard let l = level(c, y) else { continue }
                    let right = c + 1 < map.width ? level(c + 1, y) : l
                    let below = y + 1 < map.height ? level(c, y + 1) : l
                    if (right != nil && right! != l) || (below != nil && below! != l) {
                        frame.stamp("·", x: map.x + c, y: map.y + y, fg: Color(hex: 0x101010))
                    }
                }
            }
        }
        // the PCA path and the centre, each on the cell that shows its grid point
        func cell(_ a: Double, _ b: Double) -> (Int, Int)? {
            guard let j = grid.nearestIndex(a, p.coordinates), let i = grid.nearestIndex(b, p.coordinates) else { return nil }
            let y = grid.pixelRow(ofGridRow: i)
            return (map.x + grid.column(ofGridColumn: j), map.y + (halfBlocks ? y / 2 : y))
        }
        let ink = theme.hasColor ? Color(hex: 0xffffff) : .default
        if let path = p.pcaPath {
            for k in 1..<max(path.count, 1) {
                for u in stride(from: 0.0, through: 1.0, by: 0.125) {
                    let q = path[k - 1] * (1 - u) + path[k] * u
                    if let (x, y) = cell(q.x, q.y) { frame.stamp(theme.ascii ? "o" : "•", x: x, y: y, fg: ink) }
                }
            }
        }
        if let (x, y) = cell(0, 0) {
            frame.stamp(theme.ascii ? "+" : "✚", x: x, y: y, fg: theme.hasColor ? Color(hex: 0xff2020) : .default, bold: true)
        }
        if parts.count > 1 {
            let bar = ColorBar(
                .vertical, minLabel: minLabel, maxLabel: maxLabel,
                ascii: !halfBlocks, labelStyle: theme.dim
            ) { ColorMap.viridis($0) }
            frame.render(bar, in: parts[1].inset(left: 1))
        }
    }

    static func renderCurves(_ p: LandscapeWorker.Progress, _ state: AppState, in area: Rect, into frame: inout Frame, theme: Theme) {
        var series: [Series] = []
        if let c = p.slice {
            series.append(Series("slice d₁", color: Theme.trainColor, marker: "s", points: zip(c.coordinates, c.values).map { ChartPoint($0, $1) }))
        }
        if let c = p.interpolation {
            series.append(Series("init→now", color: Theme.testColor, marker: "i", points: zip(c.coordinates, c.values).map { ChartPoint($0, $1) }))
        }
        let chart = LineChart(
            series: series, logY: state.landscape.logScale, ascii: state.ascii || !theme.hasColor,
            axisStyle: theme.dim, labelStyle: theme.dim, emptyText: "computing…")
        frame.render(chart, in: area)
    }
}
