import TensorCore
import Testing

@testable import Learning

extension DataTests {
    @Suite struct Generators {
        @Test(
            "shapes, label ranges and balanced splits for every kind and class count",
            arguments: DataTests.classificationCases.map { "\($0.0.rawValue):\($0.1)" })
        func shapesAndLabels(_ key: String) throws {
            let parts = key.split(separator: ":")
            let kind = DatasetKind(rawValue: String(parts[0]))!, k = Int(parts[1])!
            let spec = DataSpec(kind: kind, samples: 503, classes: k)
            let d = try DataTests.make(spec)
            let nTest = Int((503 * 0.2).rounded())
            #expect(d.task == .classification(classes: k))
            #expect(d.train.x.shape == [503 - nTest, 2])
            #expect(d.test.x.shape == [nTest, 2])
            #expect(d.train.labels.count == d.train.count && d.test.labels.count == d.test.count)
            #expect(d.train.labels.allSatisfy { (0..<k).contains($0) })
            #expect(d.test.labels.allSatisfy { (0..<k).contains($0) })
            #expect(d.train.cleanLabels == d.train.labels)
            #expect(d.train.targets.isEmpty && d.test.targets.isEmpty)
            #expect(d.train.x.isFinite && d.test.x.isFinite)
            #expect(!d.isOneDimensional && d.defaultFeatures == [.x1, .x2])
            // Balanced: class sizes differ by at most one in each split.
            let train = d.trainClassCounts
            #expect(train.max()! - train.min()! <= 1)
            var test = [Int](repeating: 0, count: k)
            for y in d.test.labels { test[y] += 1 }
            #expect(test.max()! - test.min()! <= 1)
        }

        @Test(
            "without noise the shapes lie in [−3, 3]² (gauss within its blobs)",
            arguments: DataTests.classificationCases.map { "\($0.0.rawValue):\($0.1)" })
        func scale(_ key: String) throws {
            let parts = key.split(separator: ":")
            let kind = DatasetKind(rawValue: String(parts[0]))!, k = Int(parts[1])!
            let d = try DataTests.make(DataSpec(kind: kind, samples: 400, noise: 0, classes: k))
            let bound: Float = kind == .gauss ? 4.5 : 3
            for p in DataTests.points(d.train) + DataTests.points(d.test) {
                #expect(abs(p.x) <= bound && abs(p.y) <= bound)
            }
        }

        @Test func circlesRingsHoldTheirClass() throws {
            for k in 2...5 {
                let d = try DataTests.make(DataSpec(kind: .circles, noise: 0, classes: k))
                let s = 3.0 / Double(k)
                for (p, c) in zip(DataTests.points(d.train), d.train.labels) {
                    let r = Double((p.x * p.x + p.y * p.y).squareRoot())
                    #expect(r >= Double(c) * s - 1e-5 && r <= (Double(c) + 0.7) * s + 1e-5)
                }
            }
        }

        @Test func xorQuadrants() throws {
            let two = try DataTests.make(DataSpec(kind: .xor, noise: 0, classes: 2))
            for (p, c) in zip(DataTests.points(two.train), two.train.labels) {
                #expect((p.x * p.y > 0) == (c == 0))
                #expect(abs(p.x) >= 0.2 && abs(p.y) >= 0.2)
            }
            let four = try DataTests.make(DataSpec(kind: .xor, noise: 0, classes: 4))
            let quadrant: (SIMD2<Float>) -> Int = { p in p.y > 0 ? (p.x > 0 ? 0 : 1) : (p.x < 0 ? 2 : 3) }
            for (p, c) in zip(DataTests.points(four.train), four.train.labels) { #expect(quadrant(p) == c) }
        }

        @Test func gaussBlobsAreNearTheirCentres() throws {
            for k in 2...5 {
                let d = try DataTests.make(DataSpec(kind: .gauss, samples: 1000, noise: 0, classes: k))
                var nearest = 0
                for (p, c) in zip(DataTests.points(d.train), d.train.labels) {
                    let dist = (0..<k).map { j -> Double in
                        let phi = Double.pi / 4 + 2 * Double.pi * Double(j) / Double(k)
                        let dx = Double(p.x) - 2 * cos(phi), dy = Double(p.y) - 2 * sin(phi)
                        return dx * dx + dy * dy
                    }
                    if dist.firstIndex(of: dist.min()!) == c { nearest += 1 }
                }
                #expect(Double(nearest) >= 0.95 * Double(d.train.count))
            }
        }

        @Test func spiralArmsReachRadius2_8() throws {
            let d = try DataTests.make(DataSpec(kind: .spiral, noise: 0, classes: 3))
            let radii = DataTests.points(d.train).map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
            #expect(radii.max()! <= 2.8 + 1e-5 && radii.max()! > 2.7)
            #expect(radii.min()! < 0.1)
        }

        @Test func moonsUpperAndLower() throws {
            let d = try DataTests.make(DataSpec(kind: .moons, noise: 0))
            for (p, c) in zip(DataTests.points(d.train), d.train.labels) {
                if c == 0 { #expect(p.y >= -0.45 - 1e-5) } else { #expect(p.y <= 0.45 + 1e-5) }
                #expect(abs(p.x) <= 2.7 + 1e-5)
            }
        }

        @Test func checkerboardCellsHaveTheirColour() throws {
            let d = try DataTests.make(DataSpec(kind: .checkerboard, noise: 0))
            for (p, c) in zip(DataTests.points(d.train), d.train.labels) {
                #expect(Checkerboard.label(Double(p.x), Double(p.y)) == c)
            }
        }

        @Test func planeIsTheLinearFunction() throws {
            let d = try DataTests.make(DataSpec(kind: .plane, samples: 300, noise: 0))
            #expect(d.task == .regression && !d.isOneDimensional)
            #expect(d.train.count == 240 && d.test.count == 60)
            #expect(d.train.labels.isEmpty && d.train.targets.count == 240 && d.test.targets.count == 60)
            for (p, y) in zip(DataTests.points(d.train), d.train.targets) {
                #expect(abs(y - (0.5 * p.x - 0.8 * p.y)) < 1e-5)
                #expect(abs(p.x) <= 3 && abs(p.y) <= 3)
            }
        }

        @Test func sineIsOneDimensional() throws {
            let d = try DataTests.make(DataSpec(kind: .sine, samples: 200, noise: 0))
            #expect(d.isOneDimensional && d.defaultFeatures == [.x1])
            #expect(DatasetKind.sine.defaultFeatures == [.x1] && DatasetKind.plane.defaultFeatures == [.x1, .x2])
            for (p, y) in zip(DataTests.points(d.train) + DataTests.points(d.test), d.train.targets + d.test.targets) {
                #expect(p.y == 0 && abs(p.x) <= 3)
                #expect(abs(Double(y) - sin(Double(p.x))) < 1e-5)
            }
        }

        @Test func regressionNoiseHasTheGivenStd() throws {
            let d = try DataTests.make(DataSpec(kind: .sine, samples: 20000, noise: 0.3, testFraction: 0))
            let r = zip(DataTests.points(d.train), d.train.targets).map { Double($1) - sin(Double($0.x)) }
            let mean = r.reduce(0, +) / Double(r.count)
            let std = (r.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(r.count)).squareRoot()
            #expect(abs(mean) < 0.02 && abs(std - 0.3) < 0.01)
        }

        @Test("jitter has the given std and moves the same points", arguments: [0.05, 0.4])
        func classificationJitter(noise: Double) throws {
            let clean = try DataTests.make(DataSpec(kind: .gauss, samples: 4000, noise: 0))
            let noisy = try DataTests.make(DataSpec(kind: .gauss, samples: 4000, noise: noise))
            #expect(clean.train.labels == noisy.train.labels)
            let d = zip(DataTests.points(clean.train), DataTests.points(noisy.train)).flatMap { [Double($1.x - $0.x), Double($1.y - $0.y)] }
            let std = (d.map { $0 * $0 }.reduce(0, +) / Double(d.count)).squareRoot()
            #expect(abs(std / noise - 1) < 0.05)
        }

        @Test func emptyTestSplit() throws {
            for kind in DatasetKind.allCases where kind != .csv {
                let d = try DataTests.make(DataSpec(kind: kind, samples: 50, testFraction: 0))
                #expect(d.test.count == 0 && d.test.x.shape == [0, 2] && d.train.count == 50)
                #expect(d.test.labels.isEmpty && d.test.targets.isEmpty)
                #expect(d.test.rows([]).count == 0)
            }
        }

        @Test func testCountRoundsHalfAwayFromZero() throws {
            #expect(DataSpec.testCount(total: 5, testFraction: 0.5) == 3)
            #expect(DataSpec.testCount(total: 500, testFraction: 0.2) == 100)
            let d = try DataTests.make(DataSpec(kind: .spiral, samples: 7, testFraction: 0.5))
            #expect(d.test.count == 4 && d.train.count == 3)
        }

        @Test func determinism() throws {
            for kind in DatasetKind.allCases where kind != .csv {
                let spec = DataSpec(
                    kind: kind, samples: 300, classes: 2,
                    labelNoise: kind.isRegression ? 0 : 0.2,
                    imbalance: kind.isRegression ? 1 : 3, outliers: kind.isRegression ? 0.1 : 0)
                let a = try DataTests.make(spec, seed: 42), b = try DataTests.make(spec, seed: 42)
                #expect(DataTests.identical(a, b), "\(kind) is not deterministic")
                let c = try DataTests.make(spec, seed: 43)
                #expect(a.train.x != c.train.x, "\(kind) ignores the seed")
            }
        }

        @Test func specSeedOverridesTheRunSeed() throws {
            let spec = DataSpec(kind: .moons, seed: 7)
            #expect(DataTests.identical(try DataTests.make(spec, seed: 1), try DataTests.make(spec, seed: 2)))
            var unseeded = spec
            unseeded.seed = nil
            #expect(DataTests.identical(try DataTests.make(spec, seed: 1), try DataTests.make(unseeded, seed: 7)))
        }

        @Test func kindCatalogue() {
            #expect(DatasetKind.allCases.map(\.rawValue) == ["circles", "xor", "gauss", "spiral", "moons", "checkerboard", "plane", "sine", "csv"])
            #expect(DatasetKind.allCases.filter(\.isRegression) == [.plane, .sine])
            #expect(DatasetKind.xor.allowedClassesText == "2 or 4")
            #expect(DatasetKind.spiral.allowedClassesText == "2–5")
            #expect(DatasetKind.moons.allowedClassesText == "2")
            #expect(DatasetKind.sine.allowedClassesText == "—")
            #expect(DatasetKind.allCases.allSatisfy { !$0.summary.isEmpty && !$0.summary.contains("\n") })
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
