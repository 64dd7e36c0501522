import TensorCore

/// A classification loss defined one example at a time by a Double kernel that
/// returns ℓ(z, y) and, when asked, writes ∂ℓ/∂z.
///
/// `perExample` (the protocol's default) is `rowwiseLossNode(z, labels:, loss: self)`, one
/// fused tape node: the forward pass evaluates the kernel on every row (with the
/// gradient too when the logits need one); the backward pass scales each row's
/// gradient by its upstream gradient (rows whose upstream is 0, e.g. a class of
/// weight 0, get 0 even where ∂ℓ/∂z overflows). Kernels work in Double (see
/// ``DMath``). Every hand-written kernel gradient is checked by finite
/// differences and against the PyTorch fixtures in the tests.
protocol RowwiseClassificationLoss: LossFunction {
    /// Evaluate at z − max_k z_k (true for every shift-invariant loss).
    static var centersLogits: Bool { get }
    /// The kernel reads `logp`, `p`, `logPy` or `logOneMinusPy`.
    static var usesSoftmax: Bool { get }
    /// ℓ for one row; writes ∂ℓ/∂z_k for every k into `gradient` when it is non-nil.
    func rowLoss(_ row: LogitRow, gradient: UnsafeMutablePointer<Double>?) -> Double
}

extension RowwiseClassificationLoss {
    static var centersLogits: Bool { true }
    static var usesSoftmax: Bool { true }

    /// One fused node evaluating `rowLoss` on every row.
    public func perExample(_ z: Variable, _ targets: LossTargets) -> Variable {
        rowwiseLossNode(z, labels: targets.labels, loss: self)
    }
}

/// The fused node of a row-wise loss: values [N] from logits [N, K].
///
/// When the logits need a gradient, the forward pass evaluates each row's
/// gradient along with its value (they share the softmax) and keeps it; the
/// backward pass only scales row i by its upstream gradient g_i (0 where g_i = 0).
func rowwiseLossNode<L: RowwiseClassificationLoss>(_ z: Variable, labels: [Int], loss: L) -> Variable {
    let x = z.value
    precondition(x.rank == 2 && x.shape[0] == labels.count, "\(labels.count) labels for logits \(x.shape)")
    let n = x.shape[0], k = x.shape[1]
    for y in labels { precondition(y >= 0 && y < k, "label \(y) outside 0..<\(k)") }
    let wantsGradient = z.needsGrad
    var values = Tensor(uninitializedShape: [n])
    var rowGradients = Tensor(uninitializedShape: wantsGradient ? x.shape : [0])
    withUnsafeTemporaryAllocation(of: Double.self, capacity: (LogitRow.scratchPerClass + 1) * k) { scratch in
        let grad = scratch.baseAddress! + LogitRow.scratchPerClass * k
        values.withUnsafeMutableBufferPointer { out in
            rowGradients.withUnsafeMutableBufferPointer { gout in
                for i in 0..<n {
                    var row = LogitRow(count: k, label: labels[i], scratch: scratch.baseAddress!)
                    row.load(x.pointer + i * k, centered: L.centersLogits, softmax: L.usesSoftmax)
                    out[i] = Float(loss.rowLoss(row, gradient: wantsGradient ? grad : nil))
                    if wantsGradient { for j in 0..<k { gout[i * k + j] = Float(grad[j]) } }
                }
            }
        }
    }
    return z.tape.record(values, inputs: z) { [zID = z.id] upstream, acc in
        var d = rowGradients
        let g = upstream.pointer
        d.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                let gi = g[i]
                for j in 0..<k { out[i * k + j] = gi == 0 ? 0 : gi * out[i * k + j] }
            }
        }
        acc.add(d, to: zID)
    }
}
