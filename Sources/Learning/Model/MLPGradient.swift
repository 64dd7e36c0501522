import TensorCore

/// The buffers of the fused training step, owned by one run and reused every step (no tape nodes,
/// no allocation per step once the batch size is settled).
///
/// Not thread-safe: one per run, on the run's queue.
public final class MLPGradientWorkspace {
    var rows = -1
    var widths: [Int] = []
    /// Per layer: the output y (after the activation) and, for activations without a SIMD form
    /// (gelu, sin), the pre-activation in `pre`.
    var outputs: [Tensor] = []
    var pre: [Tensor] = []
    /// Per layer: ∂L/∂y, and ∂L/∂(pre-activation).
    var upstream: [Tensor] = []
    var dz: [Tensor] = []
    /// ∂L/∂W₀, ∂L/∂b₀, ∂L/∂W₁, …
    var grads: [Tensor] = []
    var lossScratch = Tensor(uninitializedShape: [0])
    var scaledLogits = Tensor(uninitializedShape: [0])
    /// The tape of the losses without a fused kernel (three nodes or so, on the outputs alone).
    let lossTape = Tape()

    public init() {}

    /// The storage objects of every buffer (tests check they survive from step to step).
    public var bufferIdentities: [ObjectIdentifier] {
        (outputs + pre + upstream + dz + grads).map { ObjectIdentifier($0.storageIdentity) }
    }

    /// Shapes the buffers for `rows` rows through layers of `widths` (inputs first).
    func prepare(rows: Int, widths: [Int]) {
        guard rows != self.rows || widths != self.widths else { return }
        self.rows = rows
        self.widths = widths
        let layers = widths.count - 1
        outputs = (0..<layers).map { Tensor(uninitializedShape: [rows, widths[$0 + 1]]) }
        pre = outputs
        upstream = outputs
        dz = outputs
        grads = (0..<layers).flatMap { i in
            [Tensor(uninitializedShape: [widths[i + 1], widths[i]]), Tensor(uninitializedShape: [widths[i + 1]])]
        }
        let k = widths.last ?? 0
        lossScratch = Tensor(uninitializedShape: [rows * k + rows])
        scaledLogits = Tensor(uninitializedShape: [rows, k])
    }
}

/// The loss of a batch, its gradient for every parameter, and the network's outputs.
public struct MLPLossGradient {
    public let loss: Float
    /// ∂L/∂W₀, ∂L/∂b₀, ∂L/∂W₁, … (the order of `MLP.parameters`).
    public let gradients: [Tensor]
    public let outputs: Tensor
}

extension MLP {
    /// The batch loss and its gradient with respect to `params` (in the order of `parameters`),
    /// computed by the fused step: forward layer by layer into the workspace's buffers, the loss's
    /// gradient (cross-entropy by a fused kernel, other losses on a small tape over the outputs),
    /// then backward layer by layer — the same kernels the tape's `dense`, `linear` and activation
    /// nodes call, in the same order, so the numbers are bit for bit those of `forward` on a tape
    /// followed by `Tape.gradients` (`MLPGradientTests` checks every activation, loss, feature set
    /// and optimizer over hundreds of steps).
    public func lossAndGradient(
        parameters params: [Tensor], features: Tensor, targets: LossTargets, loss: any LossFunction,
        classWeights: [Float]?, workspace ws: MLPGradientWorkspace
    ) -> MLPLossGradient {
        let rows = features.shape[0]
        let count = params.count / 2
        let widths = [features.shape[1]] + (0..<count).map { params[2 * $0].shape[0] }
        ws.prepare(rows: rows, widths: widths)
        // forward
        for i in 0..<count {
            let x = i == 0 ? features.pointer : ws.outputs[i - 1].pointer
            let (inputs, outs) = (widths[i], widths[i + 1])
            let (w, b) = (params[2 * i].pointer, params[2 * i + 1].pointer)
            if let fused = i == count - 1 ? .identity : spec.activation.fused {
                DenseKernel.forward(
                    rows: rows, inputs: inputs, outputs: outs, x: x, w: w, b: b, activation: fused,
                    y: ws.outputs[i].uniquePointer())
            } else {
                let z = ws.pre[i].uniquePointer()
                DenseKernel.linearForward(rows: rows, inputs: inputs, outputs: outs, x: x, w: w, b: b, y: z)
                let y = ws.outputs[i].uniquePointer()
                let f = scalarActivation(spec.activation)
                for e in 0..<(rows * outs) { y[e] = f.value(z[e]) }
            }
        }
        // the loss and ∂L/∂outputs
        let out = ws.outputs[count - 1]
        let value: Float
        let gOut: Tensor
        if let ce = loss as? CrossEntropyLoss, case .labels(let labels) = targets {
            let k = widths[count]
            var logits = out.pointer
            if ce.temperature != 1 {
                let t = ce.temperature
                let s = ws.scaledLogits.uniquePointer()
                Lanes.map(Lanes.Divide(by: t), out.pointer, into: s, count: rows * k)
                logits = UnsafePointer(s)
            }
            value = FusedCrossEntropy.lossAndGradient(
                logits: logits, rows: rows, classes: k, labels: labels, classWeights: classWeights,
                temperature: ce.temperature, scratch: ws.lossScratch.uniquePointer(),
                gradient: ws.upstream[count - 1].uniquePointer())
            gOut = ws.upstream[count - 1]
        } else {
            let tape = ws.lossTape
            tape.reset()
            let z = tape.parameter(out)
            let l = loss.batchLoss(z, targets, classWeights: classWeights)
            value = l.value.scalar
            gOut = tape.gradients(of: l).of(z)
            tape.reset()
        }
        // backward
        for i in stride(from: count - 1, through: 0, by: -1) {
            let x = i == 0 ? features.pointer : ws.outputs[i - 1].pointer
            let (inputs, outs) = (widths[i], widths[i + 1])
            let g = i == count - 1 ? gOut.pointer : ws.upstream[i].pointer
            let dz = ws.dz[i].uniquePointer()
            let dw = ws.grads[2 * i].uniquePointer(), db = ws.grads[2 * i + 1].uniquePointer()
            if let fused = i == count - 1 ? .identity : spec.activation.fused {
                DenseKernel.activationGradient(
                    rows: rows, cols: outs, g: g, y: ws.outputs[i].pointer, activation: fused, dz: dz, db: db)
            } else {
                let f = scalarActivation(spec.activation)
                ScalarActivation.backward(count: rows * outs, g: g, x: ws.pre[i].pointer, d: dz, f.derivative)
                DenseKernel.columnSums(rows: rows, cols: outs, g: dz, db: db)
            }
            DenseKernel.weightGradient(rows: rows, inputs: inputs, outputs: outs, dz: dz, x: x, dw: dw)
            if i > 0 {
                DenseKernel.inputGradient(
                    rows: rows, inputs: inputs, outputs: outs, dz: dz, w: params[2 * i].pointer,
                    dx: ws.upstream[i - 1].uniquePointer())
            }
        }
        withExtendedLifetime(gOut) {}
        return MLPLossGradient(loss: value, gradients: ws.grads, outputs: out)
    }

    private func scalarActivation(_ a: Activation) -> (value: (Float) -> Float, derivative: (Float) -> Float) {
        switch a {
        case .gelu: return (ScalarActivation.gelu, ScalarActivation.geluDerivative)
        case .sin: return (ScalarActivation.sin, ScalarActivation.sinDerivative)
        default: preconditionFailure("\(a) has a fused dense form")
        }
    }
}
