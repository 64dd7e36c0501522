import Foundation
import Testing

/// `losscape inspect LOSS --json`: the panel's curve, the paper and the parameters, machine-readable.
@Suite struct InspectCommandTests {
    func json(_ args: [String]) throws -> [String: Any] {
        let r = try BinaryRunner.run(["inspect"] + args + ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func jsonHasEveryKeyOfTheContract() throws {
        let j = try json(["ldam", "--classes", "3", "--param", "scale=30"])
        #expect(j["loss"] as? String == "ldam" && j["task"] as? String == "classification")
        #expect((j["formula"] as? String)?.contains("ℓ") == true)
        let paper = try #require(j["paper"] as? [String: Any])
        #expect(paper["title"] as? String == "Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss")
        #expect(paper["year"] as? Int == 2019 && (paper["authors"] as? String)?.hasPrefix("Kaidi Cao") == true)
        #expect(paper["venue"] as? String == "NeurIPS")
        let studied = try #require(j["studied_in"] as? [String])
        #expect(!studied.isEmpty)
        let studiedPapers = try #require(j["studied_in_papers"] as? [[String: Any]])
        #expect(studiedPapers.map { $0["title"] as? String } == studied.map { Optional($0) })
        #expect(studiedPapers.allSatisfy { ($0["year"] as? Int ?? 0) > 1950 && !($0["authors"] as? String ?? "").isEmpty })
        let params = try #require(j["parameters"] as? [[String: Any]])
        let scale = try #require(params.first { $0["name"] as? String == "scale" })
        #expect(scale["ours"] as? Bool == true && scale["default"] as? Double == 1 && scale["value"] as? Double == 30)
        #expect((scale["note"] as? String)?.contains("s = 30") == true)
        #expect(scale["range"] as? [Double] == [0, 100])
        let curve = try #require(j["curve"] as? [String: Any])
        #expect(curve["variable"] as? String == "margin" && curve["classes"] as? Int == 3)
        #expect((curve["assumption"] as? String)?.contains("uniform class prior") == true)
        let x = try #require(curve["x"] as? [Double]), l = try #require(curve["loss"] as? [Double])
        let d = try #require(curve["derivative"] as? [Double])
        #expect(x.count == l.count && l.count == d.count && x.count > 50)
    }

    /// The variable of each kind of curve, as the contract names them.
    @Test func variables() throws {
        for (loss, variable) in [
            ("focal", "p_y"), ("hinge", "margin"), ("z_loss", "z_hat"), ("taylor_softmax", "taylor_p_y"),
            ("sparsemax", "sparsemax_p_y"), ("huber", "residual"),
        ] {
            let curve = try #require(try json([loss])["curve"] as? [String: Any])
            #expect(curve["variable"] as? String == variable, "\(loss)")
        }
    }

    /// For p_y the logits are z_y = log p_y, z_k = log((1 − p_y)/(K − 1)): cross-entropy is −log p_y, dℓ/dp_y = −1/p_y.
    @Test func crossEntropyAlongTheProbability() throws {
        let curve = try #require(try json(["cross_entropy", "--classes", "4"])["curve"] as? [String: Any])
        let x = curve["x"] as! [Double], l = curve["loss"] as! [Double], d = curve["derivative"] as! [Double]
        for i in x.indices {
            #expect(abs(l[i] + log(x[i])) < 1e-4 * max(1, -log(x[i])))
            #expect(abs(d[i] + 1 / x[i]) < 1e-3 / x[i])
        }
    }

    @Test func listAndTextCiteByTitleAuthorAndYearNeverByNumber() throws {
        let list = try BinaryRunner.run(["list", "losses"])
        #expect(list.stdout.contains("Focal Loss for Dense Object Detection (Lin et al. 2017)"))
        #expect(!list.stdout.contains("#"))
        for loss in ["focal", "huber", "ldr_kl", "mae"] {
            let text = try BinaryRunner.run(["inspect", loss]).stdout
            #expect(text.contains("  paper     ") && !text.contains("(#"), "\(loss)")
        }
        #expect(try BinaryRunner.run(["inspect", "huber"]).stdout.contains("Robust Estimation of a Location Parameter (Huber 1964"))
    }
}

/// Unknown names on the command line suggest the nearest valid one, in one line.
@Suite struct UnknownNameSuggestionTests {
    @Test(arguments: [
        (["inspect", "cross_entopy"], "unknown loss \"cross_entopy\" (did you mean cross_entropy?)"),
        (["landscape", "presets/default.toml", "--directions", "pcaa"], "(did you mean pca?)"),
        (["snapshot", "presets/default.toml", "--view", "landscap"], "(did you mean landscape?)"),
        (["bench", "--workloads", "mlp166"], "(did you mean mlp16?)"),
    ])
    func suggestsTheNearestName(_ args: [String], _ expected: String) throws {
        let r = try BinaryRunner.run(args)
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(expected), "\(r.stderr)")
    }
}

/// A preset that parses but whose data cannot be built fails in one line that names the preset.
@Suite struct PresetDataErrorTests {
    @Test func dataErrorsNameThePresetInOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("losscape-data-error-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x1,x2,label\n1,2,0\n1,2,1\n".write(to: dir.appendingPathComponent("two.csv"), atomically: true, encoding: .utf8)
        let cases = [
            ("few.toml", "steps = 5\n[data]\nkind = \"csv\"\npath = \"two.csv\"\ntest_fraction = 0.9\n", "leaves no training point"),
            ("gone.toml", "steps = 5\n[data]\nkind = \"csv\"\npath = \"missing.csv\"\n", "cannot open"),
        ]
        for (name, text, reason) in cases {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let r = try BinaryRunner.run(["run", dir.appendingPathComponent(name).path, "--out", dir.appendingPathComponent("out").path])
            #expect(r.status != 0)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.contains(name) && r.stderr.contains(reason), "\(r.stderr)")
        }
    }
}
