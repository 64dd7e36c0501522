import Learning
import TensorCore
import Testing

@testable import Engine

@Suite struct LandscapeSetupTests {
    @Test func centreIsTheTrainersCurrentLoss() throws {
        let t = try Trainer(spec: smallSpec { $0.steps = 30 })
        var history = MetricHistory()
        t.train(until: 30, history: &history)
        let setup = try LandscapeSetup(trainer: t, options: LandscapeOptions(grid: 5))
        #expect(Float(setup.computation.centerValue()) == Float(t.currentRecord().trainLoss))
        let snap = try LandscapeSetup(snapshot: RunSnapshot(t, history: history), options: LandscapeOptions(grid: 5))
        #expect(snap.computation.directions.d1 == setup.computation.directions.d1)
        #expect(snap.computation.computeRow(2) == setup.computation.computeRow(2))
        #expect(setup.sharpness().eigenvalue.isFinite)
    }

    @Test func recordingThePathChangesNoNumbers() throws {
        let spec = smallSpec { $0.optimizer.batchSize = 40 }
        let a = try Trainer(spec: spec), b = try Trainer(spec: spec)
        var ha = MetricHistory(), hb = MetricHistory()
        var path = WeightTrajectory(every: 5)
        a.train(until: spec.steps, history: &ha)
        b.train(until: spec.steps, history: &hb, trajectory: &path)
        #expect(a.model.parameters == b.model.parameters)
        #expect(path.steps.first == 0 && path.steps.last == spec.steps && path.weights.last! == b.model.parameters)
        let setup = try LandscapeSetup(trainer: b, trajectory: path, options: LandscapeOptions(directions: .pca, grid: 5))
        let pca = try #require(setup.pca)
        #expect(pca.path.count == path.count && pca.path.last == SIMD2(0, 0))
        #expect(setup.grid.span == pca.suggestedSpan)
    }

    @Test func optionsThatDoNotFitAreRefused() throws {
        let reg = try Trainer(spec: smallSpec { $0.data.kind = .plane; $0.loss.name = "mse"; $0.data.testFraction = 0 })
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(metric: .accuracy)) }
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(split: .test)) }
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(directions: .pca)) }
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(grid: 1)) }
    }
}
