import CNcurses
import Render
import TUI
import Testing

@testable import LosscapeCLI

/// The pure parts of the curses backend: key decoding, colour resolution,
/// colour-pair allocation.
@Suite struct TerminalBackendTests {
    @Test func keysDecode() {
        #expect(KeyDecoding.keyCode(KEY_UP) == .up && KeyDecoding.keyCode(KEY_BTAB) == .backTab)
        #expect(KeyDecoding.keyCode(KEY_F0 + 5) == nil)
        #expect(KeyDecoding.character(13) == .enter && KeyDecoding.character(27) == .escape)
        #expect(KeyDecoding.character(3) == .interrupt && KeyDecoding.character(127) == .backspace)
        #expect(KeyDecoding.character(1) == nil && KeyDecoding.character(0xD800) == nil)
        #expect(KeyDecoding.character(0x20) == .character(" ") && KeyDecoding.character(0x28FF) == .character("⣿"))
    }

    @Test func colourRequestsResolve() {
        let env = ["TERM": "xterm-256color"]
        #expect(ColorResolution.resolve(.auto, environment: env, hasColors: true, colors: 256).mode == .ansi256)
        #expect(ColorResolution.resolve(.auto, environment: env.merging(["NO_COLOR": "1"]) { $1 }, hasColors: true, colors: 256).mode == .none)
        #expect(ColorResolution.resolve(.never, environment: env, hasColors: true, colors: 256).mode == .none)
        let t = ColorResolution.resolve(.truecolor, environment: env, hasColors: true, colors: 256)
        #expect(t.mode == .ansi256 && t.note?.contains("truecolor needs a direct-colour terminal") == true)
        #expect(ColorResolution.resolve(.truecolor, environment: env, hasColors: true, colors: 1 << 24).mode == .truecolor)
        let eight = ColorResolution.resolve(.ansi256, environment: ["TERM": "xterm"], hasColors: true, colors: 8)
        #expect(eight.mode == .basic8 && eight.note != nil)
    }

    @Test func colourPairsAreReusedAndBounded() {
        var pairs = ColorPairs(capacity: 3)
        let a = pairs.lookup(fg: 1, bg: 2)
        #expect(a?.isNew == true)
        #expect(pairs.lookup(fg: 1, bg: 2)?.isNew == false && pairs.lookup(fg: 1, bg: 2)?.pair == a?.pair)
        _ = pairs.lookup(fg: 3, bg: 4)
        _ = pairs.lookup(fg: 5, bg: 6)
        #expect(pairs.count <= 3)
    }
}
