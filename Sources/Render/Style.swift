/// How a cell is drawn: colours and attributes.
public struct Style: Hashable, Sendable {
    /// Foreground (glyph) colour.
    public var fg: Color
    /// Background colour.
    public var bg: Color
    /// Bold (often also brighter).
    public var bold: Bool
    /// Dim / faint.
    public var dim: Bool
    /// Foreground and background swapped by the terminal.
    public var reverse: Bool

    /// A style; every part defaults to the terminal's default.
    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
    }

    /// The terminal's default look: no colours, no attributes.
    public static let plain = Style()

    /// This style with its colours converted to what `mode` can show (see ``Color/converted(to:)``).
    public func converted(to mode: ColorMode) -> Style {
        var s = self
        s.fg = fg.converted(to: mode)
        s.bg = bg.converted(to: mode)
        return s
    }
}
