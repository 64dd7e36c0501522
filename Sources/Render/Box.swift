/// The six glyphs of a rectangular border.
public struct BorderSet: Hashable, Sendable {
    /// `┌`
    public var topLeft: Character
    /// `┐`
    public var topRight: Character
    /// `└`
    public var bottomLeft: Character
    /// `┘`
    public var bottomRight: Character
    /// `─`, top and bottom edges.
    public var horizontal: Character
    /// `│`, left and right edges.
    public var vertical: Character

    /// A border set from its six glyphs (each single-width).
    public init(
        topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
        horizontal: Character, vertical: Character
    ) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// `┌─┐│└┘`
    public static let light = BorderSet(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    /// `╭─╮│╰╯`
    public static let rounded = BorderSet(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    /// `┏━┓┃┗┛` (e.g. for the focused panel)
    public static let heavy = BorderSet(
        topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
    /// `+-+|++` for terminals without box-drawing glyphs.
    public static let ascii = BorderSet(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
}

/// A bordered box with an optional title in its top border: `┌─ Loss ──────┐`.
///
/// The title is placed after one border glyph and padded by a space on each side; it is cut
/// to fit (`┌─ Decision bo ─┐`), and left out when fewer than one character of it would fit.
/// Boxes narrower or shorter than 2 cells draw nothing. The inside is ``inner(_:)``.
public struct Panel: Widget, Hashable, Sendable {
    /// Text in the top border; empty for none.
    public var title: String
    /// The border glyphs.
    public var border: BorderSet
    /// Style of the border.
    public var style: Style
    /// Style of the title.
    public var titleStyle: Style

    /// A panel. `ascii: true` uses ``BorderSet/ascii``, otherwise ``BorderSet/light``.
    /// The title style defaults to the border style.
    public init(title: String = "", ascii: Bool = false, style: Style = .plain, titleStyle: Style? = nil) {
        self.init(title: title, border: ascii ? .ascii : .light, style: style, titleStyle: titleStyle)
    }

    /// A panel with any border set.
    public init(title: String = "", border: BorderSet, style: Style = .plain, titleStyle: Style? = nil) {
        self.title = title
        self.border = border
        self.style = style
        self.titleStyle = titleStyle ?? style
    }

    /// The area inside the border of a panel drawn in `rect`.
    public func inner(_ rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Draws the border and title into `rect`; the inside is left untouched.
    public func render(in rect: Rect, into frame: inout Frame) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let b = border
        let (x0, y0, x1, y1) = (rect.x, rect.y, rect.maxX - 1, rect.maxY - 1)
        for x in (x0 + 1)..<x1 {
            frame[x, y0] = Cell(b.horizontal, style: style)
            frame[x, y1] = Cell(b.horizontal, style: style)
        }
        for y in (y0 + 1)..<y1 {
            frame[x0, y] = Cell(b.vertical, style: style)
            frame[x1, y] = Cell(b.vertical, style: style)
        }
        frame[x0, y0] = Cell(b.topLeft, style: style)
        frame[x1, y0] = Cell(b.topRight, style: style)
        frame[x0, y1] = Cell(b.bottomLeft, style: style)
        frame[x1, y1] = Cell(b.bottomRight, style: style)

        // corner, one horizontal, space, title, space, …, corner
        let room = rect.width - 5
        guard !title.isEmpty, room >= 1 else { return }
        let shown = String(title.prefix(room))
        frame.put(" ", x: x0 + 2, y: y0, style: style)
        let end = frame.put(shown, x: x0 + 3, y: y0, style: titleStyle)
        frame.put(" ", x: end, y: y0, style: style)
    }
}
