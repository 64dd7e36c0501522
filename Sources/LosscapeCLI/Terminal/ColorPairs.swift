import Render

/// Curses colour pairs handed out on demand: (foreground, background) colour numbers →
/// pair number. Pure bookkeeping; the backend calls `init_extended_pair` for new entries.
///
/// Pair 0 is the terminal's default pair (-1, -1) and never handed out for anything else.
/// When all `capacity − 1` other pairs are taken, ``lookup(fg:bg:)`` returns nil: the
/// caller ``reset()``s the table and redraws (the old numbers are then reused).
struct ColorPairs {
    /// A pair of curses colour numbers (-1 = the terminal's default).
    struct Key: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// COLOR_PAIRS: pairs 0 ..< capacity exist.
    let capacity: Int
    private var table: [Key: Int32] = [:]
    private var next: Int32 = 1

    /// A table for a terminal with `capacity` pairs (curses `COLOR_PAIRS`).
    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Number of pairs handed out since the last reset.
    var count: Int { table.count }

    /// The pair for (fg, bg) and whether it is new (the caller must define it); nil when
    /// the table is full.
    mutating func lookup(fg: Int32, bg: Int32) -> (pair: Int32, isNew: Bool)? {
        if fg == -1 && bg == -1 { return (0, false) }
        let key = Key(fg: fg, bg: bg)
        if let p = table[key] { return (p, false) }
        guard Int(next) < capacity else { return nil }
        let p = next
        next += 1
        table[key] = p
        return (p, true)
    }

    /// When the table is full: an existing pair with the same background (what a half
    /// block or a heatmap cell mostly shows), else one with the same foreground, else 0.
    func nearest(fg: Int32, bg: Int32) -> Int32 {
        var sameForeground: Int32 = 0
        for (key, pair) in table {
            if key.bg == bg { return pair }
            if key.fg == fg && sameForeground == 0 { sameForeground = pair }
        }
        return sameForeground
    }

    /// Records that (fg, bg) is to be drawn with `pair` (e.g. 0 after `init_extended_pair` failed).
    mutating func override(fg: Int32, bg: Int32, pair: Int32) {
        table[Key(fg: fg, bg: bg)] = pair
    }

    /// Forgets every pair; numbers are handed out from 1 again.
    mutating func reset() {
        table.removeAll(keepingCapacity: true)
        next = 1
    }

    /// The curses colour number for a colour already converted to the effective mode.
    ///
    /// `.default` → -1 (with `use_default_colors`), or white (7) / black (0) for a
    /// terminal without default colours. Palette entries are their index, except on a
    /// direct-colour terminal, where numbers ≥ 8 mean packed RGB: there entries 0–7 stay
    /// (the terminal's ANSI colours), others become their RGB value, and an RGB value
    /// below 8 (almost black) is sent as 8 (`#000008`) so it is not read as an ANSI colour.
    static func colorNumber(_ c: Color, foreground: Bool, direct: Bool, defaultColors: Bool) -> Int32 {
        switch c {
        case .default:
            return defaultColors ? -1 : (foreground ? 7 : 0)
        case let .indexed(n):
            if !direct || n < 8 { return Int32(n) }
            let rgb = Color.paletteRGB(n)
            return packed(rgb.r, rgb.g, rgb.b)
        case let .rgb(r, g, b):
            if direct { return packed(r, g, b) }
            return Int32(Color.ansi256Index(r: r, g: g, b: b))
        }
    }

    private static func packed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }
}
