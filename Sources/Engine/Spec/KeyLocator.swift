/// Finds the line of a key in TOML text, for error messages (the value tree does
/// not keep positions). A simple scan: it tracks `[table]` and
/// `[[array]]` headers and matches `key =` (or a dotted `table.key =`) at the
/// start of a line.
///
/// Tables are named by their path; the i-th (0-based) table of an array of
/// tables is `name[i]`, and its subtables `name[i].sub` (`[compare.loss]` after
/// the second `[[compare]]` is `compare[1].loss`). A key of an inline table
/// (`loss = { gamma = 2 }`) is found at the line of the inline table.
struct KeyLocator {
    let lines: [Substring]

    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// 1-based line of `key` in `table` ("" for the top level), or of the
    /// table's header when `key` is nil; nil when not found.
    func line(table: String, key: String?) -> Int? {
        if let l = scan(table: table, key: key) { return l }
        // a key of an inline or dotted subtable: the line that defines the subtable
        if let dot = table.lastIndex(of: ".") {
            let parent = String(table[..<dot]), name = String(table[table.index(after: dot)...])
            if let key, let l = scan(table: parent, key: "\(name).\(key)") { return l }
            if let l = scan(table: parent, key: name) { return l }
        }
        return key == nil ? nil : scan(table: table, key: nil)
    }

    private func scan(table: String, key: String?) -> Int? {
        var current = ""
        var arrays: [String: Int] = [:]
        for (i, raw) in lines.enumerated() {
            let s = raw.drop { $0 == " " || $0 == "\t" }
            if s.hasPrefix("[[") {
                let name = String(s.dropFirst(2).prefix { $0 != "]" }).trimmingCharacters(in: " \t")
                let index = arrays[name, default: -1] + 1
                arrays[name] = index
                current = "\(name)[\(index)]"
                if key == nil && current == table { return i + 1 }
                continue
            }
            if s.hasPrefix("[") {
                let name = String(s.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: " \t")
                current = name
                // [compare.loss] after a [[compare]] belongs to the latest element
                if let dot = name.firstIndex(of: "."), let index = arrays[String(name[..<dot])] {
                    current = "\(name[..<dot])[\(index)]\(name[dot...])"
                }
                if key == nil && current == table { return i + 1 }
                continue
            }
            guard current == table, let key else { continue }
            let name = s.prefix { $0 != "=" }.split(separator: ".").map { $0.trimmingCharacters(in: " \t\"") }.joined(separator: ".")
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
