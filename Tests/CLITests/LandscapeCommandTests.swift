import Foundation
import Testing

@Suite struct LandscapeCommandTests {
    static func json(_ url: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func randomSliceWritesTheDocumentedFile() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("land")
        let r = try BinaryRunner.run(["landscape", "presets/xor.toml", "--steps", "40", "--grid", "11", "--span", "0.5", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("xor: landscape at step 40; random directions, filter normalization, biases ignored"))
        #expect(r.stdout.contains("sharpness") && r.stdout.contains("cos(d1, d2)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["data.csv", "landscape.json", "weights-final.json"])

        let j = try Self.json(out.appendingPathComponent("landscape.json"))
        #expect(
            Set(j.keys) == [
                "directions", "norm", "ignore_biases", "span", "grid", "alphas", "betas", "loss",
                "center_loss", "split", "metric", "center", "d1", "d2", "cosine", "sharpness",
            ])
        #expect(j["directions"] as? String == "random" && j["norm"] as? String == "filter")
        #expect(j["ignore_biases"] as? Bool == true && j["split"] as? String == "train" && j["metric"] as? String == "loss")
        #expect(j["span"] as? Double == 0.5 && j["grid"] as? Int == 11)
        let alphas = try #require(j["alphas"] as? [Double]), betas = try #require(j["betas"] as? [Double])
        #expect(alphas.count == 11 && alphas.first == -0.5 && alphas[5] == 0 && alphas.last == 0.5 && betas == alphas)
        let loss = try #require(j["loss"] as? [[Double]])
        #expect(loss.count == 11 && loss.allSatisfy { $0.count == 11 })
        #expect(j["center_loss"] as? Double == loss[5][5])
        #expect((j["cosine"] as? Double).map { abs($0) < 0.5 } == true)
        #expect((j["sharpness"] as? Double)?.isFinite == true)

        // center, d1, d2 are in the run folder's weights format, with the same shapes
        let final = try Self.json(out.appendingPathComponent("weights-final.json"))
        func shapes(_ w: Any?) throws -> [[Int]] {
            let layers = try #require((w as? [String: Any])?["layers"] as? [[String: Any]])
            return try layers.flatMap { l in
                try ["weight", "bias"].map { try #require((l[$0] as? [String: Any])?["shape"] as? [Int]) }
            }
        }
        let expected = try shapes(final)
        #expect(expected == [[8, 2], [8], [8, 8], [8], [2, 8], [2]])
        for key in ["center", "d1", "d2"] { #expect(try shapes(j[key]) == expected, "\(key)") }
        #expect(NSDictionary(dictionary: try #require(j["center"] as? [String: Any])) == NSDictionary(dictionary: final))
        // biases ignored: the directions' bias data are zeros
        let d1 = try #require((j["d1"] as? [String: Any])?["layers"] as? [[String: Any]])
        for l in d1 { #expect(((l["bias"] as? [String: Any])?["data"] as? [Double])?.allSatisfy { $0 == 0 } == true) }
    }

    /// Training is `losscape run`'s: the same final weights, and the centre of
    /// the surface is the final training loss of its metrics.
    @Test func centreIsTheRunsFinalTrainingLoss() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let run = tmp.appendingPathComponent("run"), land = tmp.appendingPathComponent("land")
        let a = try BinaryRunner.run(["run", "presets/moons.toml", "--steps", "60", "--out", run.path])
        let b = try BinaryRunner.run(["landscape", "presets/moons.toml", "--steps", "60", "--grid", "5", "--out", land.path])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(
            try Data(contentsOf: run.appendingPathComponent("weights-final.json"))
                == Data(contentsOf: land.appendingPathComponent("weights-final.json")))
        #expect(try Data(contentsOf: run.appendingPathComponent("data.csv")) == Data(contentsOf: land.appendingPathComponent("data.csv")))
        let lines = try String(contentsOf: run.appendingPathComponent("metrics.jsonl"), encoding: .utf8).split(separator: "\n")
        let last = try #require(JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        let trainLoss = try #require(last["train_loss"] as? Double)
        let centre = try #require(Self.json(land.appendingPathComponent("landscape.json"))["center_loss"] as? Double)
        #expect(Float(trainLoss) == Float(centre), "\(trainLoss) vs \(centre)")
    }

    @Test func pcaSliceHasThePathAndExplainedVariance() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("pca")
        let r = try BinaryRunner.run(["landscape", "presets/xor.toml", "--steps", "80", "--grid", "9", "--directions", "pca", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("PCA directions") && r.stdout.contains("explained variance"))
        let j = try Self.json(out.appendingPathComponent("landscape.json"))
        #expect(j["directions"] as? String == "pca" && j["norm"] as? String == "none")
        let path = try #require(j["path"] as? [[Double]])
        #expect(path.count >= 40 && path.allSatisfy { $0.count == 2 })
        #expect(path.last == [0, 0])
        let ev = try #require(j["explained_variance"] as? [Double])
        #expect(ev.count == 2 && ev[0] >= ev[1] && ev[1] > 0 && ev[0] + ev[1] <= 1.000001)
        let span = try #require(j["span"] as? Double)
        #expect(path.allSatisfy { abs($0[0]) <= span && abs($0[1]) <= span })
        #expect(abs(try #require(j["cosine"] as? Double)) < 1e-5)
    }

    @Test func testSplitAccuracyAndLayerNorm() throws {
        let r = try BinaryRunner.run([
            "landscape", "presets/xor.toml", "--steps", "10", "--grid", "7", "--split", "test",
            "--metric", "accuracy", "--norm", "layer", "--normalize-biases",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("test accuracy on 7×7 points") && r.stdout.contains("layer normalization, biases normalized"))
    }

    @Test(arguments: [
        (["--norm", "bogus"], "--norm: expected one of filter, layer, none, got bogus"),
        (["--directions", "up"], "--directions: expected one of random, pca, got up"),
        (["--grid", "1"], "--grid: expected a whole number in 2…401, got 1"),
        (["--grid", "many"], "--grid: expected a whole number in 2…401, got many"),
        (["--span", "-1"], "--span: expected a positive number, got -1"),
        (["--steps", "-3"], "--steps: expected a whole number ≥ 0, got -3"),
        (["--split", "valid"], "--split: expected one of train, test, got valid"),
        (["--metric", "f1"], "--metric: expected one of loss, accuracy, got f1"),
    ])
    func badFlagsAreOneLine(args: [String], message: String) throws {
        let r = try BinaryRunner.run(["landscape", "presets/xor.toml"] + args)
        #expect(r.status == 1)
        #expect(r.stderr == "losscape: \(message)\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func optionsThatDoNotFitTheRunAreOneLine() throws {
        let acc = try BinaryRunner.run(["landscape", "presets/plane.toml", "--metric", "accuracy"])
        #expect(acc.status == 1 && acc.stderr == "losscape: --metric: accuracy needs a classification dataset (this one is regression)\n")
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let preset = tmp.appendingPathComponent("notest.toml")
        try "steps = 5\n[data]\nkind = \"moons\"\ntest_fraction = 0\n".write(to: preset, atomically: true, encoding: .utf8)
        let split = try BinaryRunner.run(["landscape", preset.path, "--split", "test"])
        #expect(split.status == 1 && split.stderr == "losscape: --split: the test split is empty (the preset's test_fraction is 0)\n")
        let pca = try BinaryRunner.run([
            "landscape", preset.path, "--steps", "2", "--directions", "pca", "--out", tmp.appendingPathComponent("x").path,
        ])
        #expect(pca.status == 1 && pca.stderr.hasPrefix("losscape: PCA directions need") && pca.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: tmp.appendingPathComponent("x").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["notest.toml"])
    }
}
