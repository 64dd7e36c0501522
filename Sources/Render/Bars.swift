/// Vertical bars drawn with eighth blocks (`▁▂▃▄▅▆▇█`, `#` in ASCII), for histograms
/// and bar charts: bar i spans `width` columns, its height is `values[i]` ∈ [0, 1] of
/// the rect's height (NaN or nil: no bar; values are clamped).
public struct Bars: Widget, Sendable {
    public var values: [Double?]
    /// Columns per bar (0: as many as fit).
    public var width: Int
    /// The colour of bar i.
    public var colors: [Color]
    public var ascii: Bool

    public init(values: [Double?], width: Int = 0, colors: [Color] = [], ascii: Bool = false) {
        self.values = values
        self.width = width
        self.colors = colors
        self.ascii = ascii
    }

    public static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The columns of bar i in a rect `cols` wide.
    public func columns(_ i: Int, in cols: Int) -> Range<Int> {
        let w = width > 0 ? width : max(1, cols / max(values.count, 1))
        return (i * w)..<min(i * w + w, cols)
    }

    public func render(in rect: Rect, into frame: inout Frame) {
        guard rect.height > 0 else { return }
        for (i, v) in values.enumerated() {
            guard let v, !v.isNaN else { continue }
            let eighthsTall = CellIndex.of(min(max(v, 0), 1) * Double(rect.height * 8), in: 0...(rect.height * 8)) ?? 0
            let color = i < colors.count ? colors[i] : .default
            for c in columns(i, in: rect.width) {
                var left = eighthsTall
                for row in stride(from: rect.maxY - 1, through: rect.y, by: -1) where left > 0 {
                    let part = min(left, 8)
                    frame[rect.x + c, row] = Cell(ascii ? (part >= 4 ? "#" : "_") : Self.eighths[part], style: Style(fg: color))
                    left -= part
                }
            }
        }
    }
}
