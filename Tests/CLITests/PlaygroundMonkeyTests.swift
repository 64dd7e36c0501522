import Engine
import Foundation
import Render
import TUI
import TensorCore
import Testing

@testable import LosscapeCLI

/// A monkey at the keyboard: seeded random sequences of every key the playground knows, resizes
/// down to nothing and up to 200×60, and short pauses, through the real loop on a scripted
/// terminal, for presets of every kind (classification, regression, an embedding loss, a
/// comparison). Nothing traps, the last frame has the last size asked for, `s` and `w` into a folder that
/// does not exist fail with a message, and `q` ends the loop.
@Suite struct PlaygroundMonkeyTests {
    static let keys: [KeyEvent] =
        Array(" n<>,.riR+-lLoOdDcxvVteyauhzgp[]{}1YG?sw").map { KeyEvent.character($0) }
        + [.up, .down, .left, .right, .enter, .escape, .tab, .backTab, .backspace, .pageUp, .pageDown, .home, .end]
    /// Steps per preset (LOSSCAPE_MONKEY=N for a longer run, LOSSCAPE_MONKEY_SEED=S for other sequences).
    static let length = Int(ProcessInfo.processInfo.environment["LOSSCAPE_MONKEY"] ?? "") ?? 200
    static let seedOffset = UInt64(ProcessInfo.processInfo.environment["LOSSCAPE_MONKEY_SEED"] ?? "") ?? 0
    static let sizes = [(120, 40), (80, 24), (60, 20), (100, 30), (59, 19), (30, 10), (0, 0), (1, 1), (200, 60)]

    static func script(seed: UInt64, length: Int) -> [TestBackend.Step] {
        var rng = SeededRandom(seed: seed &+ seedOffset, stream: "monkey")
        var steps: [TestBackend.Step] = []
        for _ in 0..<length {
            switch rng.next() % 20 {
            case 0:
                let (w, h) = sizes[Int(rng.next() % UInt64(sizes.count))]
                steps.append(.key(.resize(width: w, height: h)))
            case 1, 2: steps.append(.wait(milliseconds: Int(rng.next() % 6)))
            default: steps.append(.key(keys[Int(rng.next() % UInt64(keys.count))]))
            }
        }
        return steps
    }

    @Test(arguments: [("default", UInt64(1)), ("arcface", 2), ("sine", 3), ("compare-noise", 4), ("supcon", 5), ("xor", 6)])
    func randomKeysNeverTrap(_ preset: String, _ seed: UInt64) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("presets/\(preset).toml").path
        let (session, drivers, base) = try PresetLookup.session(path)
        let engine = TrainingSession(runs: drivers, baseDirectory: base, speed: .max, pauseAt: 100_000)
        let script = Self.script(seed: seed, length: Self.length)
        let backend = TestBackend(width: 120, height: 40, script: script, keepFrames: 400)
        let state = AppState(session: session, baseDirectory: base, colorMode: seed % 2 == 0 ? .truecolor : .none)
        let loop = PlaygroundLoop(backend: backend, session: engine, state: state, output: "/nonexistent-losscape-monkey")
        #expect(loop.run() == 0)
        #expect(loop.state.quit)
        var size = (120, 40)
        var k = 0
        for step in script {  // every frame drawn after a resize has the new size
            if case .key(.resize(let w, let h)) = step { size = (w, h) }
            k += 1
        }
        let last = try #require(backend.frames.last)
        #expect(last.width == size.0 && last.height == size.1, "\(k) steps; last frame \(last.width)×\(last.height)")
    }
}
