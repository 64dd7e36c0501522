/// One character cell of a ``Frame``: a glyph and its ``Style``.
///
/// Every glyph must occupy exactly one terminal column. Everything the widgets draw —
/// ASCII, box drawing (`┌─┐`), blocks (`▀▄█`), braille (U+2800…U+28FF) — is single-width.
/// Text put with ``Frame/put(_:x:y:style:clippedTo:)`` is sanitised: control characters and
/// characters that terminals show two columns wide (CJK, most emoji) become `?`, so one cell
/// is always one column.
public struct Cell: Hashable, Sendable {
    /// The character shown; single-width (see the type's documentation).
    public var glyph: Character
    /// Its colours and attributes.
    public var style: Style

    /// A cell with the given glyph and style (default: a plain space).
    public init(_ glyph: Character = " ", style: Style = .plain) {
        self.glyph = glyph
        self.style = style
    }

    /// A plain space: what an empty frame holds.
    public static let blank = Cell()

    /// The glyph itself if it is printable and one column wide, else `?`.
    public static func sanitized(_ c: Character) -> Character {
        guard let s = c.unicodeScalars.first else { return "?" }
        let v = s.value
        if v < 0x20 || (0x7f..<0xa0).contains(v) { return "?" }
        if isWide(v) { return "?" }
        return c
    }

    /// East Asian wide and fullwidth ranges and emoji presentation: drawn two columns wide.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115f, 0x2e80...0x303e, 0x3041...0x33ff, 0x3400...0x4dbf, 0x4e00...0x9fff,
            0xa000...0xa4cf, 0xac00...0xd7a3, 0xf900...0xfaff, 0xfe30...0xfe4f, 0xff00...0xff60,
            0xffe0...0xffe6, 0x1f300...0x1f64f, 0x1f900...0x1f9ff, 0x20000...0x3fffd:
            return true
        default:
            return false
        }
    }
}
