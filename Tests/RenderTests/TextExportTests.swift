import Testing

@testable import Render

@Suite struct TextExportTests {
    func twoByOne() -> Frame {
        var f = Frame(width: 2, height: 1)
        f[0, 0] = Cell("a", style: Style(fg: .rgb(245, 147, 34), bold: true))
        f[1, 0] = Cell("b", style: Style(fg: .indexed(4), bg: .rgb(0, 0, 0)))
        return f
    }

    @Test func ansiEscapesByMode() {
        let f = twoByOne()
        #expect(
            TextExport.ansi(f, mode: .truecolor)
                == "\u{1B}[0;1;38;2;245;147;34ma\u{1B}[0;34;48;2;0;0;0mb\u{1B}[0m")
        #expect(
            TextExport.ansi(f, mode: .ansi256)
                == "\u{1B}[0;1;38;5;208ma\u{1B}[0;34;48;5;16mb\u{1B}[0m")
        #expect(TextExport.ansi(f, mode: .basic8) == "\u{1B}[0;1;33ma\u{1B}[0;34;40mb\u{1B}[0m")
        #expect(TextExport.ansi(f, mode: .none) == "\u{1B}[0;1ma\u{1B}[0mb")
    }

    @Test func codesOnlyWhereTheStyleChanges() {
        var f = Frame(width: 4, height: 2)
        f.put("abcd", x: 0, y: 0)
        f.put("xy", x: 1, y: 1, style: Style(fg: .indexed(1)))
        #expect(TextExport.ansi(f, mode: .ansi256) == "abcd\n \u{1B}[0;31mxy\u{1B}[0m ")
        #expect(TextExport.plain(f) == "abcd\n xy ")
        #expect(TextExport.ansi(Frame(width: 0, height: 0), mode: .ansi256) == "")
    }

    @Test func sgr() {
        #expect(TextExport.sgr(.plain) == "\u{1B}[0m")
        #expect(TextExport.sgr(Style(fg: .indexed(200), dim: true, reverse: true)) == "\u{1B}[0;2;7;38;5;200m")
    }
}
