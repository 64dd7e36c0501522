/// A TOML 1.0 reader for presets, into `PresetValue`s: comments; bare, quoted and
/// dotted keys; `[tables]` and `[[arrays of tables]]`; basic and literal strings (also
/// multi-line) with their escapes; integers (decimal with `_`, 0x, 0o, 0b); floats
/// (with exponents, `inf`, `nan`); booleans; arrays over several lines; inline tables.
/// Dates and times, which presets never use, are refused.
///
/// Every error is a `TOMLError` with the line (1-based) and a message. It replaces a
/// C++ parser whose assertions aborted the process on some malformed input (found by
/// the fuzz test); this one reports every malformed input as an error.
struct TOMLReader {
    struct TOMLError: Error, Equatable {
        let line: Int
        let message: String
    }

    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var root = PresetTable()
    /// The table that key/value lines go into, as a path from the root (array elements as indices).
    private var current: [PathPart] = []
    /// Tables defined by a header or by a dotted key, so a second definition is an error.
    private var defined: Set<String> = []
    /// Inline tables and arrays (static: nothing may be added to them later).
    private var sealed: Set<String> = []

    enum PathPart: Hashable {
        case key(String)
        case element(String, Int)  // the i-th element of an array of tables
    }

    /// Parses a whole document.
    static func parse(_ text: String) throws -> PresetTable {
        var r = TOMLReader(text)
        try r.document()
        return r.root
    }

    /// Parses one value (`2`, `[32, 32]`, `"focal"`, `{ gamma = 2 }`): nil when the text is not exactly one.
    static func value(_ text: String) -> PresetValue? {
        var r = TOMLReader(text)
        guard let v = try? r.value() else { return nil }
        r.skipSpaces()
        if r.peek() == "#" { r.skipComment() }
        return r.atEnd ? v : nil
    }

    private init(_ text: String) { s = Array(text.unicodeScalars) }

    // MARK: - characters

    private var atEnd: Bool { i >= s.count }
    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
    private func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    private mutating func advance() {
        if s[i] == "\n" { line += 1 }
        i += 1
    }

    private mutating func skipSpaces() { while let c = peek(), c == " " || c == "\t" { i += 1 } }

    private mutating func skipComment() {
        while let c = peek(), c != "\n" {
            if c.value < 0x20 && c != "\t" && c != "\r" { return }
            i += 1
        }
    }

    /// Spaces, comments and line breaks (inside arrays).
    private mutating func skipBlank() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" { advance() } else if c == "#" { skipComment() } else { return }
        }
    }

    /// The end of a line: spaces, a comment, then a line break or the end.
    private mutating func endOfLine() throws {
        skipSpaces()
        if peek() == "#" { skipComment() }
        if peek() == "\r" && peek(1) == "\n" { i += 1 }
        guard let c = peek() else { return }
        guard c == "\n" else { throw fail("expected the end of the line, saw \(Self.shown(c))") }
        advance()
    }

    /// A character for an error message: quoted, a line break or a control character named.
    static func shown(_ c: Unicode.Scalar) -> String {
        if c == "\n" || c == "\r" { return "the end of the line" }
        if c.value < 0x20 || c.value == 0x7F { return "the control character U+\(String(c.value, radix: 16, uppercase: true))" }
        return "'\(c)'"
    }

    static func isBare(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    // MARK: - document

    private mutating func document() throws {
        while !atEnd {
            skipBlank()
            guard let c = peek() else { break }
            if c == "[" {
                try header()
            } else {
                try keyValue(into: current, inline: false)
                try endOfLine()
            }
        }
    }

    private mutating func header() throws {
        i += 1
        let array = peek() == "["
        if array { i += 1 }
        skipSpaces()
        let keys = try dottedKey()
        skipSpaces()
        guard peek() == "]" else { throw fail("expected ']' to close the table name") }
        i += 1
        if array {
            guard peek() == "]" else { throw fail("expected ']]' to close the array of tables") }
            i += 1
        }
        try endOfLine()
        // walk to the parent, creating implicit tables
        var path: [PathPart] = []
        for k in keys.dropLast() { path = try descend(path, k, creating: true) }
        let last = keys.last!
        let name = pathName(path + [.key(last)])
        if array {
            var parent = try table(at: path)
            var list: [PresetValue]
            switch parent[last] {
            case nil: list = []
            case .array(let a)? where !sealed.contains(name): list = a
            default: throw fail("\(name) is already defined as something else than an array of tables")
            }
            list.append(.table(PresetTable()))
            parent[last] = .array(list)
            try setTable(parent, at: path)
            current = path + [.element(last, list.count - 1)]
        } else {
            guard !defined.contains(name) else { throw fail("the table [\(name)] is defined twice") }
            var parent = try table(at: path)
            switch parent[last] {
            case nil: parent[last] = .table(PresetTable())
            case .table? where !sealed.contains(name): break  // an implicit table, defined now
            default: throw fail("\(name) is already defined as a value")
            }
            try setTable(parent, at: path)
            defined.insert(name)
            current = path + [.key(last)]
        }
    }

    private func pathName(_ path: [PathPart]) -> String {
        path.map { p -> String in
            switch p {
            case .key(let k): return k
            case .element(let k, let n): return "\(k)[\(n)]"
            }
        }.joined(separator: ".")
    }

    /// One step down from `path` into key `k` (a table, or the last element of an array of tables).
    private mutating func descend(_ path: [PathPart], _ k: String, creating: Bool) throws -> [PathPart] {
        var t = try table(at: path)
        switch t[k] {
        case nil:
            guard creating else { throw fail("no table \(k)") }
            t[k] = .table(PresetTable())
            try setTable(t, at: path)
            return path + [.key(k)]
        case .table?:
            if sealed.contains(pathName(path + [.key(k)])) { throw fail("\(k) is an inline table: it cannot be extended") }
            return path + [.key(k)]
        case .array(let a)? where a.last?.table != nil && !sealed.contains(pathName(path + [.key(k)])):
            return path + [.element(k, a.count - 1)]
        default:
            throw fail("\(pathName(path + [.key(k)])) is a value, not a table")
        }
    }

    private func table(at path: [PathPart]) throws -> PresetTable {
        var t = root
        for p in path {
            switch p {
            case .key(let k): guard case .table(let next)? = t[k] else { throw fail("no table \(k)") }; t = next
            case .element(let k, let n):
                guard case .array(let a)? = t[k], n < a.count, case .table(let next) = a[n] else { throw fail("no table \(k)") }
                t = next
            }
        }
        return t
    }

    private mutating func setTable(_ value: PresetTable, at path: [PathPart]) throws {
        func set(_ t: inout PresetTable, _ rest: ArraySlice<PathPart>) {
            guard let p = rest.first else { t = value; return }
            switch p {
            case .key(let k):
                guard case .table(var next)? = t[k] else { return }
                set(&next, rest.dropFirst())
                t[k] = .table(next)
            case .element(let k, let n):
                guard case .array(var a)? = t[k], case .table(var next) = a[n] else { return }
                set(&next, rest.dropFirst())
                a[n] = .table(next)
                t[k] = .array(a)
            }
        }
        set(&root, path[...])
    }

    // MARK: - keys and values

    private mutating func dottedKey() throws -> [String] {
        var keys = [try simpleKey()]
        while true {
            skipSpaces()
            guard peek() == "." else { return keys }
            i += 1
            skipSpaces()
            keys.append(try simpleKey())
        }
    }

    private mutating func simpleKey() throws -> String {
        guard let c = peek() else { throw fail("expected a key, saw the end") }
        if c == "\"" { return try basicString() }
        if c == "'" { return try literalString() }
        var k = ""
        while let c = peek(), Self.isBare(c) {
            k.unicodeScalars.append(c)
            i += 1
        }
        guard !k.isEmpty else { throw fail("expected a key (letters, digits, _, - or a quoted name), saw \(Self.shown(c))") }
        return k
    }

    /// `key = value` into the table at `path` (a dotted key creates tables on the way).
    private mutating func keyValue(into path: [PathPart], inline: Bool) throws {
        let keys = try dottedKey()
        skipSpaces()
        guard peek() == "=" else { throw fail("expected '=' after the key \(keys.joined(separator: "."))") }
        i += 1
        skipSpaces()
        let v = try value()
        var p = path
        for k in keys.dropLast() {
            let before = try table(at: p)[k]
            p = try descend(p, k, creating: true)
            if before == nil { defined.insert(pathName(p)) }
        }
        var t = try table(at: p)
        let last = keys.last!
        guard t[last] == nil else { throw fail("the key \(pathName(p + [.key(last)])) is defined twice") }
        t[last] = v
        try setTable(t, at: p)
        if case .table = v { sealed.insert(pathName(p + [.key(last)])) }
        if case .array = v { sealed.insert(pathName(p + [.key(last)])) }
    }

    private mutating func value() throws -> PresetValue {
        guard let c = peek() else { throw fail("expected a value, saw the end") }
        switch c {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return try array()
        case "{": return try inlineTable()
        case "t", "f":
            if matches("true") { i += 4; return .bool(true) }
            if matches("false") { i += 5; return .bool(false) }
            throw fail("expected a value, saw '\(word())'")
        default:
            return try number()
        }
    }

    private func matches(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w else { return false }
        if let next = peek(w.count), Self.isBare(next) { return false }
        return true
    }

    private func word() -> String {
        var j = i, out = ""
        while j < s.count, !" \t\n\r,]}#".unicodeScalars.contains(s[j]) { out.unicodeScalars.append(s[j]); j += 1 }
        return out
    }

    private mutating func number() throws -> PresetValue {
        let w = word()
        guard !w.isEmpty else { throw fail("expected a value, saw \(Self.shown(peek()!))") }
        i += w.unicodeScalars.count
        if w.contains(":") || (w.count >= 10 && w.dropFirst(4).first == "-" && w.first?.isNumber == true) {
            throw fail("dates and times are not used in presets, saw '\(w)'")
        }
        switch w {
        case "inf", "+inf": return .double(.infinity)
        case "-inf": return .double(-.infinity)
        case "nan", "+nan", "-nan": return .double(.nan)
        default: break
        }
        func digitsOK(_ t: Substring, _ allowed: (Character) -> Bool) -> Bool {
            !t.isEmpty && t.first != "_" && t.last != "_" && !t.contains("__") && t.allSatisfy { $0 == "_" || allowed($0) }
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where w.hasPrefix(prefix) {
            let body = w.dropFirst(2)
            guard digitsOK(body, { $0.isHexDigit && Int(String($0), radix: radix) != nil }),
                let v = Int(body.replacingOccurrences(of: "_", with: ""), radix: radix)
            else { throw fail("not a number: '\(w)'") }
            return .int(v)
        }
        let unsigned = w.first == "+" || w.first == "-" ? w.dropFirst() : w[...]
        guard let first = unsigned.first, first.isNumber else { throw fail("expected a value, saw '\(w)'") }
        let isFloat = unsigned.contains(".") || unsigned.contains("e") || unsigned.contains("E")
        let plain = w.replacingOccurrences(of: "_", with: "")
        // TOML: no leading zeros; underscores only between digits
        let integerPart = unsigned.prefix { $0 != "." && $0 != "e" && $0 != "E" }
        guard digitsOK(integerPart, { $0.isNumber }), integerPart == "0" || integerPart.first != "0" else {
            throw fail("not a number: '\(w)'")
        }
        if isFloat {
            guard let v = Double(plain), !plain.hasSuffix("."), !plain.contains(".e"), !plain.contains(".E") else {
                throw fail("not a number: '\(w)'")
            }
            return .double(v)
        }
        guard let v = Int(plain) else { throw fail("not an integer TOML can hold (64-bit): '\(w)'") }
        return .int(v)
    }

    private mutating func array() throws -> PresetValue {
        let start = line
        i += 1
        var items: [PresetValue] = []
        while true {
            skipBlank()
            guard let c = peek() else { throw TOMLError(line: start, message: "an array is not closed with ']'") }
            if c == "]" { i += 1; return .array(items) }
            items.append(try value())
            skipBlank()
            if peek() == "," { i += 1; continue }
            guard peek() == "]" else { throw fail("expected ',' or ']' in an array, saw \(peek().map(Self.shown) ?? "the end")") }
        }
    }

    private mutating func inlineTable() throws -> PresetValue {
        i += 1
        // an inline table is parsed as a small document of its own
        var inner = TOMLReader(s, from: i, line: line)
        inner.skipSpaces()
        if inner.peek() == "}" {
            i = inner.i + 1
            return .table(PresetTable())
        }
        while true {
            try inner.keyValue(into: [], inline: true)
            inner.skipSpaces()
            if inner.peek() == "," {
                inner.i += 1
                inner.skipSpaces()
                continue
            }
            guard inner.peek() == "}" else {
                throw TOMLError(line: inner.line, message: "expected ',' or '}' in an inline table, saw \(inner.peek().map(Self.shown) ?? "the end")")
            }
            i = inner.i + 1
            line = inner.line
            return .table(inner.root)
        }
    }

    private init(_ scalars: [Unicode.Scalar], from start: Int, line: Int) {
        s = scalars
        i = start
        self.line = line
    }

    // MARK: - strings

    private mutating func basicString() throws -> String {
        if peek(1) == "\"" && peek(2) == "\"" { return try multilineString(basic: true) }
        i += 1
        var out = ""
        while true {
            guard let c = peek(), c != "\n" else { throw fail("a string is not closed with '\"'") }
            i += 1
            if c == "\"" { return out }
            if c == "\\" {
                out.unicodeScalars.append(try escape())
            } else {
                guard c.value >= 0x20 || c == "\t", c.value != 0x7F else { throw fail("a control character in a string") }
                out.unicodeScalars.append(c)
            }
        }
    }

    private mutating func escape() throws -> Unicode.Scalar {
        guard let c = peek() else { throw fail("a string ends in the middle of an escape") }
        i += 1
        switch c {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "u", "U":
            let n = c == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<n {
                guard let h = peek(), h.properties.isASCIIHexDigit else { throw fail("\\\(c) needs \(n) hex digits") }
                hex.unicodeScalars.append(h)
                i += 1
            }
            guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { throw fail("\\\(c)\(hex) is not a character") }
            return scalar
        default: throw fail("unknown escape \\\(c) in a string")
        }
    }

    private mutating func literalString() throws -> String {
        if peek(1) == "'" && peek(2) == "'" { return try multilineString(basic: false) }
        i += 1
        var out = ""
        while true {
            guard let c = peek(), c != "\n" else { throw fail("a string is not closed with \"'\"") }
            i += 1
            if c == "'" { return out }
            out.unicodeScalars.append(c)
        }
    }

    private mutating func multilineString(basic: Bool) throws -> String {
        let start = line
        let quote: Unicode.Scalar = basic ? "\"" : "'"
        i += 3
        if peek() == "\n" { advance() } else if peek() == "\r" && peek(1) == "\n" { i += 1; advance() }
        var out = ""
        while true {
            guard let c = peek() else { throw TOMLError(line: start, message: "a multi-line string is not closed") }
            if c == quote && peek(1) == quote && peek(2) == quote {
                i += 3
                // up to two more quotes belong to the string
                while peek() == quote && out.unicodeScalars.count < Int.max { out.unicodeScalars.append(quote); i += 1 }
                return out
            }
            if basic && c == "\\" {
                i += 1
                if let n = peek(), n == " " || n == "\t" || n == "\n" || n == "\r" {
                    // a line-ending backslash trims the break and the following blanks
                    while let w = peek(), w == " " || w == "\t" || w == "\n" || w == "\r" { advance() }
                } else {
                    out.unicodeScalars.append(try escape())
                }
                continue
            }
            out.unicodeScalars.append(c)
            advance()
        }
    }
}
