import Render
import Testing

@testable import TUI

/// The playground's own widgets against literal text.
@Suite struct WidgetTests {
    @Test func helpOverlayListsEveryKey() {
        // tall enough: one column
        var f = Frame(width: 60, height: 36)
        HelpOverlay.render(into: &f, theme: Theme(colorMode: .none, ascii: true))
        let text = f.lines().joined(separator: "\n")
        for e in KeyMap.entries { #expect(text.contains(e.keys) && text.contains(e.action), "\(e.keys)") }
        #expect(f.lines()[0] == "          +- Help -------------------------------+          ")
        #expect(f.lines()[1] == "          | space        run / pause             |          ")
        // 60×20: pages, every key on one of them
        var seen = ""
        for page in 0..<HelpOverlay.pages(width: 60, height: 20) {
            var p = Frame(width: 60, height: 20)
            HelpOverlay.render(into: &p, theme: Theme(colorMode: .none, ascii: true), page: page)
            seen += p.lines().joined(separator: "\n")
        }
        #expect(HelpOverlay.pages(width: 60, height: 20) > 1)
        for e in KeyMap.entries { #expect(seen.contains(e.keys) && seen.contains(e.action), "\(e.keys) at 60×20") }
        // 80×24: two columns, still every key
        var g = Frame(width: 80, height: 24)
        HelpOverlay.render(into: &g, theme: Theme(colorMode: .none, ascii: true))
        let two = g.lines().joined(separator: "\n")
        for e in KeyMap.entries { #expect(two.contains(e.keys) && two.contains(e.action), "\(e.keys)") }
    }

    @Test func tooSmallScreenSaysBothSizes() {
        let f = TooSmallView.render(width: 30, height: 5, minWidth: 60, minHeight: 20)
        #expect(
            f.lines() == [
                "                              ",
                "     losscape needs 60×20     ",
                "    this terminal is 30×5     ",
                "   enlarge it, or q to quit   ",
                "                              ",
            ])
    }

    @Test func fixedDecimals() {
        #expect(fixed(0.5, 4) == "0.5000")
        #expect(fixed(12.3456, 1) == "12.3")
        #expect(fixed(-0.05, 2) == "-0.05")
        #expect(fixed(.nan, 2) == "nan")
        #expect(format(0.01) == "0.01" && format(1e-5) == "1e-5" && format(2) == "2")
    }
}

@Suite struct FixedFormatTests {
    @Test func zeroDigits() {
        #expect(fixed(98.4, 0) == "98")
        #expect(fixed(0.6, 0) == "1")
        #expect(fixed(-2.5, 0) == "-3")  // half away from zero
        #expect(fixed(1e300, 1) == "1e300" && fixed(.infinity, 2) == "inf")
    }
}
