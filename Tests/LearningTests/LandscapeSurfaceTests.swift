import TensorCore
import Testing

@testable import Learning

extension LandscapeTests {
    @Suite struct Surface {
        /// f(0, 0) is the loss of the current weights: bit-identical to the
        /// tape's value and to the training gradient's loss.
        @Test(arguments: [
            ("cross_entropy", Activation.tanh), ("focal", .relu), ("label_smoothing", .sigmoid),
            ("hinge", .leakyRelu), ("cross_entropy", .gelu), ("sparsemax", .sin), ("cross_entropy", .linear),
        ])
        func centerIsTheCurrentTrainingLoss(loss: String, activation: Activation) throws {
            let o = try LandscapeTests.objective(hidden: [10, 16], activation: activation, loss: loss)
            let c = LandscapeComputation(
                objective: o, directions: LandscapeDirections.random(around: o.center, seed: 1),
                grid: LandscapeGrid(count: 5, span: 1))
            let surface = try #require(c.compute())
            let training = o.gradient(at: o.center).loss
            #expect(surface.center.bitPattern == training.bitPattern, "\(surface.center) vs \(training)")
            #expect(surface.values[2][2] == surface.center)
            #expect(c.centerValue() == o.value(at: o.center))
        }

        @Test func centerWithClassWeightsAndRegression() throws {
            let weighted = try LandscapeTests.objective(kind: .gauss, loss: "cross_entropy", classWeights: [0.3, 2])
            let reg = try LandscapeTests.objective(kind: .sine, hidden: [12], loss: "huber", features: [.x1])
            for o in [weighted, reg] {
                let c = LandscapeComputation(objective: o, directions: LandscapeDirections.random(around: o.center, seed: 5))
                #expect(c.centerValue().bitPattern == o.gradient(at: o.center).loss.bitPattern)
            }
        }

        /// Every grid point equals the tape forward pass at θ + α·d₁ + β·d₂.
        @Test(arguments: [Activation.tanh, .relu, .gelu])
        func gridPointsMatchTheTape(activation: Activation) throws {
            let o = try LandscapeTests.objective(samples: 131, hidden: [9, 16], activation: activation)
            let dirs = LandscapeDirections.random(around: o.center, seed: 2, biases: .normalize)
            let grid = LandscapeGrid(count: 4, span: 0.7)
            let c = LandscapeComputation(objective: o, directions: dirs, grid: grid)
            for i in 0..<grid.count {
                let row = c.computeRow(i)
                for j in 0..<grid.count {
                    let theta = ParameterVector.combination(
                        o.center,
                        [
                            (Float(grid.coordinate(j)), dirs.d1),
                            (Float(grid.coordinate(i)), dirs.d2),
                        ])
                    #expect(row[j] == o.value(at: theta), "(\(i), \(j))")
                }
            }
        }

        @Test func sameSeedIdenticalGrid() throws {
            let o = try LandscapeTests.objective()
            func surface() throws -> LandscapeSurface {
                let c = LandscapeComputation(
                    objective: o, directions: LandscapeDirections.random(around: o.center, seed: 9),
                    grid: LandscapeGrid(count: 9, span: 1))
                return try #require(c.compute())
            }
            #expect(try surface() == surface())
        }

        @Test func threadCountDoesNotChangeTheGrid() throws {
            let o = try LandscapeTests.objective(samples: 300, hidden: [16, 16])
            let dirs = LandscapeDirections.random(around: o.center, seed: 9)
            let grids = try [1, 2, 3, 8].map { threads -> [Double] in
                let c = LandscapeComputation(objective: o, directions: dirs, grid: LandscapeGrid(count: 11), threads: threads)
                return try #require(c.compute()).values.flatMap { $0 }
            }
            for g in grids.dropFirst() { #expect(LandscapeTests.identical(g, grids[0])) }
        }

        /// Linear regression with MSE (no hidden layer, the `plane` data): the
        /// loss is an exact quadratic in the parameters, so
        /// f(α, β) = mean((rᵢ + α·aᵢ + β·cᵢ)²) with rᵢ the residual, aᵢ, cᵢ the
        /// directions' predictions.
        @Test func quadraticModelMatchesTheClosedForm() throws {
            let o = try LandscapeTests.objective(kind: .plane, samples: 200, hidden: [], steps: 5, learningRate: 0.02)
            let dirs = LandscapeDirections.random(around: o.center, seed: 3, biases: .normalize)
            let grid = LandscapeGrid(count: 9, span: 2)
            let surface = try #require(LandscapeComputation(objective: o, directions: dirs, grid: grid).compute())
            let x = o.features.scalars, y = o.values.scalars
            func predict(_ p: [Tensor], _ i: Int) -> Double {
                let w = p[0].scalars, b = p[1].scalars
                return Double(w[0]) * Double(x[2 * i]) + Double(w[1]) * Double(x[2 * i + 1]) + Double(b[0])
            }
            for (i, beta) in grid.coordinates.enumerated() {
                for (j, alpha) in grid.coordinates.enumerated() {
                    var s = 0.0
                    for k in 0..<o.count {
                        let e = predict(o.center, k) - Double(y[k]) + alpha * predict(dirs.d1, k) + beta * predict(dirs.d2, k)
                        s += e * e
                    }
                    let exact = s / Double(o.count)
                    #expect(abs(surface.values[i][j] - exact) <= 2e-6 * exact + 1e-7, "(\(alpha), \(beta)): \(surface.values[i][j]) vs \(exact)")
                }
            }
        }

        @Test func sliceAlongD1IsTheCentreRow() throws {
            let o = try LandscapeTests.objective()
            let c = LandscapeComputation(
                objective: o, directions: LandscapeDirections.random(around: o.center, seed: 4),
                grid: LandscapeGrid(count: 7))
            let slice = c.sliceAlongD1()
            #expect(slice.coordinates == c.grid.coordinates)
            #expect(slice.values == c.computeRow(3))
        }

        @Test func interpolationEndpointsAreTheTwoWeightSets() throws {
            let start = try LandscapeTests.objective(steps: 0)
            let end = try LandscapeTests.objective(steps: 30)
            let curve = LandscapeInterpolation.curve(end, from: start.center, to: end.center, count: 41, threads: 2)
            #expect(curve.coordinates.count == 41 && curve.coordinates.first == -0.5 && curve.coordinates.last == 1.5)
            let a = try #require(curve.coordinates.firstIndex(of: 0)), b = try #require(curve.coordinates.firstIndex(of: 1))
            #expect(curve.values[a] == end.value(at: start.center))
            #expect(curve.values[b] == end.value(at: end.center))
            #expect(curve.values[b] < curve.values[a], "training lowered the loss")
        }

        @Test func accuracyMetric() throws {
            let o = try LandscapeTests.objective(metric: .accuracy, steps: 40)
            let c = LandscapeComputation(
                objective: o, directions: LandscapeDirections.random(around: o.center, seed: 1),
                grid: LandscapeGrid(count: 5, span: 3))
            let s = try #require(c.compute())
            let predicted = o.model.predict(features: o.features).argmaxRows()
            let expected = Double(zip(predicted, o.labels).filter { $0 == $1 }.count) / Double(o.count)
            #expect(s.center == expected)
            #expect(s.values.joined().allSatisfy { $0 >= 0 && $0 <= 1 })
        }

        @Test func cancellationStopsBetweenRows() throws {
            let o = try LandscapeTests.objective()
            let c = LandscapeComputation(
                objective: o, directions: LandscapeDirections.random(around: o.center, seed: 1),
                grid: LandscapeGrid(count: 6))
            var rows: [Int] = []
            let result = c.compute(isCancelled: { rows.count == 2 }, onRow: { i, _ in rows.append(i) })
            #expect(result == nil)
            #expect(rows == [0, 1])
        }

        @Test func gridCoordinates() {
            let g = LandscapeGrid(count: 41, span: 1)
            #expect(g.coordinates.first == -1 && g.coordinates.last == 1 && g.coordinate(20) == 0)
            #expect(g.centerIndex == 20)
            #expect(LandscapeGrid(count: 4, span: 3).coordinates == [-3, -1, 1, 3])
            #expect(LandscapeGrid(count: 4).centerIndex == nil)
        }
    }
}
