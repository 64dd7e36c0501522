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

    /// The colour of run `i` of a comparison (blue, orange, green, purple); its test curves
    /// are the same hue lighter.
    public static func runColor(_ i: Int) -> Color {
        [Color(hex: 0x1f77b4), Color(hex: 0xff7f0e), Color(hex: 0x2ca02c), Color(hex: 0x9467bd)][((i % 4) + 4) % 4]
    }

    public static func runTestColor(_ i: Int) -> Color { runColor(i).mixed(with: Color(hex: 0xffffff), 0.5) }

    /// Without colour: run i's markers, its letter for train and the lower case for test.
    public static func runMarkers(_ i: Int) -> (train: Character, test: Character) {
        let letters: [(Character, Character)] = [("A", "a"), ("B", "b"), ("C", "c"), ("D", "d")]
        return letters[((i % 4) + 4) % 4]
    }

    public var title: Style { Style(bold: true) }
    public var dim: Style { Style(fg: hasColor ? .indexed(244) : .default, dim: !hasColor) }
    public var focus: Style { Style(reverse: true) }

    public func panel(_ title: String) -> Panel { Panel(title: title, ascii: ascii, titleStyle: self.title) }

    /// Markers for points over the decision boundary: train, test, flipped label.
    public var trainGlyph: Character { ascii ? "o" : "●" }
    public var testGlyph: Character { ascii ? "+" : "○" }
    public var flippedGlyph: Character { ascii ? "x" : "✕" }
}
