import Testing

@testable import Render

@Suite struct HeatmapTests {
    let a = Color.rgb(255, 0, 0), b = Color.rgb(0, 0, 255)

    @Test func halfBlockGlyphChoice() {
        #expect(Heatmap.halfBlock(upper: nil, lower: nil) == .blank)
        #expect(Heatmap.halfBlock(upper: a, lower: a) == Cell("█", style: Style(fg: a)))
        #expect(Heatmap.halfBlock(upper: a, lower: b) == Cell("▀", style: Style(fg: a, bg: b)))
        #expect(Heatmap.halfBlock(upper: a, lower: nil) == Cell("▀", style: Style(fg: a)))
        #expect(Heatmap.halfBlock(upper: nil, lower: b) == Cell("▄", style: Style(fg: b)))
    }

    @Test func twoPixelRowsPerCell() {
        // rows: a a a / a b nil / b b b  → cells: █ ▀ ▀ / ▀ ▀ ▀ (last row's lower half empty)
        let pixels: [[Color?]] = [[a, a, a], [a, b, nil], [b, b, b]]
        let h = Heatmap(cols: 3, rows: 3) { c, r in pixels[r][c] }
        var f = Frame(width: 4, height: 3, fill: Cell("."))
        f.render(h, in: Rect(x: 1, y: 0, width: 3, height: 3))
        #expect(f.lines() == [".█▀▀", ".▀▀▀", "...."])
        #expect(f[2, 0].style == Style(fg: a, bg: b))
        #expect(f[3, 0].style == Style(fg: a))
        #expect(f[1, 1].style == Style(fg: b))
    }

    @Test func clippedToRectAndFrame() {
        let h = Heatmap(cols: 5, rows: 6) { _, _ in .indexed(2) }
        var f = Frame(width: 3, height: 2)
        f.render(h, in: Rect(x: 1, y: 1, width: 1, height: 9))
        #expect(f.lines() == ["   ", " █ "])
        var g = Frame(width: 0, height: 0)
        g.render(h, in: Rect(x: -2, y: -2, width: 10, height: 10))
        #expect(Heatmap(cols: -1, rows: 2).pixels.isEmpty)
    }

    @Test func asciiRamp() {
        var f = Frame(width: 10, height: 2)
        Heatmap.renderGlyphs(in: f.area, into: &f) { c, r in
            r == 0 ? ShadeRamp.glyph(Double(c) / 9) : (c < 5 ? "A" : "b")
        }
        #expect(f.lines() == [" .:-=+*#%@", "AAAAAbbbbb"])
        #expect(ShadeRamp.glyph(-3) == " " && ShadeRamp.glyph(3) == "@" && ShadeRamp.glyph(.nan) == " ")
    }

    @Test func stampKeepsTheBackground() {
        var f = Frame(width: 3, height: 1)
        f[0, 0] = Heatmap.halfBlock(upper: a, lower: b)
        f[1, 0] = Heatmap.halfBlock(upper: a, lower: a)
        f.stamp("o", x: 0, y: 0, fg: .indexed(0))
        f.stamp("x", x: 1, y: 0, fg: .indexed(0), bold: true)
        f.stamp("+", x: 2, y: 0, fg: .indexed(0))
        f.stamp("+", x: 9, y: 0, fg: .indexed(0))
        #expect(f.lines() == ["ox+"])
        #expect(f[0, 0].style == Style(fg: .indexed(0), bg: b))
        #expect(f[1, 0].style == Style(fg: .indexed(0), bg: a, bold: true))
        #expect(f[2, 0].style == Style(fg: .indexed(0)))
    }

    @Test func colorBars() {
        var f = Frame(width: 10, height: 1)
        f.render(ColorBar(minLabel: "lo", maxLabel: "hi", ascii: true) { ColorMap.viridis($0) }, in: f.area)
        #expect(f.lines() == ["lo  -*@ hi"])
        f.render(ColorBar(minLabel: "lo", maxLabel: "hi") { ColorMap.viridis($0) }, in: f.area)
        #expect(f.lines() == ["lo ████ hi"])
        #expect(f[3, 0].style.fg == ColorMap.viridis(0) && f[6, 0].style.fg == ColorMap.viridis(1))

        var v = Frame(width: 6, height: 3)
        v.render(ColorBar(.vertical, minLabel: "0", maxLabel: "1", ascii: true) { ColorMap.viridis($0) }, in: v.area)
        #expect(v.lines() == ["@@ 1  ", "++    ", "   0  "])
        v.render(ColorBar(.vertical, minLabel: "0", maxLabel: "1") { ColorMap.viridis($0) }, in: v.area)
        #expect(v[0, 0] == Cell("▀", style: Style(fg: ColorMap.viridis(1), bg: ColorMap.viridis(0.8))))

        var tiny = Frame(width: 3, height: 1)
        tiny.render(ColorBar(minLabel: "low", maxLabel: "high", ascii: true) { ColorMap.viridis($0) }, in: tiny.area)
        #expect(tiny.lines() == [" +@"])
    }
}
