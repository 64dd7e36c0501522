import Engine
import Foundation
import Learning
import Render
import Testing

@testable import TUI

/// The status and key lines at small sizes: fields are dropped whole (never a cut number), the
/// `loss <train>/<test> (train/test)` form stays, and a long flash (a written file's path) is shown
/// whole over both rows.
@Suite struct StatusBarTests {
    static func state(width: Int, height: Int, testFraction: Double = 0.2) throws -> AppState {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 80
        spec.data.testFraction = testFraction
        let driver = try RunDriver(entry: RunEntry(label: "cross_entropy", spec: spec))
        driver.advance(until: 20)
        var s = AppState(spec: spec, width: width, height: height, colorMode: .none, ascii: false)
        _ = update(&s, .snapshot(SessionSnapshot(sequence: 1, runs: [RunSnapshot(driver)], running: false, stepsPerSecond: 0, message: nil)))
        return s
    }

    static func lines(_ s: AppState) -> [String] {
        TextExport.plain(Screen.render(s, cache: ViewCache())).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: [(80, 24), (60, 20), (70, 22)])
    func statusAndHintsDropWholeFields(_ size: (Int, Int)) throws {
        let wide = Self.lines(try Self.state(width: 220, height: 60))
        let small = Self.lines(try Self.state(width: size.0, height: size.1))
        let (wideStatus, wideHints) = (wide[58], wide[59])
        let (status, hints) = (small[size.1 - 2], small[size.1 - 1])
        #expect(status.range(of: #"loss \d+\.\d{4}/\d+\.\d{4} \(train/test\)"#, options: .regularExpression) != nil, "\(status)")
        for token in status.split(separator: " ") {
            #expect(wideStatus.split(separator: " ").contains(token), "“\(token)” is not a whole field: \(status)")
        }
        for token in hints.split(separator: " ") {
            #expect(wideHints.split(separator: " ").contains(token), "“\(token)” is not a whole hint: \(hints)")
        }
        #expect(hints.contains("? help") && hints.contains("q quit"))
    }

    /// Without a test split the status says so instead of showing a slash with nothing after it.
    @Test func noTestSplitLabelsTrainOnly() throws {
        let lines = Self.lines(try Self.state(width: 80, height: 24, testFraction: 0))
        let status = lines[22]
        #expect(status.range(of: #"loss \d+\.\d{4} \(train\)"#, options: .regularExpression) != nil, "\(status)")
    }

    @Test func aLongFlashIsShownWholeOverBothRows() throws {
        var s = try Self.state(width: 80, height: 24)
        let path = "/home/someone/experiments/losscape/screenshots/2026-12-05/losscape-20261205-121314"
        s.say("screenshot: \(path).txt, .ans and .svg")
        let lines = Self.lines(s)
        let joined = (lines[22] + lines[23]).replacingOccurrences(of: " ", with: "")
        #expect(joined.contains("screenshot:\(path).txt,.ansand.svg"), "\(lines[22])\n\(lines[23])")
        #expect(!lines[23].contains("…"))
    }

    /// An empty flash leaves the key hints in place, drawn as hints (dim), not as a flash (bold).
    @Test func anEmptyFlashKeepsTheHints() throws {
        var s = try Self.state(width: 80, height: 24)
        s.say("")
        let frame = Screen.render(s, cache: ViewCache())
        #expect(TextExport.plain(frame).split(separator: "\n")[23].contains("? help"))
        #expect(!frame[1, 23].style.bold, "the hints are drawn in the flash's style")
    }

    @Test func wrapBreaksAfterSpacesOrSlashesAndCutsOnlyTheLastLine() {
        #expect(wrap("short", width: 10, lines: 2) == ["short"])
        #expect(wrap("a/bb/ccc/dddd", width: 9, lines: 2) == ["a/bb/ccc/", "dddd"])
        #expect(wrap("abcdefghij", width: 4, lines: 2) == ["abcd", "efg…"])
        #expect(wrap("x", width: 0, lines: 2) == [])
        for text in ["one two three four five six", String(repeating: "/ab", count: 30)] {
            let w = wrap(text, width: 12, lines: 3)
            #expect(w.allSatisfy { $0.count <= 12 })
        }
    }
}
