import TensorCore
import Testing

@testable import Learning

extension LandscapeTests {
    @Suite struct Directions {
        @Test func filterNormalizedRowsHaveTheWeightRowsNorms() throws {
            let o = try LandscapeTests.objective(hidden: [16, 16])
            let theta = o.center
            let dirs = LandscapeDirections.random(around: theta, seed: 7, normalization: .filter)
            for d in [dirs.d1, dirs.d2] {
                for (t, (w, dt)) in zip(theta, d).enumerated() where w.rank == 2 {
                    let width = w.shape[1]
                    for r in 0..<w.shape[0] {
                        let rows = (r * width)..<((r + 1) * width)
                        let wn = LandscapeTests.norm(w, rows), dn = LandscapeTests.norm(dt, rows)
                        #expect(abs(dn - wn) <= 1e-5 * max(wn, 1e-6), "tensor \(t) row \(r): \(dn) vs \(wn)")
                    }
                }
            }
        }

        @Test func biasDirectionsAreZeroByDefault() throws {
            let o = try LandscapeTests.objective()
            let dirs = LandscapeDirections.random(around: o.center, seed: 7)
            for (w, d1, d2) in zip3(o.center, dirs.d1, dirs.d2) where w.rank == 1 {
                #expect(ParameterVector.norm([w]) > 0, "the test weights have non-zero biases")
                #expect(d1.scalars.allSatisfy { $0 == 0 } && d2.scalars.allSatisfy { $0 == 0 })
            }
        }

        @Test func normalizedBiasesHaveTheBiasNorm() throws {
            let o = try LandscapeTests.objective()
            let dirs = LandscapeDirections.random(around: o.center, seed: 7, biases: .normalize)
            for (w, d) in zip(o.center, dirs.d1) where w.rank == 1 {
                let wn = ParameterVector.norm([w]), dn = ParameterVector.norm([d])
                #expect(abs(dn - wn) <= 1e-5 * wn)
            }
        }

        @Test func layerNormalizationMatchesWholeMatrices() throws {
            let o = try LandscapeTests.objective()
            let dirs = LandscapeDirections.random(around: o.center, seed: 2, normalization: .layer)
            for (w, d) in zip(o.center, dirs.d2) where w.rank == 2 {
                let wn = ParameterVector.norm([w]), dn = ParameterVector.norm([d])
                #expect(abs(dn - wn) <= 1e-5 * wn)
            }
        }

        @Test func unnormalizedDirectionsAreTheRawDraws() throws {
            let o = try LandscapeTests.objective()
            let a = LandscapeDirections.random(around: o.center, seed: 4, normalization: .none, biases: .normalize)
            var rng = SeededRandom(seed: 4, stream: LandscapeDirections.stream)
            let raw = o.center.map { Tensor.randomNormal($0.shape, using: &rng) }
            #expect(a.d1 == raw)
        }

        @Test func sameSeedSameDirectionsOtherSeedOthers() throws {
            let o = try LandscapeTests.objective()
            let a = LandscapeDirections.random(around: o.center, seed: 11)
            let b = LandscapeDirections.random(around: o.center, seed: 11)
            let c = LandscapeDirections.random(around: o.center, seed: 12)
            #expect(a.d1 == b.d1 && a.d2 == b.d2)
            #expect(a.d1 != c.d1)
            #expect(a.d1 != a.d2)
        }

        @Test func cosineIsOverAllEntries() {
            let a = [Tensor(rows: [[1, 0], [0, 0]]), Tensor([0])]
            let b = [Tensor(rows: [[1, 1], [0, 0]]), Tensor([0])]
            let d = LandscapeDirections(d1: a, d2: b)
            #expect(abs(d.cosine - 1 / 2.0.squareRoot()) < 1e-12)
            #expect(LandscapeDirections(d1: a, d2: ParameterVector.zeros(like: a)).cosine == 0)
        }
    }
}

func zip3<A: Sequence, B: Sequence, C: Sequence>(_ a: A, _ b: B, _ c: C) -> [(A.Element, B.Element, C.Element)] {
    zip(zip(a, b), c).map { ($0.0, $0.1, $1) }
}
