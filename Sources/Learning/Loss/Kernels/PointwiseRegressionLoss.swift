import TensorCore

/// A regression loss ℓ(e) of the error e = ŷ − y alone, given by a Double kernel
/// returning the value and the derivative dℓ/de.
///
/// `perExample` (the protocol's default) is `pointwiseLossNode(ŷ, targets:, loss: self)`: one fused
/// tape node whose backward pass is upstream·ℓ'(e), checked by finite differences in the tests.
protocol PointwiseRegressionLoss: LossFunction {
    /// (ℓ(e), dℓ/de).
    func pointLoss(_ e: Double) -> (value: Double, derivative: Double)
}

extension PointwiseRegressionLoss {
    /// One fused node evaluating `pointLoss` on every error.
    public func perExample(_ yhat: Variable, _ targets: LossTargets) -> Variable {
        pointwiseLossNode(yhat, targets: targets, loss: self)
    }
}

/// The errors e_i = ŷ_i − y_i in Double; predictions [N] or [N, 1], targets [N].
func regressionErrors(_ predictions: Tensor, _ targets: Tensor) -> [Double] {
    let n = predictions.count
    precondition(targets.count == n, "\(targets.count) targets for \(n) predictions")
    let p = predictions.pointer, t = targets.pointer
    return (0..<n).map { Double(p[$0]) - Double(t[$0]) }
}

/// The fused node of a pointwise regression loss: values [N].
func pointwiseLossNode<L: PointwiseRegressionLoss>(_ yhat: Variable, targets: LossTargets, loss: L) -> Variable {
    let e = regressionErrors(yhat.value, targets.values)
    let values = Tensor(e.map { Float(loss.pointLoss($0).value) })
    let shape = yhat.shape
    return yhat.tape.record(values, inputs: yhat) { [yhatID = yhat.id] upstream, acc in
        let g = upstream.pointer
        let d = (0..<e.count).map { i -> Float in
            let gi = Double(g[i])
            return gi == 0 ? 0 : Float(gi * loss.pointLoss(e[i]).derivative)
        }
        acc.add(Tensor(shape: shape, scalars: d), to: yhatID)
    }
}
