import Engine
import Foundation
import Learning
import Render
import Testing

@testable import TUI

/// Whole screens of a fixed preset after a fixed number of steps, compared
/// with files in Golden/. Record (or re-record) with
/// `LOSSCAPE_RECORD_GOLDEN=1 swift test --filter GoldenFrameTests`; a recording
/// run fails on purpose, so it cannot pass unnoticed. A mismatch prints a line diff.
@Suite struct GoldenFrameTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["LOSSCAPE_RECORD_GOLDEN"] == "1"

    static func frame(
        width: Int, height: Int, colorMode: ColorMode = .none, ascii: Bool = false,
        change: (inout AppState) -> Void = { _ in }
    ) throws -> Frame {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 200
        let driver = try RunDriver(entry: RunEntry(label: spec.loss.name, spec: spec))
        driver.advance(until: 150)
        let snapshot = SessionSnapshot(
            sequence: 1, runs: [RunSnapshot(driver)], running: false,
            stepsPerSecond: 0, message: nil)
        var state = AppState(spec: spec, width: width, height: height, colorMode: colorMode, ascii: ascii)
        _ = update(&state, .snapshot(snapshot))
        change(&state)
        return Screen.render(state, cache: ViewCache())
    }

    func check(_ name: String, _ frame: Frame) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        let text = TextExport.plain(frame) + "\n"
        if Self.recording {
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without LOSSCAPE_RECORD_GOLDEN to compare")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name): record with LOSSCAPE_RECORD_GOLDEN=1")
            return
        }
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : "") != (i < b.count ? b[i] : "") {
                diff.append("line \(i + 1):\n- \(i < a.count ? a[i] : "")\n+ \(i < b.count ? b[i] : "")")
            }
            Issue.record("\(name) differs from the golden frame:\n\(diff.prefix(8).joined(separator: "\n"))")
        }
    }

    @Test func full120x40() throws { try check("default-120x40.txt", try Self.frame(width: 120, height: 40)) }
    @Test func compact80x24() throws { try check("default-80x24.txt", try Self.frame(width: 80, height: 24)) }
    @Test func tooSmall() throws { try check("too-small-50x12.txt", try Self.frame(width: 50, height: 12)) }
    @Test func asciiWithHelp() throws {
        try check("help-ascii-100x30.txt", try Self.frame(width: 100, height: 30, ascii: true) { $0.showHelp = true })
    }

    /// Three losses from the same weights on noisy data (the README's comparison), 150 steps,
    /// with a change on the focal run's timeline at step 100.
    static func comparison(width: Int, height: Int) throws -> Frame {
        let text = """
            name = "cmp"
            seed = 2
            steps = 1000
            [data]
            kind = "spiral"
            samples = 200
            classes = 3
            label_noise = 0.3
            [[compare]]
            label = "focal γ=2"
            [compare.loss]
            name = "focal"
            gamma = 2.0
            [[compare]]
            [compare.loss]
            name = "gce"
            [[events]]
            step = 100
            run = "focal γ=2"
            optimizer = { learning_rate = 0.003 }
            """
        let session = try Preset.parse(text, file: "cmp.toml")
        let first = try RunDriver(entry: session.runs[0])
        let drivers = try [first] + session.runs.dropFirst().map { try RunDriver(entry: $0, dataset: first.trainer.dataset) }
        for d in drivers { d.advance(until: 150) }
        var state = AppState(session: session, width: width, height: height, colorMode: .none)
        state.selected = 1
        _ = update(
            &state,
            .snapshot(
                SessionSnapshot(
                    sequence: 1, runs: drivers.map(RunSnapshot.init), running: false,
                    stepsPerSecond: 0, message: nil, speed: state.speed)))
        return Screen.render(state, cache: ViewCache())
    }

    @Test func comparison120x40() throws { try check("compare-120x40.txt", try Self.comparison(width: 120, height: 40)) }
    @Test func comparison80x24() throws { try check("compare-80x24.txt", try Self.comparison(width: 80, height: 24)) }

    /// Every analysis view of a relu network on a 3-class spiral with 20 % flipped labels.
    static func analysis(_ view: SlotView, width: Int, height: Int, regression: Bool = false) throws -> Frame {
        var spec = RunSpec.defaultPreset
        spec.data.samples = 240
        spec.data.classes = 3
        spec.data.labelNoise = 0.2
        spec.model.activation = .relu
        if regression {
            spec.data = DataSpec(kind: .plane, samples: 200)
            spec.loss = LossSpec(name: "mse")
        }
        let driver = try RunDriver(entry: RunEntry(label: spec.loss.name, spec: spec))
        driver.sharpnessEvery = 25
        driver.advance(until: 150)
        var state = AppState(spec: spec, width: width, height: height, colorMode: .none)
        state.slot = view
        _ = update(
            &state,
            .snapshot(
                SessionSnapshot(
                    sequence: 1, runs: [RunSnapshot(driver)], running: false,
                    stepsPerSecond: 0, message: nil, speed: state.speed)))
        return Screen.render(state, cache: ViewCache())
    }

    @Test(arguments: [SlotView.calibration, .margins, .classes, .signals, .regions])
    func analysisViews(_ view: SlotView) throws {
        try check("\(view.rawValue)-120x40.txt", try Self.analysis(view, width: 120, height: 40))
        try check("\(view.rawValue)-80x24.txt", try Self.analysis(view, width: 80, height: 24))
    }

    /// The Embedding view (issue #13): arcface on a cosine head (5 classes) and supcon on an
    /// embedding head (3 classes), both with a 2-D embedding; and a 3-D one (PCA of ĥ).
    static func embedding(_ loss: String, width: Int, height: Int, dim: Int = 2) throws -> Frame {
        var spec = RunSpec.defaultPreset
        spec.data = DataSpec(
            kind: loss == "arcface" ? .gauss : .spiral, samples: 240, noise: loss == "arcface" ? 0.5 : 0.05, classes: loss == "arcface" ? 5 : 3)
        spec.model.activation = .relu
        spec.model.embeddingDim = dim
        spec.loss = LossSpec(name: loss)
        let driver = try RunDriver(entry: RunEntry(label: loss, spec: spec))
        driver.advance(until: 150)
        let snapshot = SessionSnapshot(sequence: 1, runs: [RunSnapshot(driver)], running: false, stepsPerSecond: 0, message: nil)
        var state = AppState(spec: spec, width: width, height: height, colorMode: .none, ascii: false)
        _ = update(&state, .snapshot(snapshot))
        state.slot = .embedding
        return Screen.render(state, cache: ViewCache())
    }

    @Test func embeddingView() throws {
        try check("embedding-arcface-120x40.txt", try Self.embedding("arcface", width: 120, height: 40))
        try check("embedding-arcface-80x24.txt", try Self.embedding("arcface", width: 80, height: 24))
        try check("embedding-supcon-120x40.txt", try Self.embedding("supcon", width: 120, height: 40))
        try check("embedding-supcon-3d-80x24.txt", try Self.embedding("supcon", width: 80, height: 24, dim: 3))
    }

    @Test func regressionCalibrationShowsResiduals() throws {
        try check("calibration-regression-120x40.txt", try Self.analysis(.calibration, width: 120, height: 40, regression: true))
    }

    @Test func tinyAndZeroSizesNeverCrash() throws {
        for (w, h) in [(0, 0), (1, 1), (0, 40), (120, 0), (59, 19), (60, 20), (99, 29), (100, 30)] {
            let f = try Self.frame(width: w, height: h, colorMode: .ansi256)
            #expect(f.width == w && f.height == h)
        }
    }

    @Test func colourFrameUsesHalfBlocksAndPointGlyphs() throws {
        let f = try Self.frame(width: 120, height: 40, colorMode: .ansi256)
        let text = TextExport.plain(f)
        #expect(text.contains("▀") || text.contains("█"))
        #expect(text.contains("●") && text.contains("○"))
        let ansi = TextExport.ansi(f, mode: .ansi256)
        #expect(ansi.contains("\u{1B}[") && ansi.contains("38;5;"))
    }
}
