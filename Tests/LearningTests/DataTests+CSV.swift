import Foundation
import TensorCore
import Testing

@testable import Learning

extension DataTests {
    @Suite struct CSV {
        /// Writes `text` to a fresh temporary folder; returns (folder, file name, full path).
        func write(_ text: String, name: String = "points.csv") throws -> (dir: String, name: String, path: String) {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("losscape-data-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return (dir.path, name, url.path)
        }

        func load(
            _ text: String, testFraction: Double = 0, labelNoise: Double = 0, outliers: Double = 0,
            seed: UInt64 = 1
        ) throws -> Dataset {
            let f = try write(text)
            defer { try? FileManager.default.removeItem(atPath: f.dir) }
            let spec = DataSpec(kind: .csv, testFraction: testFraction, labelNoise: labelNoise, outliers: outliers, path: f.name)
            return try DatasetFactory.make(spec, seed: seed, baseDirectory: f.dir)
        }

        /// The error text for a bad file, with the temporary path replaced by "F".
        func error(_ text: String, labelNoise: Double = 0, outliers: Double = 0, testFraction: Double = 0) throws -> String? {
            let f = try write(text)
            defer { try? FileManager.default.removeItem(atPath: f.dir) }
            let spec = DataSpec(kind: .csv, testFraction: testFraction, labelNoise: labelNoise, outliers: outliers, path: f.name)
            do {
                _ = try DatasetFactory.make(spec, seed: 1, baseDirectory: f.dir)
                return nil
            } catch {
                return "\(error)".replacingOccurrences(of: f.path, with: "F")
            }
        }

        static let classification = """
            x1,x2,label
            0.5,-1.25,0
            1e-3,2,1
            -2.75,0.125,2
            3,3,1
            0,-0.5,0
            1.5,1.5,2

            """

        @Test func classificationRoundTrips() throws {
            let d = try load(Self.classification)
            #expect(d.task == .classification(classes: 3))
            #expect(d.train.count == 6 && d.test.count == 0 && d.test.x.shape == [0, 2])
            #expect(!d.isOneDimensional && d.defaultFeatures == [.x1, .x2])
            let rows = Set(zip(DataTests.points(d.train), d.train.labels).map { "\($0.0.x),\($0.0.y),\($0.1)" })
            #expect(rows == ["0.5,-1.25,0", "0.001,2.0,1", "-2.75,0.125,2", "3.0,3.0,1", "0.0,-0.5,0", "1.5,1.5,2"])
        }

        @Test func shuffleAndSplitAreSeeded() throws {
            let a = try load(Self.classification, testFraction: 0.34, seed: 3)
            let b = try load(Self.classification, testFraction: 0.34, seed: 3)
            #expect(DataTests.identical(a, b))
            #expect(a.train.count == 4 && a.test.count == 2)
            let orders = try (1...8).map { try load(Self.classification, seed: $0).train.x.scalars }
            #expect(Set(orders.map { $0.description }).count > 1)
        }

        @Test func everyClassNeedsATrainingPoint() {
            // 6 points of 3 classes with 5 held out: some class has no training point
            #expect(throws: DataError.self) { try load(Self.classification, testFraction: 0.9, seed: 1) }
        }

        @Test func regressionAndOneDimensional() throws {
            let d = try load("x1,x2,y\r\n-1,0,0.5\r\n0,0,-2.5\r\n2.5,0,1e1\r\n\r\n\r\n")
            #expect(d.task == .regression && d.isOneDimensional && d.defaultFeatures == [.x1])
            #expect(Set(d.train.targets) == [0.5, -2.5, 10])
            #expect(d.train.labels.isEmpty)
            let flat = try load("x1,x2,y\n1,0,1\n2,0.5,2\n")
            #expect(!flat.isOneDimensional)
        }

        @Test func headerVariantsAndBOM() throws {
            let d = try load("\u{FEFF} X1 , x2 ,\"label\"\n1,2,0\n\"3\", 4 ,1.0\n")
            #expect(d.task == .classification(classes: 2) && Set(d.train.labels) == [0, 1])
        }

        @Test func absoluteAndRelativePaths() throws {
            let f = try write(Self.classification, name: "p.csv")
            defer { try? FileManager.default.removeItem(atPath: f.dir) }
            let absolute = try DatasetFactory.make(DataSpec(kind: .csv, path: f.path), seed: 1, baseDirectory: "/nonexistent")
            let relative = try DatasetFactory.make(DataSpec(kind: .csv, path: "p.csv"), seed: 1, baseDirectory: f.dir + "/")
            #expect(DataTests.identical(absolute, relative))
            #expect(DataSpec(path: "a/b.csv").resolvedPath(baseDirectory: "/p") == "/p/a/b.csv")
            #expect(DataSpec(path: "b.csv").resolvedPath(baseDirectory: nil) == "b.csv")
        }

        @Test func labelNoiseAndOutliersApplyToTraining() throws {
            var text = "x1,x2,label\n"
            for i in 0..<200 { text += "\(i % 7),\(i % 5),\(i % 3)\n" }
            let d = try load(text, testFraction: 0.25, labelNoise: 0.2)
            #expect(d.train.count == 150 && d.test.count == 50)
            #expect(d.train.flipped.filter { $0 }.count == 30)
            #expect(d.test.labels == d.test.cleanLabels)

            var reg = "x1,x2,y\n"
            for i in 0..<100 { reg += "\(i),0,0\n" }
            let r = try load(reg, testFraction: 0.1, outliers: 0.1)
            #expect(r.train.targets.filter { $0 != 0 }.count == 9)
            #expect(r.train.targets.allSatisfy { $0 == 0 || (3...6).contains(abs($0)) })
            #expect(r.test.targets.allSatisfy { $0 == 0 })
        }

        @Test func badFilesGiveTheLine() throws {
            let cases: [(String, String)] = [
                ("", "F:1: empty file; expected a header line x1,x2,label (classification) or x1,x2,y (regression)"),
                ("\n  \n", "F:1: empty file; expected a header line x1,x2,label (classification) or x1,x2,y (regression)"),
                ("x,y,label\n1,2,0\n", "F:1: the header must be x1,x2,label (classification) or x1,x2,y (regression), got \"x,y,label\""),
                ("x1,x2\n1,2\n", "F:1: the header must be x1,x2,label (classification) or x1,x2,y (regression), got \"x1,x2\""),
                ("x1,x2,label\n", "F:2: no data points after the header"),
                ("x1,x2,label\n1,2,0\n1,2\n", "F:3: expected 3 columns (x1,x2,label), got 2: \"1,2\""),
                ("x1,x2,y\n1,2,0\n1,2,3,4\n", "F:3: expected 3 columns (x1,x2,y), got 4: \"1,2,3,4\""),
                ("x1,x2,label\n1,2,0\n0,1,1\nabc,2,0\n", "F:4: x1 is not a number: \"abc\""),
                ("x1,x2,label\n1,,0\n", "F:2: x2 is empty"),
                ("x1,x2,y\n1,2,nan\n", "F:2: y is NaN"),
                ("x1,x2,y\n1,2,3\n1,inf,3\n", "F:3: x2 is infinite or too large for Float32: \"inf\""),
                ("x1,x2,label\n1e39,2,0\n", "F:2: x1 is infinite or too large for Float32: \"1e39\""),
                ("x1,x2,label\n1,2,0\n1,2,1.5\n", "F:3: label must be a non-negative integer, got \"1.5\""),
                ("x1,x2,label\n1,2,-1\n", "F:2: label must be a non-negative integer, got \"-1\""),
                ("x1,x2,label\n1,2,one\n", "F:2: label must be a non-negative integer, got \"one\""),
                ("x1,x2,label\n1,2,0\n1,2,5\n", "F:3: label 5 is beyond the 5 classes losscape supports (labels 0…4)"),
                ("x1,x2,label\n1,2,0\n\n1,2,1\n", "F:3: blank line (blank lines are allowed only at the end)"),
                ("x1,x2,label\n1,2,1\n3,4,1\n", "F: every point has label 1; classification needs at least 2 classes"),
                ("x1,x2,label\n1,2,0\n3,4,2\n", "F: no point has label 1; labels must be 0…2 with every class present"),
                ("x1,x2,label\r\n1,2,0\r\n3,4,x\r\n", "F:3: label must be a non-negative integer, got \"x\""),
            ]
            for (text, expected) in cases {
                #expect(try error(text) == expected, "for \(text.debugDescription)")
            }
        }

        @Test func lineErrorsCarryTheLine() throws {
            do {
                _ = try CSVTable.parse("x1,x2,y\n1,2,3\n\n\n", path: "p")
                _ = try CSVTable.parse("x1,x2,y\n1,2,3\n4,5,six\n", path: "p")
                Issue.record("expected an error")
            } catch let e as DataError {
                #expect(e.line == 3 && e.key == "data.path" && e.description == "p:3: y is not a number: \"six\"")
            }
        }

        @Test func wrongCombinations() throws {
            let reg = "x1,x2,y\n1,2,3\n4,5,6\n"
            #expect(try error(reg, labelNoise: 0.1) == "data.label_noise: F is regression data (header x1,x2,y); label noise needs classes")
            let cls = "x1,x2,label\n1,2,0\n4,5,1\n"
            #expect(
                try error(cls, outliers: 0.1)
                    == "data.outliers: F is classification data (header x1,x2,label); outliers apply to regression targets (use label_noise)")
            #expect(
                try error("x1,x2,y\n1,2,3\n", testFraction: 0.6)
                    == "data.test_fraction: test_fraction 0.6 of the 1 point in F leaves no training point")
        }

        @Test func missingFile() throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("losscape-missing-\(UUID().uuidString)").path
            do {
                _ = try DatasetFactory.make(DataSpec(kind: .csv, path: "nope.csv"), seed: 1, baseDirectory: dir)
                Issue.record("expected an error")
            } catch {
                #expect(
                    "\(error)" == "\(dir)/nope.csv: cannot open the file (No such file or directory); data.path is relative to the preset's folder")
            }
        }

        @Test func directoryIsNotAFile() throws {
            let f = try write("x1,x2,y\n1,2,3\n")
            defer { try? FileManager.default.removeItem(atPath: f.dir) }
            do {
                _ = try DatasetFactory.make(DataSpec(kind: .csv, path: f.dir), seed: 1, baseDirectory: nil)
                Issue.record("expected an error")
            } catch {
                #expect("\(error)".hasPrefix("\(f.dir): cannot "))
            }
        }
    }
}
