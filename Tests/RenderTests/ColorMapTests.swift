import Testing

@testable import Render

@Suite struct ColorMapTests {
    @Test func diverging() {
        #expect(ColorMap.diverging(-1) == .rgb(0xf5, 0x93, 0x22))
        #expect(ColorMap.diverging(0) == .rgb(0xe8, 0xea, 0xeb))
        #expect(ColorMap.diverging(1) == .rgb(0x08, 0x77, 0xbd))
        #expect(ColorMap.diverging(-5) == ColorMap.diverging(-1))
        #expect(ColorMap.diverging(.nan) == ColorMap.neutral)
        #expect(ColorMap.diverging(0.5) == .rgb(120, 177, 212))
    }

    @Test func viridis() {
        #expect(ColorMap.viridis(0) == .rgb(68, 1, 84))
        #expect(ColorMap.viridis(1) == .rgb(253, 231, 37))
        #expect(ColorMap.viridis(1.0 / 3) == .rgb(49, 104, 142))
        #expect(ColorMap.viridis(-1) == ColorMap.viridis(0))
        #expect(ColorMap.viridis(0.5) == .rgb(33, 144, 141))
    }

    @Test func classes() {
        #expect(Set(ColorMap.classColors).count == 5)
        #expect(ColorMap.classColor(1, confidence: 1) == ColorMap.classColors[1])
        #expect(ColorMap.classColor(6, confidence: 1) == ColorMap.classColors[1])
        #expect(ColorMap.classColor(-1, confidence: 1) == ColorMap.classColors[4])
        #expect(ColorMap.classColor(2, confidence: 0) == ColorMap.neutral)
        #expect(ColorMap.classColor(2, confidence: 0, background: .rgb(0, 0, 0)) == .rgb(0, 0, 0))
    }

    @Test func normalize() {
        #expect(ColorMap.normalize(5, lo: 0, hi: 10) == 0.5)
        #expect(ColorMap.normalize(50, lo: 0, hi: 10) == 1)
        #expect(ColorMap.normalize(10, lo: 1, hi: 100, log: true) == 0.5)
        #expect(ColorMap.normalize(-1, lo: 1, hi: 100, log: true) == 0)
        #expect(ColorMap.normalize(3, lo: 3, hi: 3) == 0.5)
        #expect(ColorMap.normalize(.nan, lo: 0, hi: 1).isNaN)
    }
}
