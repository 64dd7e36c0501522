import Testing

@testable import Render

@Suite struct FrameTests {
    @Test func emptyFrameNeverTraps() {
        var f = Frame(width: 0, height: 0)
        f.put("hello", x: 0, y: 0)
        f.put("hello", x: -3, y: -1)
        f.fill(Rect(x: -5, y: -5, width: 20, height: 20), with: Cell("#"))
        f[0, 0] = Cell("x")
        #expect(f[0, 0] == .blank)
        #expect(f.lines() == [])
        #expect(TextExport.plain(f) == "")
    }

    @Test func negativeSizesBecomeZero() {
        let f = Frame(width: -4, height: 2)
        #expect(f.width == 0 && f.height == 2)
        #expect(f.lines() == ["", ""])
    }

    @Test func oneByOne() {
        var f = Frame(width: 1, height: 1)
        let end = f.put("abc", x: 0, y: 0)
        #expect(end == 3)
        #expect(f.lines() == ["a"])
        f.put("xyz", x: -2, y: 0)
        #expect(f.lines() == ["z"])
    }

    @Test func textClipsAtEveryEdge() {
        var f = Frame(width: 5, height: 3)
        f.put("abcdefgh", x: 3, y: 0)
        f.put("abcdefgh", x: -6, y: 1)
        f.put("never", x: 0, y: 3)
        f.put("never", x: 0, y: -1)
        f.put("ab", x: 5, y: 2)
        #expect(f.lines() == ["   ab", "gh   ", "     "])
        #expect(f.lines(trimmingTrailingSpaces: true) == ["   ab", "gh", ""])
    }

    @Test func textClipsToRect() {
        var f = Frame(width: 8, height: 2)
        f.put("abcdefgh", x: 0, y: 0, clippedTo: Rect(x: 2, y: 0, width: 3, height: 1))
        f.put("abcdefgh", x: 0, y: 1, clippedTo: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(f.lines() == ["  cde   ", "        "])
    }

    @Test func alignedText() {
        var f = Frame(width: 7, height: 3)
        f.put("ab", in: f.area.row(0), align: .left)
        f.put("ab", in: f.area.row(1), align: .center)
        f.put("ab", in: f.area.row(2), align: .right)
        #expect(f.lines() == ["ab     ", "  ab   ", "     ab"])
    }

    @Test func controlAndWideCharactersBecomeQuestionMarks() {
        var f = Frame(width: 6, height: 1)
        f.put("a\tb漢é", x: 0, y: 0)
        #expect(f.lines() == ["a?b?é "])
    }

    @Test func fillAndStyle() {
        var f = Frame(width: 4, height: 3)
        f.fill(Rect(x: 1, y: 1, width: 10, height: 10), with: Cell("#"))
        let s = Style(reverse: true)
        f.setStyle(Rect(x: 0, y: 2, width: 2, height: 1), s)
        #expect(f.lines() == ["    ", " ###", " ###"])
        #expect(f[0, 2].style == s && f[1, 2] == Cell("#", style: s))
        #expect(f[2, 2].style == .plain)
        #expect(f[-1, 0] == .blank && f[4, 0] == .blank)
    }

    @Test func pasteOtherFrame() {
        var f = Frame(width: 4, height: 2)
        var g = Frame(width: 3, height: 3, fill: Cell("o"))
        g[1, 1] = Cell("x")
        f.draw(g, x: 2, y: -1)
        #expect(f.lines() == ["  ox", "  oo"])
    }
}
