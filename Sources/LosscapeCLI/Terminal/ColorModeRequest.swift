import ArgumentParser
import Render

/// What the user asked for with `--color auto|never|256|truecolor`.
enum ColorModeRequest: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// By the terminal: `NO_COLOR` → none, else by curses `COLORS` (see ``ColorMode/automatic(environment:terminalColors:)``).
    case auto
    /// No colour at all (bold, dim and reverse remain).
    case never
    /// The 256-colour palette.
    case ansi256 = "256"
    /// 24-bit colour; needs a terminal whose terminfo has direct colour (`*-direct`).
    case truecolor
}

/// The colour set-up the terminal backend settles on.
struct ColorResolution: Equatable, Sendable {
    /// What frames are converted to.
    var mode: ColorMode
    /// Whether curses colour numbers are packed RGB (`0xRRGGBB`): a `*-direct` terminfo
    /// (COLORS ≥ 2^24). Palette colours are then sent as their RGB values.
    var direct: Bool
    /// A one-line note for the UI when the request could not be met as asked.
    var note: String?

    /// COLORS of a direct-colour terminfo.
    static let directColors = 1 << 24

    /// Decides the mode from the request, the environment and what curses reports.
    ///
    /// `never` → none. `auto` → none when `NO_COLOR` is set (non-empty), else
    /// ``ColorMode/automatic(environment:terminalColors:)`` with `COLORS`. An explicit
    /// `256` or `truecolor` overrides `NO_COLOR` (as https://no-color.org asks of explicit
    /// flags) but not the terminal: 256 needs COLORS ≥ 256, truecolor a direct-colour
    /// terminal; short of that the best the terminal has is used, with a ``note``.
    /// - Parameters:
    ///   - hasColors: whether curses colours were started (`has_colors()`; false for `never` and `auto` under `NO_COLOR`).
    ///   - colors: curses `COLORS` after `start_color()`.
    static func resolve(
        _ request: ColorModeRequest, environment: [String: String],
        hasColors: Bool, colors: Int
    ) -> ColorResolution {
        let direct = hasColors && colors >= directColors
        func best() -> ColorMode {
            guard hasColors else { return .none }
            return colors >= 256 ? .ansi256 : colors >= 8 ? .basic8 : .none
        }
        func describe(_ m: ColorMode) -> String {
            switch m {
            case .none: return "no colour"
            case .basic8: return "8 colours"
            case .ansi256: return "256 colours"
            case .truecolor: return "truecolor"
            }
        }
        switch request {
        case .never:
            return ColorResolution(mode: .none, direct: false, note: nil)
        case .auto:
            if let v = environment["NO_COLOR"], !v.isEmpty { return ColorResolution(mode: .none, direct: false, note: nil) }
            guard hasColors else { return ColorResolution(mode: .none, direct: false, note: nil) }
            let mode = ColorMode.automatic(environment: environment, terminalColors: colors)
            return ColorResolution(mode: mode, direct: direct && mode != .none, note: nil)
        case .ansi256:
            if hasColors && colors >= 256 { return ColorResolution(mode: .ansi256, direct: direct, note: nil) }
            let m = best()
            return ColorResolution(
                mode: m, direct: false,
                note: "256 colours asked, the terminal has \(hasColors ? colors : 0): using \(describe(m))")
        case .truecolor:
            if direct { return ColorResolution(mode: .truecolor, direct: true, note: nil) }
            let m = best()
            let term = environment["TERM"] ?? ""
            let hint = term.isEmpty ? "a *-direct TERM" : "TERM=\(term.split(separator: "-").first ?? "xterm")-direct"
            return ColorResolution(
                mode: m, direct: false,
                note: "truecolor needs a direct-colour terminal (\(hint)): using \(describe(m))")
        }
    }
}
