import Foundation
import Testing

/// `losscape run` of a comparison and `losscape sweep`, against single runs.
@Suite(.serialized) struct CompareCommandTests {
    static let preset = """
        name = "cmp"
        seed = 4
        steps = 60
        [data]
        kind = "spiral"
        samples = 160
        label_noise = 0.3
        [[compare]]
        label = "focal γ=2"
        [compare.loss]
        name = "focal"
        gamma = 2.0
        [[compare]]
        [compare.loss]
        name = "gce"
        [compare.optimizer]
        name = "sgd"
        learning_rate = 0.1
        [[events]]
        step = 20
        run = "gce"
        optimizer = { learning_rate = 0.05 }

        """

    func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    @Test func everyRunFolderIsByteIdenticalToItsSingleRun() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try Self.preset.write(to: tmp.appendingPathComponent("cmp.toml"), atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out")
        let r = try BinaryRunner.run(["run", tmp.appendingPathComponent("cmp.toml").path, "--out", out.path, "--log-every", "10"])
        #expect(r.status == 0, "\(r.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("runs").path).sorted()
        #expect(runs == ["1-cross-entropy", "2-focal-2", "3-gce"])
        for run in runs {
            let folder = out.appendingPathComponent("runs/\(run)")
            let single = tmp.appendingPathComponent("single-\(run)")
            let s = try BinaryRunner.run(["run", folder.appendingPathComponent("config.toml").path, "--out", single.path, "--log-every", "10"])
            #expect(s.status == 0, "\(s.stderr)")
            #expect(try files(folder) == files(single), "\(run) differs from its single run")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
        #expect(
            summary[0]
                == "label,loss,optimizer,learning_rate,steps,train_loss,test_loss,train_acc,test_acc,clean_train_acc,test_nll,test_mse,diverged_at")
        #expect(summary.count == 4 && summary[2].hasPrefix("focal γ=2,focal,adam,0.01,60,") && summary[3].hasPrefix("gce,gce,sgd,0.05,60,"))
        #expect(r.stdout.contains("focal γ=2") && r.stdout.split(separator: "\n").count == 4, "the table:\n\(r.stdout)")
        // the gce run's folder carries its event, which the others do not
        let gce = try String(contentsOf: out.appendingPathComponent("runs/3-gce/config.toml"), encoding: .utf8)
        #expect(gce.contains("[[events]]\nstep = 20\noptimizer = { learning_rate = 0.05 }"))
        #expect(!(try String(contentsOf: out.appendingPathComponent("runs/1-cross-entropy/config.toml"), encoding: .utf8)).contains("[[events]]"))
    }

    @Test func aDivergedRunDoesNotStopTheOthers() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let text = """
            steps = 50
            [data]
            kind = "sine"
            samples = 80
            [loss]
            name = "mse"
            [[compare]]
            label = "boom"
            [compare.optimizer]
            name = "sgd"
            learning_rate = 100
            """
        try text.write(to: tmp.appendingPathComponent("d.toml"), atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out")
        let r = try BinaryRunner.run(["run", tmp.appendingPathComponent("d.toml").path, "--out", out.path])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("boom diverged at step"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
        #expect(summary[1].hasPrefix("mse,mse,adam,0.01,50,") && summary[1].hasSuffix(","), "the healthy run finished: \(summary[1])")
        #expect(!summary[2].hasSuffix(","), "diverged_at filled: \(summary[2])")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("runs/2-boom/metrics.jsonl").path))
    }

    /// Each sweep row is what `losscape run PRESET --set …` gives, bit for bit; --plan and --collect
    /// give the same results.csv.
    @Test func sweepRowsEqualSingleRuns() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let base = tmp.appendingPathComponent("b.toml")
        try "steps = 40\n[data]\nkind = \"moons\"\nsamples = 100\n".write(to: base, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("sweep")
        let r = try BinaryRunner.run([
            "sweep", base.path, "--vary", "loss.name=cross_entropy,focal", "--vary", "model.hidden=[4],[8,8]",
            "--seeds", "2", "--jobs", "2", "--out", out.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("loss.name \\ model.hidden") && r.stdout.contains("test_acc over 2 seeds"))
        let rows = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows[0] == "loss.name,model.hidden,seed,train_loss,test_loss,train_acc,test_acc,clean_train_acc,test_nll,test_mse,diverged_at")
        #expect(rows.count == 9)
        // row 4: focal? no — the first axis varies slowest: cross_entropy [8,8] seed 2
        let single = tmp.appendingPathComponent("single")
        let s = try BinaryRunner.run([
            "run", base.path, "--set", "loss.name=cross_entropy", "--set", "model.hidden=[8,8]", "--set", "seed=2",
            "--out", single.path,
        ])
        #expect(s.status == 0)
        let last = try String(contentsOf: single.appendingPathComponent("metrics.jsonl"), encoding: .utf8).split(separator: "\n").last!
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as! [String: Any]
        let cells = rows[4].split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells[0] == "cross_entropy" && cells[1] == "\"[8" && cells.count == 12, "\(rows[4])")
        let train = cells[4], test = cells[7]  // the quoted [8,8] takes two comma fields here
        #expect(
            last.contains("\"train_loss\":\(train),") && last.contains("\"train_acc\":\(cells[6]),") && last.contains("\"test_acc\":\(test),"),
            "the row's numbers are the run's final metrics as written: \(rows[4]) vs \(last)")

        let planned = tmp.appendingPathComponent("planned")
        let plan = try BinaryRunner.run([
            "sweep", base.path, "--vary", "loss.name=cross_entropy,focal", "--vary", "model.hidden=[4],[8,8]",
            "--seeds", "2", "--out", planned.path, "--plan",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        let commands = plan.stdout.split(separator: "\n")
        #expect(commands.count == 8 && commands[0].contains(" run ") && commands[0].contains("--set loss.name=cross_entropy"))
        for c in commands {
            let sh = Process()
            sh.executableURL = URL(fileURLWithPath: "/bin/sh")
            sh.arguments = ["-c", String(c) + " > /dev/null"]
            try sh.run()
            sh.waitUntilExit()
            #expect(sh.terminationStatus == 0, "\(c)")
        }
        let collected = try BinaryRunner.run(["sweep", "--collect", planned.path])
        #expect(collected.status == 0, "\(collected.stderr)")
        #expect(collected.stdout == r.stdout, "the same pivot table")
        #expect(
            try String(contentsOf: planned.appendingPathComponent("results.csv"), encoding: .utf8)
                == String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8))
    }

    /// Ctrl-C keeps every completed row and exits 130.
    @Test func anInterruptedSweepKeepsItsCompletedRows() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let base = tmp.appendingPathComponent("b.toml")
        try "steps = 20\n[data]\nkind = \"moons\"\nsamples = 80\n".write(to: base, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("sweep")
        // eight quick runs, then a very long one
        let p = Process()
        p.executableURL = BinaryRunner.binary
        p.arguments = ["sweep", base.path, "--vary", "steps=20,20,20,20,20,20,20,20,5000000", "--jobs", "1", "--out", out.path]
        p.currentDirectoryURL = BinaryRunner.repositoryRoot
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let results = out.appendingPathComponent("results.csv")
        for _ in 0..<300 {
            let lines = (try? String(contentsOf: results, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines >= 9 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.2)
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        let rows = try String(contentsOf: results, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 9, "the header and the 8 finished runs: \(rows.count) lines")
    }
}

/// analysis.json: `losscape run --out` writes it, `losscape analyze` writes the same bytes again.
@Suite struct AnalyzeCommandTests {
    @Test func analyzeRewritesTheSameFile() throws {
        let tmp = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        for (name, sets) in [
            ("noisy", ["data.label_noise=0.3", "data.classes=3", "model.activation=relu"]),
            ("regression", ["data.kind=plane", "loss.name=mse"]),
        ] {
            let out = tmp.appendingPathComponent(name)
            let r = try BinaryRunner.run(["run", "presets/default.toml", "--steps", "60", "--out", out.path] + sets.flatMap { ["--set", $0] })
            #expect(r.status == 0, "\(r.stderr)")
            let file = out.appendingPathComponent("analysis.json")
            let written = try Data(contentsOf: file)
            try FileManager.default.removeItem(at: file)
            let a = try BinaryRunner.run(["analyze", out.path])
            #expect(a.status == 0, "\(a.stderr)")
            #expect(try Data(contentsOf: file) == written, "\(name): analyze must give the same bytes")
            let json = try JSONSerialization.jsonObject(with: written) as! [String: Any]
            #expect(json["step"] as? Int == 60)
            if name == "noisy" {
                #expect(json["train_clean"] != nil && (json["flipped"] as? [String: Any])?["count"] as? Int ?? 0 > 0)
                #expect(json["linear_regions"] as? Int ?? 0 > 1 && json["normalised_margin"] is Double)
                let train = json["train"] as! [String: Any]
                #expect((train["bins"] as! [Any]).count == 15 && (train["confusion"] as! [[Int]]).count == 3)
            } else {
                #expect(json["linear_regions"] == nil && json["train_clean"] == nil)
                #expect((json["train"] as! [String: Any])["residual_histogram"] != nil)
            }
        }
        let metrics = try String(contentsOf: tmp.appendingPathComponent("noisy/metrics.jsonl"), encoding: .utf8)
        #expect(metrics.contains("\"test_ece\":") && metrics.contains("\"balanced_test_acc\":"))
    }
}
