import Testing

@testable import Render

@Suite struct ColorTests {
    @Test func rgbTo256() {
        #expect(Color.ansi256Index(r: 0, g: 0, b: 0) == 16)
        #expect(Color.ansi256Index(r: 255, g: 255, b: 255) == 231)
        #expect(Color.ansi256Index(r: 255, g: 0, b: 0) == 196)
        #expect(Color.ansi256Index(r: 0x5f, g: 0x87, b: 0xaf) == 67)  // exact cube hit
        #expect(Color.ansi256Index(r: 128, g: 128, b: 128) == 244)  // grey ramp
        #expect(Color.ansi256Index(r: 0x30, g: 0x30, b: 0x31) == 236)  // near-grey
        #expect(Color.ansi256Index(r: 0xf5, g: 0x93, b: 0x22) == 208)  // playground orange
        #expect(Color.ansi256Index(r: 0x08, g: 0x77, b: 0xbd) == 31)  // playground blue
        #expect(Color.ansi256Index(r: 0xe8, g: 0xea, b: 0xeb) == 255)  // playground grey
    }

    @Test func paletteRoundTrip() {
        for n in 16...255 {
            let c = Color.paletteRGB(UInt8(n))
            #expect(Color.ansi256Index(r: c.r, g: c.g, b: c.b) == UInt8(n))
        }
        let red = Color.paletteRGB(9)
        #expect(red.r == 255 && red.g == 0 && red.b == 0)
    }

    @Test func rgbTo8() {
        #expect(Color.basic8Index(r: 10, g: 20, b: 30) == 0)
        #expect(Color.basic8Index(r: 200, g: 30, b: 30) == 1)
        #expect(Color.basic8Index(r: 0xf5, g: 0x93, b: 0x22) == 3)  // orange → yellow
        #expect(Color.basic8Index(r: 20, g: 20, b: 200) == 4)
        #expect(Color.basic8Index(r: 68, g: 1, b: 84) == 5)  // dark purple stays visible
        #expect(Color.basic8Index(r: 0x08, g: 0x77, b: 0xbd) == 6)  // playground blue → cyan
        #expect(Color.basic8Index(r: 0xe8, g: 0xea, b: 0xeb) == 7)
    }

    @Test func conversionByMode() {
        let orange = Color(hex: 0xf59322)
        #expect(orange == .rgb(245, 147, 34))
        #expect(orange.converted(to: .truecolor) == orange)
        #expect(orange.converted(to: .ansi256) == .indexed(208))
        #expect(orange.converted(to: .basic8) == .indexed(3))
        #expect(orange.converted(to: .none) == .default)
        #expect(Color.indexed(12).converted(to: .basic8) == .indexed(4))
        #expect(Color.indexed(196).converted(to: .basic8) == .indexed(1))
        #expect(Color.default.converted(to: .ansi256) == .default)
    }

    @Test func mixing() {
        let a = Color.rgb(0, 100, 200), b = Color.rgb(100, 200, 0)
        #expect(a.mixed(with: b, 0) == a)
        #expect(a.mixed(with: b, 1) == b)
        #expect(a.mixed(with: b, 0.5) == .rgb(50, 150, 100))
        #expect(a.mixed(with: b, 7) == b)
        #expect(a.mixed(with: .default, 0.2) == a)
    }

    @Test func automaticMode() {
        #expect(ColorMode.automatic(environment: ["NO_COLOR": "1", "TERM": "xterm-256color"]) == .none)
        #expect(ColorMode.automatic(environment: ["NO_COLOR": "", "TERM": "xterm-256color"]) == .ansi256)
        #expect(ColorMode.automatic(environment: ["TERM": "xterm"]) == .basic8)
        #expect(ColorMode.automatic(environment: ["TERM": "dumb"]) == .none)
        #expect(ColorMode.automatic(environment: [:], terminalColors: 256) == .ansi256)
        #expect(ColorMode.automatic(environment: ["TERM": "xterm-256color"], terminalColors: 8) == .basic8)
    }
}
