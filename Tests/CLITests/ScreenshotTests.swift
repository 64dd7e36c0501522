import Engine
import Foundation
import Render
import Testing

@testable import LosscapeCLI

@Suite struct ScreenshotTests {
    @Test func screenshotWritesPlainAndAnsiUnderFreshNames() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var f = Frame(width: 4, height: 2)
        f.put("ab", x: 0, y: 0, style: Style(fg: .indexed(196)))
        let first = try Screenshot.write(f, mode: .ansi256, to: dir.path)
        let second = try Screenshot.write(f, mode: .ansi256, to: dir.path)
        #expect(first != second, "a second screenshot in the same second gets a new name")
        #expect(first.hasPrefix("/") && first.hasPrefix(dir.standardizedFileURL.path), "the full path is reported: \(first)")
        let txt = try String(contentsOfFile: first + ".txt", encoding: .utf8)
        let ans = try String(contentsOfFile: first + ".ans", encoding: .utf8)
        #expect(txt == "ab  \n    \n")
        #expect(ans.contains("\u{1B}[") && ans.contains("38;5;196") && ans.contains("ab"))
    }

    @Test func writtenPresetNeverOverwritesAndReproducesTheSetup() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var spec = RunSpec.defaultPreset
        spec.loss = LossSpec(name: "focal", parameters: ["gamma": 1])
        let a = try Screenshot.writePreset(SessionSpec(spec), baseDirectory: nil, to: dir.path)
        let b = try Screenshot.writePreset(SessionSpec(spec), baseDirectory: nil, to: dir.path)
        #expect(a != b && a.hasPrefix("/") && a.hasSuffix(".toml"), "the full path is reported: \(a)")
        let back = try Preset.load(path: a).base
        #expect(back.loss.name == "focal" && back.loss.parameters["gamma"] == 1)
        #expect(back.data == spec.data && back.model == spec.model && back.optimizer.learningRate == spec.optimizer.learningRate)
    }

    @Test func csvPathBecomesAbsolute() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = BinaryRunner.repositoryRoot.appendingPathComponent("presets").path
        let session = try Preset.load(path: base + "/csv.toml")
        let name = try Screenshot.writePreset(session, baseDirectory: base, to: dir.path)
        let back = try Preset.load(path: name).base
        #expect(back.data.path == base + "/data/two-clusters.csv")
        #expect(throws: Never.self) { _ = try Trainer(spec: back, baseDirectory: dir.path) }
    }
}
