import Learning
import TensorCore
import Testing

@testable import Engine

@Suite struct LandscapeSetupTests {
    @Test func centreIsTheTrainersCurrentLoss() throws {
        let d = try RunDriver(entry: RunEntry(label: "a", spec: smallSpec { $0.steps = 30 }))
        d.advance(until: 30)
        let t = d.trainer, history = d.history!
        let setup = try LandscapeSetup(trainer: t, options: LandscapeOptions(grid: 5))
        #expect(Float(setup.computation.centerValue()) == Float(t.currentRecord().trainLoss))
        let snap = try LandscapeSetup(snapshot: RunSnapshot(t, history: history), options: LandscapeOptions(grid: 5))
        #expect(snap.computation.directions.d1 == setup.computation.directions.d1)
        #expect(snap.computation.computeRow(2) == setup.computation.computeRow(2))
        #expect(setup.sharpness().eigenvalue.isFinite)
    }

    @Test func recordingThePathChangesNoNumbers() throws {
        let spec = smallSpec { $0.optimizer.batchSize = 40 }
        let a = try RunDriver(entry: RunEntry(label: "a", spec: spec))
        let d = try RunDriver(entry: RunEntry(label: "b", spec: spec), trajectoryEvery: 5, historyCapacity: nil)
        a.advance(until: spec.steps)
        d.advance(until: spec.steps)
        d.finish()
        let b = d.trainer, path = d.trajectory!
        #expect(a.trainer.model.parameters == b.model.parameters)
        #expect(path.steps.first == 0 && path.steps.last == spec.steps && path.weights.last! == b.model.parameters)
        let setup = try LandscapeSetup(trainer: b, trajectory: path, options: LandscapeOptions(directions: .pca, grid: 5))
        let pca = try #require(setup.pca)
        #expect(pca.path.count == path.count && pca.path.last == SIMD2(0, 0))
        #expect(setup.grid.span == pca.suggestedSpan)
    }

    @Test func optionsThatDoNotFitAreRefused() throws {
        let reg = try Trainer(
            spec: smallSpec {
                $0.data.kind = .plane; $0.loss.name = "mse"; $0.data.testFraction = 0
            })
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(metric: .accuracy)) }
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(split: .test)) }
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(directions: .pca)) }
        #expect(throws: LandscapeError.self) { try LandscapeSetup(trainer: reg, options: LandscapeOptions(grid: 1)) }
    }
}
