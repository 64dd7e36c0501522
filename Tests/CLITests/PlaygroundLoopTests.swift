import Engine
import Foundation
import Render
import TUI
import Testing

@testable import LosscapeCLI

/// The interactive loop on a scripted terminal, without tmux: quit, resize, keys while the
/// landscape computes, and the files `s` and `w` write.
@Suite struct PlaygroundLoopTests {
    func loop(
        _ script: [TestBackend.Step], width: Int = 120, height: Int = 40, output: String = "/tmp",
        clock: (() -> Double)? = nil, paused: Bool = false
    ) throws -> (PlaygroundLoop<TestBackend>, TestBackend) {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 120
        spec.steps = 200
        let session = SessionSpec(spec)
        let drivers = [try RunDriver(entry: session.runs[0], trajectoryEvery: 1)]
        let engine = TrainingSession(runs: drivers, speed: .max, pauseAt: 200)
        let backend = TestBackend(width: width, height: height, script: script)
        var state = AppState(session: session, width: width, height: height, colorMode: .none)
        state.startPaused = paused
        let l =
            clock.map { PlaygroundLoop(backend: backend, session: engine, state: state, output: output, clock: $0) }
            ?? PlaygroundLoop(backend: backend, session: engine, state: state, output: output)
        return (l, backend)
    }

    @Test func quitEndsTheLoopWithStatusZero() throws {
        let (l, b) = try loop([.wait(milliseconds: 20), .key(.character("q"))])
        #expect(l.run() == 0)
        #expect(l.state.quit && !b.frames.isEmpty)
        #expect(TextExport.plain(b.frames.last!).contains("Decision boundary"))
    }

    /// The loop reads time only from its clock: a flash outlives a few real milliseconds but not
    /// a few seconds of a scripted clock (0.5 s per reading), with no real waiting.
    @Test func flashesExpireOnTheLoopsClock() throws {
        let script: [TestBackend.Step] = [.key(.character("Y"))] + Array(repeating: .wait(milliseconds: 0), count: 12)
        let (real, _) = try loop(script + [.key(.character("Y"))] + script.dropFirst(), paused: true)
        #expect(real.run() == 0)
        #expect(real.state.currentFlash?.contains("landscape colours") == true, "a real-time flash vanished early")
        final class Ticks: @unchecked Sendable { var t = 0.0 }
        let ticks = Ticks()
        let (scripted, _) = try loop(
            script,
            clock: {
                ticks.t += 0.5
                return ticks.t
            }, paused: true)
        #expect(scripted.run() == 0)
        #expect(scripted.state.currentFlash == nil, "the flash outlived 6 scripted seconds")
        #expect(ticks.t > 6)
    }

    @Test func resizesRedrawAtTheNewSize() throws {
        let (l, b) = try loop([
            .key(.resize(width: 80, height: 24)), .wait(milliseconds: 5), .key(.resize(width: 40, height: 10)),
            .wait(milliseconds: 5), .key(.resize(width: 100, height: 30)), .wait(milliseconds: 5),
        ])
        #expect(l.run() == 0)
        let sizes = b.frames.map { "\($0.width)x\($0.height)" }
        #expect(sizes.contains("80x24") && sizes.contains("40x10") && sizes.contains("100x30"))
        let small = b.frames.first { $0.width == 40 }!
        #expect(TextExport.plain(small).contains("this terminal is 40×10"))
    }

    /// Keys that change the run while the landscape computes: nothing crashes, the old surface is
    /// dropped with its run, and a new request finishes.
    @Test func keysDuringALandscapeComputation() throws {
        var script: [TestBackend.Step] = [
            .wait(milliseconds: 50), .key(.character("g")), .key(.character("l")),
            .key(.character("]")), .key(.character("r")), .key(.character("v")),
            .key(.character("g")),
        ]
        script += Array(repeating: .wait(milliseconds: 40), count: 60)
        let (l, b) = try loop(script)
        #expect(l.run() == 0)
        let p = try #require(l.state.landscapeProgress, "a landscape after the last g")
        #expect(p.done && p.error == nil)
        #expect(TextExport.plain(b.frames.last!).contains("centre"))
    }

    @Test func screenshotAndPresetReportTheirFullPaths() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (l, _) = try loop(
            [.wait(milliseconds: 30), .key(.character("s")), .key(.character("w")), .wait(milliseconds: 5)],
            output: dir.path)
        #expect(l.run() == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".ans") || $0.hasSuffix(".svg") }.count == 3)
        #expect(files.contains { $0.hasSuffix(".toml") })
        #expect(l.state.currentFlash?.contains(dir.standardizedFileURL.path) == true, "\(l.state.currentFlash ?? "")")
    }
}
