import TensorCore
import Testing

@testable import Learning

extension LandscapeTests {
    @Suite struct Path {
        /// A real training path: gradient descent from initialisation.
        static func trainedPath(steps: Int = 60) throws -> [[Tensor]] {
            let o = try LandscapeTests.objective(steps: 0)
            var theta = o.center
            var path = [theta]
            for _ in 0..<steps {
                theta = ParameterVector.combination(theta, [(-0.3, o.gradient(at: theta).gradient)])
                path.append(theta)
            }
            return path
        }

        @Test func pcaDirectionsAreOrthonormalAndThePathEndsAtTheCentre() throws {
            let path = try Path.trainedPath()
            let pca = try TrajectoryPCA(weights: path, biases: .normalize)
            let d = pca.directions
            #expect(abs(ParameterVector.norm(d.d1) - 1) < 1e-6 && abs(ParameterVector.norm(d.d2) - 1) < 1e-6)
            #expect(abs(ParameterVector.dot(d.d1, d.d2)) < 1e-6)
            #expect(pca.path.count == path.count)
            #expect(pca.path.last == SIMD2(0, 0))
            #expect(pca.path[0].x <= 0 && pca.path[0].y <= 0)
            #expect(pca.explainedVariance[0] >= pca.explainedVariance[1] && pca.explainedVariance[1] > 0)
            #expect(pca.explainedVariance[0] + pca.explainedVariance[1] <= 1 + 1e-12)
            #expect(pca.suggestedSpan >= pca.path.map { max(abs($0.x), abs($0.y)) }.max()!)
        }

        @Test func ignoredBiasesStayPut() throws {
            let pca = try TrajectoryPCA(weights: try Path.trainedPath(steps: 20))
            for (t, d) in zip(pca.directions.d1, pca.directions.d2) where t.rank == 1 {
                #expect(t.scalars.allSatisfy { $0 == 0 } && d.scalars.allSatisfy { $0 == 0 })
            }
        }

        /// A path that lies in a known plane: PCA finds that plane, all the
        /// variance on it, and the projected path has the path's geometry.
        @Test func pathInAPlaneIsRecovered() throws {
            let shapes: [Shape] = [[3, 4], [3], [2, 3], [2]]
            var rng = SeededRandom(seed: 1, stream: "test")
            let centre = shapes.map { Tensor.randomNormal($0, using: &rng) }
            let e1raw = shapes.map { Tensor.randomNormal($0, using: &rng) }
            let e1 = e1raw.map { $0 * Float(1 / ParameterVector.norm(e1raw)) }
            var e2 = shapes.map { Tensor.randomNormal($0, using: &rng) }
            e2 = ParameterVector.combination(e2, [(-Float(ParameterVector.dot(e2, e1)), e1)])
            e2 = e2.map { $0 * Float(1 / ParameterVector.norm(e2)) }
            let coords: [SIMD2<Double>] = (0..<12).map { i in
                let t = Double(11 - i) / 11
                return SIMD2(-3 * t, 1.5 * t * t - 0.4 * t)  // a curved path that ends at 0
            }
            let path = coords.map { c in ParameterVector.combination(centre, [(Float(c.x), e1), (Float(c.y), e2)]) }
            let pca = try TrajectoryPCA(weights: path, biases: .normalize)
            #expect(abs(pca.explainedVariance[0] + pca.explainedVariance[1] - 1) < 1e-5)
            for d in [pca.directions.d1, pca.directions.d2] {
                let inPlane = ParameterVector.dot(d, e1) * ParameterVector.dot(d, e1) + ParameterVector.dot(d, e2) * ParameterVector.dot(d, e2)
                #expect(abs(inPlane - 1) < 1e-5)
            }
            // distances between projected points equal the original ones (a rotation/reflection of the plane)
            for i in 0..<coords.count {
                let a = coords[i] - coords[0], b = pca.path[i] - pca.path[0]
                #expect(abs((a * a).sum().squareRoot() - (b * b).sum().squareRoot()) < 1e-4)
            }
        }

        @Test func tooShortOrStraightPathsAreRefused() throws {
            let p = try Path.trainedPath(steps: 2)
            #expect(throws: LandscapeError.self) { try TrajectoryPCA(weights: p) }
            let centre = [Tensor(rows: [[1, 2]]), Tensor([0])]
            let line = (0..<6).map { i in ParameterVector.combination(centre, [(Float(i), [Tensor(rows: [[1, 1]]), Tensor([0])])]) }
            #expect(throws: LandscapeError.self) { try TrajectoryPCA(weights: line) }
        }

        @Test func trajectoryKeepsABoundedEvenlySpacedRecord() {
            var t = WeightTrajectory(every: 2, capacity: 8)
            let w = [Tensor([1])]
            for step in 0...100 { t.record(step: step, parameters: w) }
            t.record(step: 101, parameters: w, force: true)
            #expect(t.count <= 9)
            #expect(t.steps.first == 0 && t.steps.last == 101)
            let gaps = zip(t.steps.dropLast(), t.steps.dropFirst().dropLast()).map { $1 - $0 }
            #expect(Set(gaps).count == 1 && gaps[0] == t.stride)
            #expect(WeightTrajectory.stride(steps: 1000) == 10 && WeightTrajectory.stride(steps: 5) == 1)
        }

        @Test func jacobiEigenDecomposition() {
            // [[2, 1, 0], [1, 2, 0], [0, 0, 5]]: eigenvalues 5, 3, 1
            let e = SymmetricEigen([2, 1, 0, 1, 2, 0, 0, 0, 5], n: 3)
            #expect(zip(e.values, [5.0, 3, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
            let v = e.vectors[1]
            #expect(abs(abs(v[0]) - 0.5.squareRoot()) < 1e-12 && abs(v[0] - v[1]) < 1e-12 && abs(v[2]) < 1e-12)
        }
    }
}
