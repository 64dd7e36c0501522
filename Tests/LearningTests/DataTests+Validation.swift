import Testing

@testable import Learning

extension DataTests {
    @Suite struct Validation {
        func message(_ spec: DataSpec) -> String? {
            do { try spec.validate(); return nil } catch { return "\(error)" }
        }

        @Test func defaultsAreValid() throws {
            let spec = DataSpec()
            #expect(spec.kind == .spiral && spec.samples == 500 && spec.noise == 0.1 && spec.testFraction == 0.2)
            #expect(spec.classes == 2 && spec.labelNoise == 0 && spec.labelNoiseKind == .symmetric)
            #expect(spec.imbalance == 1 && spec.outliers == 0 && spec.path == nil && spec.seed == nil)
            try spec.validate()
            for kind in DatasetKind.allCases where kind != .csv { try DataSpec(kind: kind).validate() }
            #expect(DataSpec.keys.count == 11)
        }

        @Test func messagesNameTheKey() {
            let cases: [(DataSpec, String)] = [
                (DataSpec(kind: .moons, classes: 3), "data.classes: moons supports 2 classes, got 3"),
                (DataSpec(kind: .checkerboard, classes: 4), "data.classes: checkerboard supports 2 classes, got 4"),
                (DataSpec(kind: .xor, classes: 3), "data.classes: xor supports 2 or 4 classes, got 3"),
                (DataSpec(kind: .spiral, classes: 6), "data.classes: spiral supports 2–5 classes, got 6"),
                (DataSpec(kind: .circles, classes: 1), "data.classes: circles supports 2–5 classes, got 1"),
                (DataSpec(samples: 0), "data.samples: must be between 1 and 1000000, got 0"),
                (DataSpec(noise: -0.1), "data.noise: must be between 0 and 5, got -0.1"),
                (DataSpec(noise: .nan), "data.noise: must be between 0 and 5, got nan"),
                (DataSpec(testFraction: 1), "data.test_fraction: must be in [0, 1), got 1"),
                (DataSpec(labelNoise: 1), "data.label_noise: must be in [0, 1), got 1"),
                (DataSpec(imbalance: 0.5), "data.imbalance: must be between 1 (balanced) and 1000, got 0.5"),
                (DataSpec(outliers: -1), "data.outliers: must be in [0, 1), got -1"),
                (DataSpec(kind: .sine, labelNoise: 0.1), "data.label_noise: sine is a regression dataset; label noise needs classes"),
                (DataSpec(kind: .plane, imbalance: 2), "data.imbalance: plane is a regression dataset; imbalance needs classes"),
                (
                    DataSpec(kind: .gauss, outliers: 0.1),
                    "data.outliers: gauss is a classification dataset; outliers apply to regression targets (use label_noise)"
                ),
                (DataSpec(kind: .csv), "data.path: kind = \"csv\" needs a path to the CSV file"),
                (DataSpec(kind: .csv, path: ""), "data.path: kind = \"csv\" needs a path to the CSV file"),
                (DataSpec(kind: .spiral, path: "a.csv"), "data.path: only used with kind = \"csv\" (kind is spiral)"),
                (
                    DataSpec(kind: .csv, imbalance: 3, path: "a.csv"),
                    "data.imbalance: not supported for csv data (the file's class counts are used as they are)"
                ),
                (
                    DataSpec(samples: 3, testFraction: 0.5, classes: 2),
                    "data.test_fraction: test_fraction 0.5 of 3 samples leaves 1 training point; need at least one per class (2)"
                ),
                (
                    DataSpec(kind: .gauss, samples: 2, testFraction: 0, classes: 3),
                    "data.samples: 2 samples for 3 classes; need at least one training point per class"
                ),
                (
                    DataSpec(kind: .sine, samples: 1, testFraction: 0.6),
                    "data.test_fraction: test_fraction 0.6 of 1 sample leaves 0 training points; need at least 1"
                ),
            ]
            for (spec, expected) in cases { #expect(message(spec) == expected) }
        }

        @Test func edgeValuesAreAccepted() throws {
            try DataSpec(kind: .sine, samples: 1, testFraction: 0).validate()
            try DataSpec(kind: .xor, classes: 4).validate()
            try DataSpec(kind: .spiral, samples: 5, testFraction: 0, classes: 5, labelNoise: 0.999, imbalance: 1000).validate()
            try DataSpec(kind: .csv, classes: 99, path: "x.csv").validate()  // classes: the file decides
            try DataSpec(kind: .plane, classes: 9).validate()  // classes: ignored for regression
            let d = try DataTests.make(DataSpec(kind: .spiral, samples: 5, testFraction: 0, classes: 5, imbalance: 1000))
            #expect(d.trainClassCounts == [1, 1, 1, 1, 1])
        }

        @Test func factoryValidates() {
            #expect(throws: DataError.invalid(key: "data.classes", message: "moons supports 2 classes, got 3")) {
                try DataTests.make(DataSpec(kind: .moons, classes: 3))
            }
        }

        @Test func names() throws {
            #expect(try DatasetKind.named("spiral") == .spiral)
            #expect(try LabelNoiseKind.named("pair_flip") == .pairFlip)
            #expect(throws: DataError.self) { try DatasetKind.named("swirl") }
            do { _ = try DatasetKind.named("swirl") } catch {
                #expect(
                    "\(error)"
                        == "data.kind: unknown dataset \"swirl\" (expected one of circles, xor, gauss, spiral, moons, checkerboard, plane, sine, csv)"
                )
            }
            do { _ = try LabelNoiseKind.named("pairflip") } catch {
                #expect("\(error)" == "data.label_noise_kind: unknown kind \"pairflip\" (did you mean pair_flip?) (expected symmetric or pair_flip)")
            }
        }
    }
}
