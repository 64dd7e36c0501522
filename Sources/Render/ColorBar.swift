/// A colour scale with its end labels.
///
/// Horizontal (one row): `min ██████ max`, low values on the left. Vertical: a bar two
/// columns wide from the top (max) to the bottom (min) of the rect, in half blocks, with the
/// max label beside the top row and the min label beside the bottom row. In ASCII mode the
/// bar is drawn with ``ShadeRamp`` glyphs instead of colour.
public struct ColorBar: Widget, Sendable {
    /// Which way the bar runs.
    public var direction: Direction
    /// The colour for t ∈ [0, 1] (e.g. ``ColorMap/viridis(_:)``).
    public var color: @Sendable (Double) -> Color
    /// Label at the low end.
    public var minLabel: String
    /// Label at the high end.
    public var maxLabel: String
    /// Shade glyphs instead of colour.
    public var ascii: Bool
    /// Style of the labels.
    public var labelStyle: Style

    /// A colour bar; `color` maps t ∈ [0, 1] (low → high) to a colour.
    public init(
        _ direction: Direction = .horizontal, minLabel: String, maxLabel: String, ascii: Bool = false,
        labelStyle: Style = .plain, color: @escaping @Sendable (Double) -> Color
    ) {
        self.direction = direction
        self.color = color
        self.minLabel = minLabel
        self.maxLabel = maxLabel
        self.ascii = ascii
        self.labelStyle = labelStyle
    }

    /// Draws the bar and labels into `rect`; a label is left out (never cut) when it does not fit.
    public func render(in rect: Rect, into frame: inout Frame) {
        guard !rect.isEmpty else { return }
        switch direction {
        case .horizontal: renderHorizontal(rect, &frame)
        case .vertical: renderVertical(rect, &frame)
        }
    }

    private func t(_ i: Int, of n: Int) -> Double { n <= 1 ? 0.5 : Double(i) / Double(n - 1) }

    private func renderHorizontal(_ rect: Rect, _ frame: inout Frame) {
        var barX = rect.x, barW = rect.width
        let labelled = rect.width - minLabel.count - maxLabel.count - 2 >= 1
        if labelled {
            frame.put(minLabel, x: rect.x, y: rect.y, style: labelStyle, clippedTo: rect)
            barX += minLabel.count + 1
            barW -= minLabel.count + maxLabel.count + 2
            frame.put(maxLabel, x: barX + barW + 1, y: rect.y, style: labelStyle, clippedTo: rect)
        }
        for i in 0..<barW {
            let v = t(i, of: barW)
            frame[barX + i, rect.y] = ascii ? Cell(ShadeRamp.glyph(v)) : Cell("█", style: Style(fg: color(v)))
        }
    }

    private func renderVertical(_ rect: Rect, _ frame: inout Frame) {
        let barW = min(2, rect.width), h = rect.height
        for cy in 0..<h {
            let cell: Cell
            if ascii {
                cell = Cell(ShadeRamp.glyph(1 - t(cy, of: h)))
            } else {
                let upper = color(1 - t(2 * cy, of: 2 * h)), lower = color(1 - t(2 * cy + 1, of: 2 * h))
                cell = Heatmap.halfBlock(upper: upper, lower: lower)
            }
            for cx in 0..<barW { frame[rect.x + cx, rect.y + cy] = cell }
        }
        // a label that does not fit whole is left out, never cut (a cut number reads as another)
        let labels = Rect(x: rect.x + barW + 1, y: rect.y, width: rect.width - barW - 1, height: h)
        if maxLabel.count <= labels.width { frame.put(maxLabel, in: labels.row(0), style: labelStyle) }
        if h >= 2, minLabel.count <= labels.width { frame.put(minLabel, in: labels.row(h - 1), style: labelStyle) }
    }
}
