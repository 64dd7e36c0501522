import Testing

@testable import Render

@Suite struct BrailleCanvasTests {
    @Test func dotBits() {
        let expected: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        for dy in 0..<4 {
            for dx in 0..<2 {
                var c = BrailleCanvas(width: 1, height: 1)
                c.set(x: dx, y: dy)
                #expect(c.mask(cellX: 0, cellY: 0) == expected[dy][dx])
            }
        }
        #expect(BrailleCanvas.glyph(mask: 0) == "⠀")
        #expect(BrailleCanvas.glyph(mask: 0xff) == "⣿")
        #expect(BrailleCanvas.glyph(mask: 0x47) == "⡇")  // left column
        #expect(BrailleCanvas.glyph(mask: 0xb8) == "⢸")  // right column
    }

    @Test func diagonalLine() {
        var c = BrailleCanvas(width: 2, height: 1)
        c.line(from: (0, 0), to: (3, 3))
        var f = Frame(width: 2, height: 1)
        f.render(c, in: f.area)
        // dots (0,0) (1,1) in cell 0 = 0x01|0x10; (2,2) (3,3) in cell 1 = 0x04|0x80
        #expect(c.mask(cellX: 0, cellY: 0) == 0x11)
        #expect(c.mask(cellX: 1, cellY: 0) == 0x84)
        #expect(f.lines() == ["⠑⢄"])
    }

    @Test func outOfRangeIsIgnoredAndClipped() {
        var c = BrailleCanvas(width: 2, height: 1)
        c.set(x: -1, y: 0)
        c.set(x: 4, y: 0)
        c.set(x: 0, y: 4)
        #expect((0..<2).allSatisfy { c.mask(cellX: $0, cellY: 0) == 0 })
        // a horizontal line from far away to far away fills row 1 only
        c.line(fromX: -1e12, y0: 1, toX: 1e12, y1: 1)
        #expect(c.mask(cellX: 0, cellY: 0) == 0x12 && c.mask(cellX: 1, cellY: 0) == 0x12)
        c.line(fromX: .nan, y0: 0, toX: 1, y1: 1)
        #expect(c.mask(cellX: 0, cellY: 0) == 0x12)
        var empty = BrailleCanvas(width: 0, height: 0)
        empty.line(from: (0, 0), to: (5, 5))
        empty.set(x: 0, y: 0)
        var f = Frame(width: 0, height: 0)
        f.render(empty, in: f.area)
    }

    @Test func laterSeriesWinsTheCell() {
        var c = BrailleCanvas(width: 1, height: 1)
        c.set(x: 0, y: 0, color: .indexed(1), marker: "a")
        c.set(x: 1, y: 3, color: .indexed(4), marker: "b")
        var f = Frame(width: 1, height: 1)
        f.render(c, in: f.area)
        #expect(f[0, 0] == Cell("⢁", style: Style(fg: .indexed(4))))
        c.ascii = true
        f.render(c, in: f.area)
        #expect(f[0, 0].glyph == "b")
    }

    @Test func transparentWhereEmpty() {
        var c = BrailleCanvas(width: 3, height: 1)
        c.set(x: 2, y: 0)
        var f = Frame(width: 3, height: 1, fill: Cell("."))
        f.render(c, in: f.area)
        #expect(f.lines() == [".⠁."])
    }
}

/// Lines between the largest finite values: the difference of the ends overflows Double (it
/// trapped in Int(…) before), yet the visible part is drawn where it crosses the canvas.
@Suite struct BrailleCanvasExtremeLineTests {
    @Test func aLineAcrossTheWholeDoubleRangeDrawsItsVisiblePart() {
        let big = Double.greatestFiniteMagnitude
        var c = BrailleCanvas(width: 10, height: 4)
        c.line(fromX: -big, y0: 5, toX: big, y1: 5)
        // a horizontal line at dot row 5 through every column
        #expect((0..<c.dotWidth).allSatisfy { c.isSet(x: $0, y: 5) })
        var d = BrailleCanvas(width: 10, height: 4)
        d.line(fromX: 3, y0: -big, toX: 3, y1: big)
        #expect((0..<d.dotHeight).allSatisfy { d.isSet(x: 3, y: $0) })
        var e = BrailleCanvas(width: 10, height: 4)
        e.line(fromX: -big, y0: -big, toX: big, y1: big)  // the diagonal through the canvas's middle
        #expect(Self.anyDot(e))
        var f = BrailleCanvas(width: 10, height: 4)
        f.line(fromX: -big, y0: big, toX: -1e300, y1: big)  // wholly outside
        #expect(!Self.anyDot(f))
    }

    static func anyDot(_ c: BrailleCanvas) -> Bool {
        (0..<c.width).contains { x in (0..<c.height).contains { c.mask(cellX: x, cellY: $0) != 0 } }
    }
}
