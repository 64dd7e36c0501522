/// Finds the line of a key in TOML text, for error messages (TOMLKit reports
/// positions of syntax errors only). A simple scan: it tracks `[table]`
/// headers and matches `key =` at the start of a line.
struct KeyLocator {
    let lines: [Substring]

    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// 1-based line of `key` in `table` ("" for the top level), or of the
    /// table's header when `key` is nil.
    func line(table: String, key: String?) -> Int? {
        var current = ""
        for (i, raw) in lines.enumerated() {
            let s = raw.drop { $0 == " " || $0 == "\t" }
            if s.hasPrefix("[") {
                current = String(s.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: " \t")
                if key == nil && current == table { return i + 1 }
                continue
            }
            guard current == table, let key else { continue }
            let name = s.prefix { $0 != "=" }.trimmingCharacters(in: " \t\"")
            if name == key && s.contains("=") { return i + 1 }
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
