import Testing

@testable import Engine

/// The TOML reader: the language presets use, and an error (never a crash) for the rest.
@Suite struct TOMLReaderTests {
    func parse(_ text: String) throws -> PresetTable { try TOMLReader.parse(text) }

    func error(_ text: String) -> TOMLReader.TOMLError? {
        do { _ = try parse(text); return nil } catch let e as TOMLReader.TOMLError { return e } catch { return nil }
    }

    @Test func valuesOfEveryKind() throws {
        let t = try parse(
            """
            # a comment
            name = "a \\"quoted\\" \\u00e9\\tb" # trailing comment
            lit = 'C:\\path'
            n = 1_000
            neg = -17
            hex = 0xff
            oct = 0o17
            bin = 0b101
            f = 6.5e-3
            g = +1.0
            h = -inf
            i = nan
            yes = true
            no = false
            list = [ 1, 2,
              3, # a comment inside
            ]
            nested = [[1, 2], ["a"]]
            inline = { a = 1, b.c = "x" }
            multi = \"\"\"
            two
            lines\"\"\"
            raw = '''no \\escapes'''
            "quoted key" = 1
            """)
        #expect(t["name"] == .string("a \"quoted\" é\tb") && t["lit"] == .string("C:\\path"))
        #expect(t["n"] == .int(1000) && t["neg"] == .int(-17) && t["hex"] == .int(255) && t["oct"] == .int(15) && t["bin"] == .int(5))
        #expect(t["f"] == .double(0.0065) && t["g"] == .double(1) && t["h"] == .double(-.infinity))
        #expect(t["i"]?.double?.isNaN == true && t["yes"] == .bool(true) && t["no"] == .bool(false))
        #expect(t["list"] == .array([.int(1), .int(2), .int(3)]))
        #expect(t["nested"] == .array([.array([.int(1), .int(2)]), .array([.string("a")])]))
        var c = PresetTable()
        c["c"] = .string("x")
        var inline = PresetTable()
        inline["a"] = .int(1)
        inline["b"] = .table(c)
        #expect(t["inline"] == .table(inline))
        #expect(t["multi"] == .string("two\nlines") && t["raw"] == .string("no \\escapes") && t["quoted key"] == .int(1))
    }

    @Test func tablesDottedKeysAndArraysOfTables() throws {
        let t = try parse(
            """
            top = 1
            [a.b]
            x = 1
            [a]
            y = 2
            [[list]]
            k = 1
            [list.sub]
            z = 3
            [[list]]
            k = 2
            """)
        #expect(t["top"] == .int(1))
        #expect(t["a"]?.table?["y"] == .int(2) && t["a"]?.table?["b"]?.table?["x"] == .int(1))
        let list = try #require(t["list"]?.array)
        #expect(list.count == 2 && list[0].table?["k"] == .int(1) && list[0].table?["sub"]?.table?["z"] == .int(3))
        #expect(list[1].table?["k"] == .int(2) && list[1].table?["sub"] == nil)
    }

    @Test func malformedInputIsAnErrorWithItsLine() {
        let cases: [(String, Int, String)] = [
            ("a = 1\nb = = 2", 2, "expected a value"),
            ("[ `a ]", 1, "expected a key"),
            ("[.a]", 1, "expected a key"),
            ("x = [}", 1, "expected a value"),
            ("x = [1,", 1, "not closed"),
            ("x = \"open", 1, "not closed"),
            ("a = 1\na = 2", 2, "defined twice"),
            ("[t]\n[t]", 2, "defined twice"),
            ("x = 1979-05-27", 1, "dates"),
            ("x = 012", 1, "not a number"),
            ("x = 1__0", 1, "not a number"),
            ("x = 99999999999999999999", 1, "64-bit"),
            ("x = \"\\q\"", 1, "unknown escape"),
            ("x = { a = 1\n}", 1, "inline table"),
            ("x = 1 y = 2", 1, "end of the line"),
            ("a = 1\n[a]", 2, "already defined"),
            ("t = { a = 1 }\n[t.b]", 2, "inline table"),
            ("\"unterminated = 1", 1, "not closed"),
        ]
        for (text, line, message) in cases {
            let e = error(text)
            #expect(e?.line == line && e?.message.contains(message) == true, "\(text.debugDescription): \(String(describing: e))")
        }
    }

    /// Random bytes and random splices of valid presets: an error or a table, never a trap.
    @Test func randomInputNeverTraps() {
        var rng = SeededRandomForTests(seed: 7)
        let alphabet = Array("ab=[]{}\"'.,#\n \t0123456789+-_exnfitru\\u".unicodeScalars)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(rng.next() % 40) { text.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            _ = try? parse(text)
            _ = TOMLReader.value(text)
        }
    }
}

/// A tiny xorshift generator (the test needs no TensorCore).
struct SeededRandomForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
