import TensorCore
import Testing

@testable import Learning

extension DataTests {
    @Suite struct Corruption {
        @Test func imbalanceProfileRho10K3() throws {
            let d = try DataTests.make(DataSpec(kind: .gauss, samples: 500, classes: 3, imbalance: 10))
            let counts = d.trainClassCounts
            // 400 training points ∝ 1, 10^−½, 10^−1 → 282.4, 89.3, 28.2 → largest remainder.
            #expect(counts == [283, 89, 28])
            #expect(counts.reduce(0, +) == 400)
            let ratio = Double(counts[0]) / Double(counts[2])
            #expect(abs(ratio - 10) < 0.5)
            var test = [0, 0, 0]
            for y in d.test.labels { test[y] += 1 }
            #expect(test == [34, 33, 33])
        }

        @Test func classBalanceCounts() {
            #expect(ClassBalance.counts(total: 10, classes: 3, ratio: 1, minimum: 0) == [4, 3, 3])
            #expect(ClassBalance.counts(total: 2, classes: 3, ratio: 1, minimum: 0) == [1, 1, 0])
            #expect(ClassBalance.counts(total: 0, classes: 4, ratio: 1, minimum: 0) == [0, 0, 0, 0])
            // Every class keeps at least one point, even at ρ = 1000.
            let tiny = ClassBalance.counts(total: 10, classes: 5, ratio: 1000, minimum: 1)
            #expect(tiny.reduce(0, +) == 10 && tiny.min()! >= 1 && tiny == tiny.sorted(by: >))
            for (n, k, rho) in [(1000, 5, 100.0), (37, 2, 2.5), (400, 4, 10)] {
                let c = ClassBalance.counts(total: n, classes: k, ratio: rho, minimum: 1)
                #expect(c.reduce(0, +) == n && c == c.sorted(by: >))
                // Largest remainder: each count within 1 of its quota.
                let w = (0..<k).map { pow(rho, -Double($0) / Double(k - 1)) }
                let sum = w.reduce(0, +)
                for j in 0..<k { #expect(abs(Double(c[j]) - Double(n) * w[j] / sum) < 1) }
            }
        }

        @Test("exact flip count; symmetric never keeps the class", arguments: [2, 3, 5])
        func symmetricLabelNoise(k: Int) throws {
            let spec = DataSpec(kind: .spiral, samples: 1000, classes: k, labelNoise: 0.3)
            let d = try DataTests.make(spec)
            let flipped = d.train.flipped.filter { $0 }.count
            #expect(flipped == Int((0.3 * 800).rounded()))
            #expect(d.test.labels == d.test.cleanLabels)
            var targets = Set<Int>()
            for (noisy, clean) in zip(d.train.labels, d.train.cleanLabels) where noisy != clean {
                targets.insert((noisy - clean + k) % k)
            }
            #expect(targets == Set(1..<k), "symmetric noise should reach every other class")
            // The points, the clean labels and the test split are those of the noise-free data.
            var quiet = spec
            quiet.labelNoise = 0
            let q = try DataTests.make(quiet)
            #expect(q.train.x == d.train.x && q.train.labels == d.train.cleanLabels)
            #expect(q.test.x == d.test.x && q.test.labels == d.test.labels)
        }

        @Test func pairFlipMapsToTheNextClass() throws {
            let d = try DataTests.make(DataSpec(kind: .gauss, samples: 500, classes: 4, labelNoise: 0.25, labelNoiseKind: .pairFlip))
            var flipped = 0
            for (noisy, clean) in zip(d.train.labels, d.train.cleanLabels) where noisy != clean {
                #expect(noisy == (clean + 1) % 4)
                flipped += 1
            }
            #expect(flipped == 100)
            #expect(d.test.labels == d.test.cleanLabels)
        }

        @Test func labelNoiseRoundsTheCount() throws {
            let d = try DataTests.make(DataSpec(kind: .moons, samples: 13, testFraction: 0, labelNoise: 0.5))
            #expect(d.train.flipped.filter { $0 }.count == 7)  // round(6.5) = 7
        }

        @Test func labelNoiseWithImbalanceKeepsCleanCounts() throws {
            let d = try DataTests.make(DataSpec(kind: .circles, samples: 500, classes: 3, labelNoise: 0.2, imbalance: 10))
            var clean = [0, 0, 0]
            for y in d.train.cleanLabels { clean[y] += 1 }
            #expect(clean == [283, 89, 28])
            #expect(d.trainClassCounts.reduce(0, +) == 400 && d.trainClassCounts != clean)
        }

        @Test("outliers: exact fraction of training targets, test clean", arguments: [DatasetKind.sine, .plane])
        func outliers(kind: DatasetKind) throws {
            let d = try DataTests.make(DataSpec(kind: kind, samples: 1000, noise: 0, outliers: 0.1))
            let f: (SIMD2<Float>) -> Double = { p in
                kind == .sine ? sin(Double(p.x)) : 0.5 * Double(p.x) - 0.8 * Double(p.y)
            }
            let offsets = zip(DataTests.points(d.train), d.train.targets).map { abs(Double($1) - f($0)) }
            let moved = offsets.filter { $0 > 1e-4 }
            #expect(moved.count == 80)
            #expect(moved.allSatisfy { $0 >= 3 - 1e-4 && $0 <= 6 + 1e-4 })
            for (p, y) in zip(DataTests.points(d.test), d.test.targets) { #expect(abs(Double(y) - f(p)) < 1e-4) }
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
