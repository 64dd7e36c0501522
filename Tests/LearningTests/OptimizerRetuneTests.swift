import TensorCore
import Testing

@testable import Learning

/// Changing an optimizer's values keeps its state, as changing a torch.optim param group does;
/// a new optimizer (name or SAM base) starts afresh.
@Suite struct OptimizerRetuneTests {
    /// SGD momentum μ = 0.5 on θ with a constant gradient 1: the buffer goes 1, 1.5, 1.75, …
    @Test func retuningKeepsTheMomentumBuffer() {
        var spec = OptimizerSpec()
        spec.kind = .momentum
        spec.momentum = 0.5
        spec.learningRate = 0.1
        var o = Optimizer(spec: spec, totalSteps: 100)
        var p = [Tensor([0])]
        for _ in 0..<2 { o.step(&p, gradient: [Tensor([1])]) { _ in [Tensor([1])] } }
        #expect(abs(p[0].scalars[0] - -0.25) < 1e-7)  // −0.1·1 − 0.1·1.5
        var faster = spec
        faster.learningRate = 1
        #expect(o.canRetune(to: faster))
        o.retune(faster)
        o.step(&p, gradient: [Tensor([1])]) { _ in [Tensor([1])] }
        #expect(abs(p[0].scalars[0] - (-0.25 - 1.75)) < 1e-6, "the buffer (1.75) carried over")
        #expect(o.currentLearningRate == 1 && o.updates == 3)
    }

    /// Adam keeps its moments and step count (bias correction continues at t = 3).
    @Test func retuningAdamKeepsItsMoments() {
        var spec = OptimizerSpec()
        spec.learningRate = 0.1
        var kept = Optimizer(spec: spec, totalSteps: 100)
        var p = [Tensor([1, -2])], q = p
        let g = [Tensor([0.5, -1])]
        for _ in 0..<2 { kept.step(&p, gradient: g) { _ in g } }
        q = p
        var changed = spec
        changed.beta2 = 0.99
        kept.retune(changed)
        var fresh = Optimizer(spec: changed, totalSteps: 100, updatesSoFar: 2)
        kept.step(&p, gradient: g) { _ in g }
        fresh.step(&q, gradient: g) { _ in g }
        #expect(p != q, "a fresh Adam would restart its moments")
    }

    @Test func anotherOptimizerCannotTakeTheState() {
        let o = Optimizer(spec: OptimizerSpec(), totalSteps: 10)
        var sgd = OptimizerSpec()
        sgd.kind = .sgd
        #expect(!o.canRetune(to: sgd))
        var sam = OptimizerSpec()
        sam.kind = .sam
        var samAdam = sam
        samAdam.base = .adam
        #expect(!Optimizer(spec: sam, totalSteps: 10).canRetune(to: samAdam))
    }
}
