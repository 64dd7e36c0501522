/// asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a JSON header line, then one
/// `[time, "o", text]` line per frame. Each frame redraws the whole screen from the home
/// position (`ESC[H`), rows joined by `\r\n` and no newline after the last (which would
/// scroll), so any asciicast player shows it; the first also clears the screen and hides the cursor.
public enum Asciicast {
    /// `{"version": 2, "width": W, "height": H, "title": …}`.
    public static func header(width: Int, height: Int, title: String) -> String {
        "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"title\": \(jsonString(title))}"
    }

    /// The output text of a frame (ANSI SGR colours for `mode`).
    public static func frameText(_ frame: Frame, mode: ColorMode, first: Bool) -> String {
        let rows = TextExport.ansi(frame, mode: mode).split(separator: "\n", omittingEmptySubsequences: false)
        return (first ? "\u{1B}[2J\u{1B}[?25l" : "") + "\u{1B}[H" + rows.joined(separator: "\r\n")
    }

    /// One event line: `[time, "o", text]` with the time in seconds (6 decimals).
    public static func event(time: Double, text: String) -> String {
        let t = time.isFinite ? max(time, 0) : 0
        var s = String(Int(t))
        let micro = Int(((t - t.rounded(.down)) * 1e6).rounded())
        s += "." + String(String(micro + 1_000_000).dropFirst())
        return "[\(s), \"o\", \(jsonString(text))]"
    }

    /// A JSON string literal (control characters, including ESC, as \u escapes).
    public static func jsonString(_ s: String) -> String {
        var e = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": e += "\\\""
            case "\\": e += "\\\\"
            case "\n": e += "\\n"
            case "\r": e += "\\r"
            case "\t": e += "\\t"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    let hex = String(c.value, radix: 16)
                    e += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    e.unicodeScalars.append(c)
                }
            }
        }
        return e + "\""
    }
}
