/// A terminal colour: the terminal's default, an entry of the 256-colour palette, or 24-bit RGB.
///
/// Conversions for terminals that show fewer colours live here too:
/// ``ansi256Index(r:g:b:)`` (the xterm 6×6×6 cube plus grey ramp) and
/// ``basic8Index(r:g:b:)`` (the 8 ANSI colours). ``converted(to:)`` applies the right one
/// for a ``ColorMode``.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// An entry of the 256-colour palette: 0–7 basic, 8–15 bright, 16–231 the 6×6×6 cube,
    /// 232–255 a grey ramp.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// A colour from a hex literal such as `0xf59322`.
    public init(hex: UInt32) {
        self = .rgb(UInt8((hex >> 16) & 0xff), UInt8((hex >> 8) & 0xff), UInt8(hex & 0xff))
    }

    /// The colour's RGB components: itself for `.rgb`, the xterm palette for `.indexed`,
    /// `nil` for `.default` (whose value only the terminal knows).
    public var rgbComponents: (r: UInt8, g: UInt8, b: UInt8)? {
        switch self {
        case .default: return nil
        case let .rgb(r, g, b): return (r, g, b)
        case let .indexed(n): return Color.paletteRGB(n)
        }
    }

    /// This colour as the given mode can show it: `.none` → `.default`; `.basic8` → `.indexed(0…7)`;
    /// `.ansi256` → `.indexed`; `.truecolor` → unchanged. `.default` stays `.default` in every mode.
    public func converted(to mode: ColorMode) -> Color {
        switch (self, mode) {
        case (.default, _), (_, .none): return .default
        case (_, .truecolor): return self
        case (.indexed, .ansi256): return self
        case let (.rgb(r, g, b), .ansi256): return .indexed(Color.ansi256Index(r: r, g: g, b: b))
        case let (.indexed(n), .basic8):
            if n < 8 { return .indexed(n) }
            if n < 16 { return .indexed(n - 8) }
            let c = Color.paletteRGB(n)
            return .indexed(Color.basic8Index(r: c.r, g: c.g, b: c.b))
        case let (.rgb(r, g, b), .basic8): return .indexed(Color.basic8Index(r: r, g: g, b: b))
        }
    }

    /// A linear blend in RGB: `self` at `t = 0`, `other` at `t = 1` (t is clamped to [0, 1]).
    /// If either colour is `.default` the nearer end is returned unchanged.
    public func mixed(with other: Color, _ t: Double) -> Color {
        let t = t.isNaN ? 0 : min(max(t, 0), 1)
        guard let a = rgbComponents, let b = other.rgbComponents else { return t < 0.5 ? self : other }
        func lerp(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded())
        }
        return .rgb(lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b))
    }

    // MARK: - Palette conversions

    /// The six channel levels of the xterm colour cube.
    static let cubeLevels: [Int] = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff]

    /// The xterm default RGB values of palette entries 0–15.
    static let systemColors: [(r: UInt8, g: UInt8, b: UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value of a 256-colour palette entry (xterm defaults for 0–15).
    public static func paletteRGB(_ n: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = Int(n)
        if i < 16 { return systemColors[i] }
        if i >= 232 {
            let v = UInt8(8 + 10 * (i - 232))
            return (v, v, v)
        }
        let c = i - 16
        return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
    }

    /// The nearest 256-colour palette index to an RGB colour (the method tmux uses).
    ///
    /// Each channel goes to the nearest cube level (0, 95, 135, 175, 215, 255); an exact cube
    /// hit is returned as `16 + 36·r6 + 6·g6 + b6`. Otherwise the grey ramp entry nearest the
    /// mean `(r+g+b)/3` (232 + i, value 8 + 10·i) is taken when it is closer in RGB distance
    /// than the cube colour, which is the case when r, g, b are near equal.
    /// Entries 0–15 are never returned: terminals redefine them.
    public static func ansi256Index(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        func toCube(_ v: Int) -> Int { v < 48 ? 0 : v < 114 ? 1 : (v - 35) / 40 }
        let (r, g, b) = (Int(r), Int(g), Int(b))
        let (qr, qg, qb) = (toCube(r), toCube(g), toCube(b))
        let (cr, cg, cb) = (cubeLevels[qr], cubeLevels[qg], cubeLevels[qb])
        let cube = 16 + 36 * qr + 6 * qg + qb
        if cr == r && cg == g && cb == b { return UInt8(cube) }
        let mean = (r + g + b) / 3
        let greyIndex = mean > 238 ? 23 : max(0, (mean - 3) / 10)
        let grey = 8 + 10 * greyIndex
        func dist(_ x: Int, _ y: Int, _ z: Int) -> Int {
            (x - r) * (x - r) + (y - g) * (y - g) + (z - b) * (z - b)
        }
        return dist(grey, grey, grey) < dist(cr, cg, cb) ? UInt8(232 + greyIndex) : UInt8(cube)
    }

    /// The basic ANSI colour (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan,
    /// 7 white) that keeps the hue of an RGB colour.
    ///
    /// Colours whose brightest channel is below 48 are black; otherwise each channel that is
    /// at least half the brightest one sets its bit (red 1, green 2, blue 4). Hue matters more
    /// than lightness on an 8-colour terminal: dark colours stay visible on a dark background.
    public static func basic8Index(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        let m = max(r, g, b)
        if m < 48 { return 0 }
        let half = (Int(m) + 1) / 2
        return (Int(r) >= half ? 1 : 0) | (Int(g) >= half ? 2 : 0) | (Int(b) >= half ? 4 : 0)
    }
}
