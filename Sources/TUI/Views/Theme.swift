import Render

/// Colours and glyphs for the current terminal: colour or not, Unicode or ASCII.
public struct Theme: Sendable {
    public let colorMode: ColorMode
    public let ascii: Bool

    public init(colorMode: ColorMode, ascii: Bool) {
        self.colorMode = colorMode
        self.ascii = ascii
    }

    public var hasColor: Bool { colorMode != .none }

    // Series colours (TensorFlow Playground's blue and orange, plus two).
    public static let trainColor = Color(hex: 0x0877bd)
    public static let testColor = Color(hex: 0xf59322)
    public static let cleanColor = Color(hex: 0x2ca02c)
    public static let gradientColor = Color(hex: 0xd62728)

    public var title: Style { Style(bold: true) }
    public var dim: Style { Style(fg: hasColor ? .indexed(244) : .default, dim: !hasColor) }
    public var focus: Style { Style(reverse: true) }
    public var label: Style { Style(fg: hasColor ? .indexed(250) : .default) }

    public func panel(_ title: String) -> Panel { Panel(title: title, ascii: ascii, titleStyle: self.title) }

    /// Markers for points over the decision boundary: train, test, flipped label.
    public var trainGlyph: Character { ascii ? "o" : "●" }
    public var testGlyph: Character { ascii ? "+" : "○" }
    public var flippedGlyph: Character { ascii ? "x" : "✕" }
}
