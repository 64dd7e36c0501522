import Foundation
import Learning
import Testing

@testable import Engine

/// The repository root (…/Tests/EngineTests/PresetTests.swift → …).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Loads a preset and builds its run, as `losscape run` does; the error text or nil.
func loadError(_ path: String) -> String? {
    do {
        let session = try Preset.load(path: path)
        for run in session.runs { _ = try Trainer(spec: run.spec, baseDirectory: (path as NSString).deletingLastPathComponent) }
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite struct PresetTests {
    static let invalidFolder = Bundle.module.url(forResource: "Presets/invalid", withExtension: nil)!
    static let invalidFiles = ((try? FileManager.default.contentsOfDirectory(atPath: invalidFolder.path)) ?? []).sorted()

    @Test func invalidFixturesExist() { #expect(Self.invalidFiles.count >= 20) }

    /// Each file in Presets/invalid starts with `# expect: TEXT`; loading it
    /// must fail with one line containing TEXT (the empty file: "the preset is empty").
    @Test(arguments: invalidFiles)
    func invalidPresetGivesTheRightError(_ name: String) throws {
        let path = Self.invalidFolder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected =
            text.split(separator: "\n").first.flatMap { line in
                line.hasPrefix("# expect: ") ? String(line.dropFirst("# expect: ".count)) : nil
            } ?? "the preset is empty"
        let error = loadError(path)
        #expect(error != nil, "\(name) was accepted")
        if let error {
            #expect(error.contains(expected), "\(name): got \(error)")
            #expect(!error.contains("\n"), "\(name): error is more than one line")
        }
    }

    @Test func shippedPresetsLoadAndBuild() throws {
        let folder = repositoryRoot.appendingPathComponent("presets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
        #expect(files.count >= 9, "a default and one preset per dataset kind")
        var kinds = Set<DatasetKind>()
        for f in files {
            let path = folder.appendingPathComponent(f).path
            #expect(loadError(path) == nil, "\(f): \(loadError(path) ?? "")")
            if let s = try? Preset.load(path: path) { kinds.insert(s.base.data.kind) }
        }
        #expect(kinds == Set(DatasetKind.allCases), "missing presets for \(Set(DatasetKind.allCases).subtracting(kinds))")
    }

    @Test func defaultPresetMatchesTheBuiltIn() throws {
        let spec = try Preset.load(path: repositoryRoot.appendingPathComponent("presets/default.toml").path).base
        #expect(spec == RunSpec.defaultPreset)
    }

    @Test func integersAreAcceptedForNumbers() throws {
        let spec = try Preset.parseRun(
            """
            [optimizer]
            name = "sgd"
            learning_rate = 1
            clip = 2
            """)
        #expect(spec.optimizer.learningRate == 1 && spec.optimizer.clip == 2)
    }

    @Test func writtenPresetReadsBackTheSameRun() throws {
        var spec = RunSpec.defaultPreset
        spec.description = "quotes \" and \\ backslashes\nand lines"
        spec.data = DataSpec(
            kind: .gauss, samples: 123, noise: 0.25, testFraction: 0.3, classes: 4,
            labelNoise: 0.2, labelNoiseKind: .pairFlip, imbalance: 5, seed: 77)
        spec.model = MLPSpec(hidden: [8, 3], activation: .gelu, features: [.x1, .sinX2, .x1x2], initializer: .he)
        spec.initSeed = 9
        spec.loss = LossSpec(name: "cross_entropy", parameters: ["temperature": 0.7], weighting: .effective, weightingBeta: 0.99)
        spec.optimizer.kind = .sam
        spec.optimizer.base = .momentum
        spec.optimizer.momentum = 0.8
        spec.optimizer.rho = 0.1
        spec.optimizer.learningRate = 0.0123
        spec.optimizer.batchSize = 32
        spec.optimizer.weightDecay = 1e-4
        spec.optimizer.schedule = .step
        spec.optimizer.stepSize = 40
        spec.optimizer.gamma = 0.5
        spec.optimizer.warmup = 10
        spec.optimizer.clip = 1.5
        let back = try Preset.parseRun(PresetWriter.toml(spec))
        #expect(back == spec)
    }

    @Test func unknownPresetFileIsOneLine() {
        let e = loadError("/nonexistent/x.toml")
        #expect(e == "/nonexistent/x.toml: no such file")
    }
}

/// Unknown names suggest the nearest valid one, for every kind of name.
@Suite struct SuggestionTests {
    func error(_ text: String) -> String {
        do { _ = try Preset.parse(text, file: "p.toml"); return "accepted" } catch { return "\(error)" }
    }

    @Test func everyKindOfNameGetsASuggestion() {
        #expect(error("[loss]\nname = \"cross_entopy\"").contains("unknown loss \"cross_entopy\" (did you mean cross_entropy?)"))
        #expect(error("[optimizer]\nname = \"adamm\"").contains("unknown value \"adamm\" (did you mean adam?)"))
        #expect(error("[data]\nkind = \"spirals\"").contains("unknown value \"spirals\" (did you mean spiral?)"))
        #expect(error("[model]\nactivation = \"rellu\"").contains("unknown value \"rellu\" (did you mean relu?)"))
        #expect(error("stepz = 3").contains("stepz: unknown key (did you mean steps?)"))
        #expect(error("[optimizer]\nlearning_rat = 0.1").contains("(did you mean learning_rate?)"))
        #expect(error("[loss]\nname = \"qqqqqqq\"").contains("unknown loss \"qqqqqqq\" (see"), "nothing near: no suggestion")
    }

    /// Names checked outside the preset reader suggest too: the loss catalogue (`inspect`), a feature.
    @Test func catalogueAndFeatureNamesGetASuggestion() {
        do {
            _ = try LossCatalog.make("cross_entopy", parameters: [:], context: LossContext(classes: 2, classCounts: [5, 5]), family: .classification)
            Issue.record("an unknown loss was made")
        } catch {
            #expect("\(error)".contains("unknown loss \"cross_entopy\" (did you mean cross_entropy?)"), "\(error)")
        }
        #expect(error("[model]\nfeatures = [\"x1\", \"x2\", \"sin(x)\"]").contains("(did you mean sin(x1)?)"))
    }

    @Test func nearestByEditDistance() {
        #expect(Suggestion.nearest("focl", among: LossCatalog.ids) == "focal")
        #expect(Suggestion.nearest("zzz", among: LossCatalog.ids) == nil)
        #expect(Suggestion.nearest("focal", among: LossCatalog.ids) == nil, "an exact name needs no suggestion")
    }
}
