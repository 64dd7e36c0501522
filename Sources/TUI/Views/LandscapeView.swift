import Engine
import Learning
import Render

/// The Landscape panel: a slice of the loss surface around the current weights
/// (Li et al. 2018, #29) — f(α, β) = L(θ + α d₁ + β d₂) as a viridis heatmap
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
            let help = ["g: the loss surface around the weights",
                        "(filter-normalized, Li et al. 2018)",
                        "p PCA · [ ] span · { } grid · 1 slice"]
            for (i, line) in help.enumerated() where i < rows[1].height {
                frame.put(String(line.prefix(inner.width)), x: inner.x, y: rows[1].y + i, style: theme.dim, clippedTo: inner)
            }
            return
        }
        frame.put(String(caption(p, s, state).prefix(inner.width)), x: inner.x, y: inner.y, style: theme.dim, clippedTo: rows[0])
        if let error = p.error {
            frame.put(String(error.prefix(inner.width)), x: inner.x, y: rows[1].y, style: Style(bold: true), clippedTo: rows[1])
            return
        }
        if p.rows.isEmpty {
            renderCurves(p, state, in: rows[1], into: &frame, theme: theme)
        } else {
            renderSurface(p, s, in: rows[1], into: &frame, theme: theme)
        }
        let span = p.coordinates.last ?? 1
        let axes = p.rows.isEmpty ? "α: d₁ (slice), 0 → 1 = init → now"
            : "α, β ∈ [−\(fixed(span, 2)), \(fixed(span, 2))]  \(theme.ascii ? "+" : "✚") centre" + (p.pcaPath != nil ? "  \(theme.ascii ? "o" : "•") path" : "")
        frame.put(String(axes.prefix(inner.width)), x: inner.x, y: rows[2].y, style: theme.dim, clippedTo: rows[2])
    }

    static func caption(_ p: LandscapeWorker.Progress, _ s: LandscapeSettings, _ state: AppState) -> String {
        var parts: [String] = []
        let pca = p.explainedVariance.flatMap { $0.count >= 2 ? $0 : nil }
        parts.append(pca.map { "PCA \(fixed($0[0] * 100, 0))%/\(fixed($0[1] * 100, 0))%" } ?? "random·\(p.options.effectiveNormalization.rawValue)")
        if !p.done { parts.append(p.rows.isEmpty ? "computing…" : "\(p.rowsDone)/\(p.rows.count) rows") }
        if !p.rows.isEmpty { parts.append("\(p.coordinates.count)²") }
        parts.append("@ step \(p.step)")
        if pca == nil, let c = p.cosine { parts.append("cos \(fixed(c, 2))") }
        if let c = p.center { parts.append("centre \(NiceTicks.format(c))") }
        if let h = p.sharpness { parts.append("λmax \(NiceTicks.format(h))") }
        if s.logScale { parts.append("log") }
        if s.autoRefresh { parts.append("auto") }
        return parts.joined(separator: "  ")
    }

    static func renderSurface(_ p: LandscapeWorker.Progress, _ s: LandscapeSettings, in area: Rect, into frame: inout Frame, theme: Theme) {
        let parts = area.split(.horizontal, [.fill, .length(min(10, area.width / 4))])
        let map = parts[0]
        let values = p.rows.compactMap { $0 }.joined().filter(\.isFinite)
        guard let lo = values.min(), let hi = values.max() else { return }
        let n = p.coordinates.count
        let halfBlocks = theme.hasColor && !theme.ascii
        let pxRows = halfBlocks ? map.height * 2 : map.height
        func value(_ col: Int, _ pxRow: Int) -> Double? {
            let j = min(n - 1, col * n / max(map.width, 1))
            let i = min(n - 1, (pxRows - 1 - pxRow) * n / max(pxRows, 1))  // β grows upwards
            return p.rows[i]?[j]
        }
        func t(_ v: Double) -> Double { ColorMap.normalize(v, lo: lo, hi: hi, log: s.logScale) }
        if halfBlocks {
            let heat = Heatmap(cols: map.width, rows: pxRows) { c, r in value(c, r).map { ColorMap.viridis(t($0)) } }
            frame.render(heat, in: map)
        } else {
            Heatmap.renderGlyphs(in: map, into: &frame, style: { c, r in
                theme.hasColor ? Style(fg: value(c, r).map { ColorMap.viridis(t($0)) } ?? .default) : .plain
            }) { c, r in value(c, r).map { ShadeRamp.glyph(t($0)) } ?? " " }
        }
        // contour dots where the colour level steps between neighbouring cells
        if halfBlocks {
            func level(_ c: Int, _ y: Int) -> Int? { value(c, 2 * y).map { Int((t($0) * levels).rounded(.down)) } }
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
        // the PCA path and the centre
        let span = p.coordinates.last ?? 1
        func cell(_ a: Double, _ b: Double) -> (Int, Int)? {
            let cx = Int(((a + span) / (2 * span) * Double(map.width)).rounded(.down))
            let cy = Int(((span - b) / (2 * span) * Double(map.height)).rounded(.down))
            guard cx >= 0, cx < map.width, cy >= 0, cy < map.height else { return nil }
            return (map.x + cx, map.y + cy)
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
        if let (x, y) = cell(0, 0) { frame.stamp(theme.ascii ? "+" : "✚", x: x, y: y, fg: theme.hasColor ? Color(hex: 0xff2020) : .default, bold: true) }
        if parts.count > 1 {
            let bar = ColorBar(.vertical, minLabel: NiceTicks.format(lo, significantDigits: 2), maxLabel: NiceTicks.format(hi, significantDigits: 2),
                               ascii: !halfBlocks, labelStyle: theme.dim) { ColorMap.viridis($0) }
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
        let chart = LineChart(series: series, logY: state.landscape.logScale, ascii: state.ascii || !theme.hasColor,
                              axisStyle: theme.dim, labelStyle: theme.dim, emptyText: "computing…")
        frame.render(chart, in: area)
    }
}
