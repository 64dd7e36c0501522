import Engine
import Learning
import Render

/// Regions: the decision-boundary box coloured by linear region — the activation pattern of
/// the hidden units of a relu / leaky_relu network — with neighbouring regions in distinct
/// colours (a greedy colouring of the regions' adjacency), region boundaries darkened, the
/// count in the title (on the 200 × 200 grid of analysis.json) and the data points on top.
/// Without colour: a glyph per colour.
enum RegionsView {
    static let palette: [Color] = [
        0x8dd3c7, 0xffffb3, 0xbebada, 0xfb8072, 0x80b1d3, 0xfdb462, 0xb3de69,
        0xfccde5, 0xd9d9d9, 0xbc80bd, 0xccebc5, 0xffed6f,
    ].map { Color(hex: $0) }
    static let glyphs: [Character] = Array(".:+=*#%@ox-~")

    static func regions(
        _ run: RunSnapshot, index: Int, _ state: AppState, _ cache: ViewCache, in rect: Rect,
        theme: Theme
    ) -> CachedRegions? {
        guard LinearRegions.applies(to: run.model.spec) else { return nil }
        let halfBlocks = theme.hasColor && !theme.ascii
        let box = run.dataset.displayBox
        let area = DecisionBoundaryView.letterbox(rect, aspect: (box.x1 - box.x0) / (box.y1 - box.y0))
        let cols = area.width, rows = halfBlocks ? area.height * 2 : area.height
        let key = ViewCache.AnalysisKey(run: index, step: run.step, sequence: state.snapshot?.sequence ?? 0)
        if let c = cache.regions[index], c.cols == cols, c.rows == rows,
            c.key == key || (state.running && state.now - c.time < 0.5)
        {
            return c
        }
        // the count on the 200 × 200 grid, the picture at the panel's resolution
        let count = LinearRegions(model: run.model, box: box, side: 200).count
        let picture = LinearRegions(model: run.model, box: box, side: max(cols, rows), scale: (cols, rows))
        let colours = colouring(picture.region, cols: cols, rows: rows, count: picture.count)
        let c = CachedRegions(
            key: key, time: state.now, cols: cols, rows: rows, area: area, count: count,
            region: picture.region, colour: colours)
        cache.regions[index] = c
        return c
    }

    /// A colour index per region such that regions sharing an edge of the grid differ (greedy,
    /// in order of first appearance; at most the palette's size, reused beyond).
    static func colouring(_ region: [Int], cols: Int, rows: Int, count: Int) -> [Int] {
        var neighbours = [Set<Int>](repeating: [], count: count)
        for r in 0..<rows {
            for c in 0..<cols {
                let a = region[r * cols + c]
                if c + 1 < cols, case let b = region[r * cols + c + 1], b != a { neighbours[a].insert(b); neighbours[b].insert(a) }
                if r + 1 < rows, case let b = region[(r + 1) * cols + c], b != a { neighbours[a].insert(b); neighbours[b].insert(a) }
            }
        }
        var colour = [Int](repeating: -1, count: count)
        for i in 0..<count {
            let taken = Set(neighbours[i].map { colour[$0] })
            colour[i] = (0..<palette.count).first { !taken.contains($0) } ?? i % palette.count
        }
        return colour
    }

    static func render(
        _ run: RunSnapshot, _ regions: CachedRegions?, _ state: AppState, in rect: Rect, into frame: inout Frame,
        theme: Theme
    ) {
        guard let regions else {
            AnalysisViews.notApplicable(
                "linear regions need relu or leaky_relu (this network uses \(run.model.spec.activation.rawValue))",
                in: rect, into: &frame, theme: theme)
            return
        }
        let (cols, rows, area) = (regions.cols, regions.rows, regions.area)
        func id(_ c: Int, _ r: Int) -> Int { regions.region[r * cols + c] }
        func boundary(_ c: Int, _ r: Int) -> Bool {
            let a = id(c, r)
            return (c + 1 < cols && id(c + 1, r) != a) || (r + 1 < rows && id(c, r + 1) != a)
        }
        if theme.hasColor && !theme.ascii {
            frame.render(
                Heatmap(cols: cols, rows: rows) { c, r in
                    let base = palette[regions.colour[id(c, r)] % palette.count]
                    return boundary(c, r) ? base.mixed(with: Color(hex: 0x202020), 0.55) : base
                }, in: area)
        } else {
            Heatmap.renderGlyphs(
                in: area, into: &frame,
                style: { c, r in
                    theme.hasColor ? Style(fg: palette[regions.colour[id(c, r)] % palette.count]) : .plain
                }
            ) { c, r in boundary(c, r) && !theme.hasColor ? "|" : glyphs[regions.colour[id(c, r)] % glyphs.count] }
        }
        // the data points on top (as on the decision boundary)
        let field = BoundaryField(
            xmin: run.dataset.displayBox.x0, xmax: run.dataset.displayBox.x1,
            ymin: run.dataset.displayBox.y0, ymax: run.dataset.displayBox.y1, cols: cols, rows: rows, outputs: [])
        DecisionBoundaryView.drawPoints(
            run, field, shown: state.points, halfBlocks: theme.hasColor && !theme.ascii,
            targetRange: DecisionBoundaryView.targetRange(run.dataset), in: area, into: &frame, theme: theme)
    }
}

/// Linear regions at a panel's resolution, kept by the view cache.
struct CachedRegions {
    let key: ViewCache.AnalysisKey
    let time: Double
    let cols: Int, rows: Int
    let area: Rect
    /// On the 200 × 200 grid.
    let count: Int
    /// Per pixel (row-major), its region and that region's colour index.
    let region: [Int]
    let colour: [Int]
}
