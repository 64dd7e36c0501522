import TensorCore
import Testing

@testable import Learning

extension LandscapeTests {
    @Suite struct SharpnessTests {
        /// Linear regression ŷ = w·x + b with MSE: H = (2/N)·XᵀX for the rows
        /// X = [x1, x2, 1] (exact, constant). Inputs of different spreads
        /// separate its eigenvalues (≈ 6, 2, 0.7).
        static func linearRegression() -> (LandscapeObjective, hessian: [Double]) {
            var rng = SeededRandom(seed: 5, stream: "test")
            let n = 400
            var xs: [Float] = [], ys: [Float] = []
            for _ in 0..<n {
                let x1 = Float(rng.uniform(-3, 3)), x2 = Float(rng.uniform(-1, 1))
                xs += [x1, x2]
                ys.append(0.5 * x1 - 0.8 * x2 + Float(0.3 * rng.normal()))
            }
            let split = DataSplit(x: Tensor(shape: [n, 2], scalars: xs), targets: ys)
            var init_ = SeededRandom(seed: 1, stream: "init")
            let model = MLP(spec: MLPSpec(hidden: []), outputs: 1, using: &init_)
            let o = LandscapeObjective(model: model, split: split, task: .regression, loss: MeanSquaredErrorLoss(), classWeights: nil)
            // parameters in order W = [w1, w2], b
            var h = [Double](repeating: 0, count: 9)
            for i in 0..<n {
                let row = [Double(xs[2 * i]), Double(xs[2 * i + 1]), 1]
                for a in 0..<3 { for b in 0..<3 { h[a * 3 + b] += 2 * row[a] * row[b] / Double(n) } }
            }
            return (o, h)
        }

        @Test func topEigenvalueOfAQuadratic() {
            let (o, h) = SharpnessTests.linearRegression()
            let exact = SymmetricEigen(h, n: 3)
            let r = Sharpness.topEigenvalue(o)
            #expect(r.converged)
            #expect(abs(r.eigenvalue - exact.values[0]) <= 1e-4 * exact.values[0], "\(r.eigenvalue) vs \(exact.values[0])")
            let v = ParameterVector.flattened(r.eigenvector)
            let cos = zip(v, exact.vectors[0]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(abs(cos) - 1) < 1e-4)
        }

        @Test func hessianVectorProductOfAQuadratic() {
            let (o, h) = SharpnessTests.linearRegression()
            let v = [Tensor(rows: [[0.6, -0.8]]), Tensor([0])]
            let hv = ParameterVector.flattened(Sharpness.hessianVectorProduct(o, at: o.center, v, epsilon: 1e-3))
            let exact: [Double] = (0..<3).map { (a: Int) -> Double in
                let first: Double = h[a * 3] * 0.6
                return first - h[a * 3 + 1] * 0.8
            }
            for (x, y) in zip(hv, exact) {
                let tolerance: Double = 1e-3 * max(abs(y), 1)
                #expect(abs(x - y) <= tolerance)
            }
        }

        /// On a tanh network the eigenvalue is the curvature along its eigenvector.
        @Test func eigenvalueIsTheCurvatureAlongTheEigenvector() throws {
            let o = try LandscapeTests.objective(samples: 200, hidden: [8, 8], steps: 60, learningRate: 0.3)
            let r = Sharpness.topEigenvalue(o, options: Sharpness.Options(maxIterations: 300, tolerance: 1e-6, seed: 1))
            let h: Float = 1e-2
            let plus = o.value(at: ParameterVector.combination(o.center, [(h, r.eigenvector)]))
            let minus = o.value(at: ParameterVector.combination(o.center, [(-h, r.eigenvector)]))
            let curvature = (plus - 2 * o.value(at: o.center) + minus) / Double(h * h)
            #expect(abs(curvature - r.eigenvalue) <= 0.05 * abs(r.eigenvalue), "\(curvature) vs \(r.eigenvalue)")
            // deterministic: the same seed gives the same number
            #expect(Sharpness.topEigenvalue(o, options: Sharpness.Options(maxIterations: 300, tolerance: 1e-6, seed: 1)).eigenvalue == r.eigenvalue)
        }

        @Test func trackerWarmStartsFromTheLastEigenvector() {
            let (o, h) = SharpnessTests.linearRegression()
            let exact = SymmetricEigen(h, n: 3).values[0]
            var tracker = SharpnessTracker(iterations: 5)
            for step in 0..<6 { tracker.update(o, step: step) }
            #expect(tracker.history.count == 6)
            #expect(abs(tracker.history.last!.value - exact) <= 1e-4 * exact)
        }
    }
}
