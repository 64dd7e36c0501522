/// How many colours the output can show; used by ``TextExport`` and the terminal backend.
public enum ColorMode: String, Hashable, Sendable, CaseIterable {
    /// No colour at all (NO_COLOR, dumb terminals). Bold, dim and reverse are still shown.
    case none
    /// The 8 basic ANSI colours (SGR 30–37 / 40–47).
    case basic8
    /// The 256-colour palette (SGR 38;5;n / 48;5;n). The default.
    case ansi256
    /// 24-bit colour (SGR 38;2;r;g;b / 48;2;r;g;b).
    case truecolor

    /// The mode to use when the user asked for `auto`.
    ///
    /// `NO_COLOR` set to a non-empty value (https://no-color.org) → `.none`. Otherwise by the
    /// number of colours the terminal reports (curses `COLORS`): ≥ 256 → `.ansi256`,
    /// ≥ 8 → `.basic8`, else `.none`. Without that number, `TERM` decides: empty or `dumb` →
    /// `.none`, containing `256color` → `.ansi256`, else `.basic8`. Truecolor is never chosen
    /// automatically: it is used only when asked for.
    public static func automatic(environment: [String: String], terminalColors: Int? = nil) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if let n = terminalColors {
            return n >= 256 ? .ansi256 : n >= 8 ? .basic8 : .none
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .none }
        return term.contains("256color") ? .ansi256 : .basic8
    }
}
