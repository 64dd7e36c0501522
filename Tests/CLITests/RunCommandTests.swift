import Foundation
import Testing

@Suite struct RunCommandTests {
    @Test func runWritesACompleteFolderThatReproducesItself() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("run1")
        let r = try BinaryRunner.run(["run", "presets/xor.toml", "--steps", "30", "--out", out.path, "--log-every", "7"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("xor: 30 steps"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["analysis.json", "config.toml", "data.csv", "metrics.jsonl", "weights-final.json", "weights-init.json"])

        // metrics.jsonl: steps 0, 7, …, 28 and the last (30); step 0 is before any update.
        let lines = try String(contentsOf: out.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let steps = try lines.map { line -> Int in
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            for key in ["train_loss", "test_loss", "train_acc", "test_acc", "clean_train_acc", "grad_norm", "weight_norm", "lr"] {
                #expect(obj[key] != nil, "missing \(key) in \(line)")
            }
            return obj["step"] as! Int
        }
        #expect(steps == [0, 7, 14, 21, 28, 30])

        // data.csv: header with clean_label (label noise is on), train then test rows.
        let csv = try String(contentsOf: out.appendingPathComponent("data.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "split,x1,x2,label,clean_label")
        #expect(csv.count == 501)
        #expect(csv.dropFirst().allSatisfy { $0.hasPrefix("train,") || $0.hasPrefix("test,") })

        // weights: the documented layout.
        let w = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("weights-final.json"))) as! [String: Any]
        let layers = w["layers"] as! [[String: Any]]
        #expect(layers.count == 3)
        #expect((layers[0]["weight"] as! [String: Any])["shape"] as! [Int] == [8, 2])
        #expect(layers[2]["activation"] as! String == "linear")
        #expect(w["features"] as! [String] == ["x1", "x2"])

        // config.toml reproduces the run exactly.
        let again = tmp.appendingPathComponent("run2")
        let r2 = try BinaryRunner.run(["run", out.appendingPathComponent("config.toml").path, "--out", again.path, "--log-every", "7"])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(try Data(contentsOf: again.appendingPathComponent("metrics.jsonl")) == Data(contentsOf: out.appendingPathComponent("metrics.jsonl")))
        #expect(
            try Data(contentsOf: again.appendingPathComponent("weights-final.json"))
                == Data(contentsOf: out.appendingPathComponent("weights-final.json")))
    }

    @Test func dataCsvFloatsReadBackExactly() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("r")
        let r = try BinaryRunner.run(["run", "presets/sine.toml", "--steps", "0", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try String(contentsOf: out.appendingPathComponent("data.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "split,x1,x2,y")
        for row in rows.dropFirst().prefix(50) {
            for field in row.split(separator: ",").dropFirst() {
                let f = try #require(Float(String(field)))
                #expect("\(f)" == String(field), "\(field) does not round-trip")
            }
        }
    }

    @Test func badPresetIsOneLineAndNothingIsWritten() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let preset = tmp.appendingPathComponent("bad.toml")
        try "[optimizer]\nname = \"sgd\"\nlearning_rate = \"fast\"\n".write(to: preset, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("never")
        let r = try BinaryRunner.run(["run", preset.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr == "losscape: bad.toml:3: optimizer.learning_rate: expected a number, got string\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        #expect(leftovers == ["bad.toml"])
    }

    @Test func badCsvNamesTheLine() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try "x1,x2,label\n0.1,0.2,0\n0.3,oops,1\n".write(to: tmp.appendingPathComponent("pts.csv"), atomically: true, encoding: .utf8)
        try "[data]\nkind = \"csv\"\npath = \"pts.csv\"\n".write(to: tmp.appendingPathComponent("p.toml"), atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["run", tmp.appendingPathComponent("p.toml").path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("losscape: ") && r.stderr.contains("pts.csv:3:") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    @Test func nonEmptyOutputFolderIsRefused() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try "keep".write(to: tmp.appendingPathComponent("x"), atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["run", "default", "--steps", "1", "--out", tmp.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not empty"))
    }

    @Test func divergedRunExitsWith3() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let preset = tmp.appendingPathComponent("boom.toml")
        try """
        steps = 200
        [data]
        kind = "sine"
        [model]
        features = ["x1"]
        [loss]
        name = "mse"
        [optimizer]
        name = "sgd"
        learning_rate = 100
        """.write(to: preset, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["run", preset.path])
        #expect(r.status == 3)
        #expect(r.stderr.contains("diverged at step"))
    }

    @Test func listPrintsOneLineEach() throws {
        let r = try BinaryRunner.run(["list", "optimizers"])
        #expect(r.status == 0)
        let names = r.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        #expect(names == ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "sam"])
        let p = try BinaryRunner.run(["list", "presets"])
        #expect(p.stdout.contains("default") && p.stdout.contains("sine"))
        let d = try BinaryRunner.run(["list", "datasets"])
        #expect(d.stdout.split(separator: "\n").count == 9)
    }
}

@Suite struct SharpnessTrackingTests {
    @Test func trackingSharpnessAddsAFieldAndChangesNoNumbers() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let a = tmp.appendingPathComponent("a"), b = tmp.appendingPathComponent("b")
        #expect(try BinaryRunner.run(["run", "presets/plane.toml", "--steps", "40", "--log-every", "10", "--out", a.path]).status == 0)
        #expect(
            try BinaryRunner.run(["run", "presets/plane.toml", "--steps", "40", "--log-every", "10", "--sharpness-every", "20", "--out", b.path])
                .status == 0)
        let plain = try String(contentsOf: a.appendingPathComponent("metrics.jsonl"), encoding: .utf8).split(separator: "\n")
        let tracked = try String(contentsOf: b.appendingPathComponent("metrics.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(plain.count == tracked.count)
        var withSharpness = 0
        for (p, t) in zip(plain, tracked) {
            let obj = try JSONSerialization.jsonObject(with: Data(t.utf8)) as! [String: Any]
            if let s = obj["sharpness"] as? Double {
                withSharpness += 1
                #expect(s > 0, "plane with MSE is a convex quadratic: λmax = 2·λmax(XᵀX/N) > 0")
                #expect(t.hasPrefix(p.dropLast()), "only the sharpness field is added")
            } else {
                #expect(p == t)
            }
        }
        #expect(withSharpness == 3, "steps 0, 20 and 40")
    }
}
