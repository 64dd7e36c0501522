import Testing

@testable import Render

@Suite struct LineChartTests {
    func draw(_ chart: LineChart, _ w: Int, _ h: Int) -> Frame {
        var f = Frame(width: w, height: h)
        f.render(chart, in: f.area)
        return f
    }

    @Test func knownSeries() {
        let f = draw(LineChart(series: [Series("loss", ys: [4, 3, 2, 1, 0])]), 20, 8)
        #expect(
            f.lines() == [
                "  ━ loss            ",
                "4┤⠑⠢⢄⡀              ",
                " │   ⠈⠑⠤⣀           ",
                "2┤       ⠉⠒⢄⡀       ",
                " │          ⠈⠑⠢⢄⡀   ",
                "0┤              ⠈⠑⠢⢄",
                " └┬────────┬───────┬",
                "  0        2       4",
            ])
    }

    @Test func logYTwoSeries() {
        let train = Series("train", color: .indexed(4), ys: [1, 0.1, 0.01, 0.001])
        let test = Series("test", color: .indexed(3), marker: "o", ys: [1, 0.5, 0.2, 0.3])
        let f = draw(LineChart(series: [train, test], logY: true), 24, 9)
        #expect(
            f.lines() == [
                "     ━ train  ━ test    ",
                "   1┤⠙⠳⣒⠒⠢⠤⠤⢄⣀⡀         ",
                "    │   ⠑⠢⣀   ⠈⠉⠑⠒⠒⠒⠊⠉⠉⠉",
                "    │      ⠑⠢⢄⡀         ",
                "0.01┤         ⠈⠑⠢⢄      ",
                "    │             ⠉⠢⢄   ",
                "    │                ⠉⠢⢄",
                "    └┬─────┬─────┬─────┬",
                "     0     1     2     3",
            ])
        // legend markers in the series colours; a shared cell takes the later series' colour
        #expect(f[5, 0].style.fg == .indexed(4) && f[14, 0].style.fg == .indexed(3))
        #expect(f[5, 1].style.fg == .indexed(3))
        #expect(f[23, 6].style.fg == .indexed(4))

        let ascii = draw(LineChart(series: [train, test], logY: true, ascii: true), 24, 9)
        #expect(
            ascii.lines() == [
                "     * train  o test    ",
                "   1+oooooooooo         ",
                "    |   ***   oooooooooo",
                "    |      ****         ",
                "0.01+         ****      ",
                "    |             ***   ",
                "    |                ***",
                "    ++-----+-----+-----+",
                "     0     1     2     3",
            ])
    }

    @Test func logYSkipsNonPositiveValues() {
        let f = draw(LineChart(series: [Series("n", ys: [1, -1, 10, 0, 100])], logY: true, showLegend: false), 12, 6)
        #expect(
            f.lines() == [
                "100┤       ⠈",
                "   │        ",
                "   │    ⠁   ",
                "  1┤⡀       ",
                "   └┬───────",
                "    0       ",
            ])
    }

    @Test func nonFiniteValuesBreakTheLine() {
        let f = draw(LineChart(series: [Series("n", ys: [0, 1, .nan, 3, .infinity, 5, 6])], showLegend: false), 12, 6)
        #expect(
            f.lines() == [
                "5┤        ⡠⠊",
                " │          ",
                " │     ⠁    ",
                "0┤⡠⠔        ",
                " └┬───────┬─",
                "  0       5 ",
            ])
    }

    @Test func fixedRangeClipsTheLine() {
        let chart = LineChart(series: [Series("n", ys: [0, 1, 2, 3, 4, 5, 6])], yRange: .fixed(2, 4), showLegend: false)
        #expect(
            draw(chart, 12, 6).lines() == [
                "4┤      ⡜   ",
                " │     ⡰⠁   ",
                " │    ⡰⠁    ",
                "2┤   ⡰⠁     ",
                " └┬───────┬─",
                "  0       5 ",
            ])
    }

    @Test func emptySinglePointAndConstant() {
        #expect(
            draw(LineChart(series: []), 12, 6).lines() == [
                "1┤          ",
                " │          ",
                " │ no data  ",
                "0┤          ",
                " └┬────────┬",
                "  0        1",
            ])
        #expect(
            draw(LineChart(series: [Series("one", points: [ChartPoint(5, 0.7)])]), 12, 6).lines() == [
                "    ━ one   ",
                "   │        ",
                "0.7┤⠄       ",
                "   │        ",
                "   └┬──────┬",
                "    5      6",
            ])
        #expect(
            draw(LineChart(series: [Series("c", ys: [2, 2, 2, 2])]), 12, 6).lines() == [
                "  ━ c       ",
                " │          ",
                "2┤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤",
                " │          ",
                " └┬─────┬───",
                "  0     2   ",
            ])
    }

    @Test func tooSmallForAxesDrawsOnlyDots() {
        let s = [Series("n", ys: [0, 1, 2, 3, 4, 5, 6])]
        #expect(draw(LineChart(series: s), 3, 2).lines() == [" ⢠⠊", "⡠⠊ "])
        #expect(draw(LineChart(series: s), 1, 1).lines() == ["⡼"])
    }

    @Test func neverTrapsOnAnySizeOrData() {
        let nasty: [[Series]] = [
            [],
            [Series("", ys: [])],
            [Series("nan", ys: [.nan, .nan])],
            [Series("huge", ys: [-1e308, 1e308, .greatestFiniteMagnitude])],
            [Series("tiny", ys: [1e-300, 2e-300])],
            [Series("x", points: [ChartPoint(.infinity, 1), ChartPoint(1e300, -1e300), ChartPoint(-1e300, 5)])],
        ]
        for series in nasty {
            for logY in [false, true] {
                for w in 0...7 {
                    for h in 0...7 {
                        var f = Frame(width: w, height: h)
                        f.render(LineChart(series: series, yRange: .fixed(0, 0), logY: logY), in: f.area)
                        f.render(LineChart(series: series, xRange: .fixed(3, -3), logY: logY), in: Rect(x: -2, y: -1, width: w, height: h))
                    }
                }
            }
        }
    }
}

/// Axes that never mislead: log ticks are distinct, a step axis has whole numbers only,
/// labels that do not fit are left out, never cut.
@Suite struct AxisHonestyTests {
    @Test func logTicksNeverRepeatAValue() {
        for (lo, hi) in [(0.31, 0.34), (0.9, 1.2), (1e-3, 2e-3), (5.0, 5.5)] {
            for h in [4, 6, 10, 20] {
                var f = Frame(width: 30, height: h)
                let chart = LineChart(series: [Series("s", points: [ChartPoint(0, lo), ChartPoint(1, hi)])], logY: true, ascii: true)
                f.render(chart, in: f.area)
                let labels = f.lines().compactMap { line -> String? in
                    guard let bar = line.firstIndex(where: { $0 == "+" || $0 == "|" }) else { return nil }
                    let label = String(line[..<bar].filter { $0 != " " })
                    return label.isEmpty ? nil : label
                }
                #expect(Set(labels).count == labels.count, "\(lo)…\(hi) at height \(h): \(labels)")
            }
        }
    }

    @Test func aStepAxisHasWholeStepsOnly() {
        var f = Frame(width: 60, height: 8)
        var chart = LineChart(series: [Series("s", points: [ChartPoint(0, 1), ChartPoint(3, 2)])], ascii: true)
        chart.integerX = true
        f.render(chart, in: f.area)
        let axis = f.lines()[f.height - 1]
        #expect(!axis.contains("."), "fractional steps on the axis: \(axis)")
        #expect(axis.contains("0") && axis.contains("3"))
    }

    @Test func colourBarLabelsAreNeverCut() {
        var f = Frame(width: 9, height: 6)
        ColorBar(.vertical, minLabel: "8.9e-10", maxLabel: "3.4", ascii: true) { _ in .default }.render(in: f.area, into: &f)
        let text = f.lines().joined(separator: "\n")
        #expect(text.contains("3.4") && !text.contains("8.9e-1 ") && !text.contains("8.9e-1\n"), "\(text)")
        var wide = Frame(width: 12, height: 6)
        ColorBar(.vertical, minLabel: "8.9e-10", maxLabel: "3.4", ascii: true) { _ in .default }.render(in: wide.area, into: &wide)
        #expect(wide.lines().joined().contains("8.9e-10"))
    }

    @Test func legendsDropWholeEntries() {
        var f = Frame(width: 24, height: 8)
        f.render(
            LineChart(series: [Series("train", points: []), Series("clean train", points: []), Series("test", points: [])], ascii: true),
            in: f.area)
        let legend = f.lines()[0]
        #expect(legend.contains("train") && !legend.contains("clean tr ") && !legend.hasSuffix("clean"), "\(legend)")
    }
}
