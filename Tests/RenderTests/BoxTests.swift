import Testing

@testable import Render

@Suite struct BoxTests {
    @Test func boxWithTitle() {
        var f = Frame(width: 14, height: 3)
        f.render(Panel(title: "Loss"), in: f.area)
        #expect(
            f.lines() == [
                "┌─ Loss ─────┐",
                "│            │",
                "└────────────┘",
            ])
        #expect(Panel().inner(f.area) == Rect(x: 1, y: 1, width: 12, height: 1))
    }

    @Test func asciiBox() {
        var f = Frame(width: 10, height: 4)
        f.render(Panel(title: "Setup", ascii: true), in: Rect(x: 1, y: 0, width: 9, height: 4))
        #expect(
            f.lines() == [
                " +- Setu +",
                " |       |",
                " |       |",
                " +-------+",
            ])
    }

    @Test func titleCutAndDropped() {
        var f = Frame(width: 6, height: 2)
        f.render(Panel(title: "Landscape"), in: f.area)
        #expect(f.lines() == ["┌─ L ┐", "└────┘"])
        var g = Frame(width: 5, height: 2)
        g.render(Panel(title: "Landscape"), in: g.area)
        #expect(g.lines() == ["┌───┐", "└───┘"])
    }

    @Test func tinyBoxesDrawNothing() {
        var f = Frame(width: 3, height: 3)
        f.render(Panel(title: "x"), in: Rect(x: 0, y: 0, width: 1, height: 3))
        f.render(Panel(title: "x"), in: Rect(x: 0, y: 0, width: 3, height: 1))
        f.render(Panel(title: "x"), in: Rect(x: 2, y: 2, width: 5, height: 5))  // mostly off-frame
        #expect(f.lines() == ["   ", "   ", "  ┌"])
    }

    @Test func stylesApplied() {
        var f = Frame(width: 8, height: 2)
        let border = Style(fg: .indexed(8)), title = Style(bold: true)
        f.render(Panel(title: "Hi", style: border, titleStyle: title), in: f.area)
        #expect(f[0, 0].style == border && f[3, 0].style == title && f[5, 0].style == border)
    }
}
