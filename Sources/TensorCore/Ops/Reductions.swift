import Kernels8

/// Differentiable reductions.
extension Variable {
    /// Sum of all elements (a scalar).
    public func sum() -> Variable {
        let s = shape
        return tape.record(Tensor(scalar: value.sum()), inputs: self) { [selfID = self.id] g, acc in
            acc.add(Tensor(shape: s, repeating: g.scalar), to: selfID)
        }
    }

    /// Mean of all elements (a scalar).
    public func mean() -> Variable { sum() / Float(Swift.max(shape.count, 1)) }

    /// Sum along `axis`.
    public func sum(alongAxis axis: Int, keepingDimension keep: Bool = false) -> Variable {
        let s = shape
        return tape.record(value.sum(alongAxis: axis, keepingDimension: keep), inputs: self) { [selfID = self.id] g, acc in
            acc.add(g.reshaped(s.replacing(axis: axis, with: 1)).broadcast(to: s), to: selfID)
        }
    }

    /// Mean along `axis`.
    public func mean(alongAxis axis: Int, keepingDimension keep: Bool = false) -> Variable {
        sum(alongAxis: axis, keepingDimension: keep) / Float(Swift.max(shape[axis], 1))
    }

    /// Max along `axis`; the gradient goes to the first maximal element.
    public func max(alongAxis axis: Int, keepingDimension keep: Bool = false) -> Variable {
        extreme(axis, keep, max: true)
    }

    /// Min along `axis`; the gradient goes to the first minimal element.
    public func min(alongAxis axis: Int, keepingDimension keep: Bool = false) -> Variable {
        extreme(axis, keep, max: false)
    }

    private func extreme(_ axis: Int, _ keep: Bool, max: Bool) -> Variable {
        let s = shape
        let (v, idx) = value.extreme(alongAxis: axis, keepingDimension: keep, max: max)
        return tape.record(v, inputs: self) { [selfID = self.id] g, acc in
            var d = Tensor.zeros(s)
            let pg = g.pointer
            d.withUnsafeMutableBufferPointer { b in for (o, i) in idx.enumerated() { b[i] += pg[o] } }
            acc.add(d, to: selfID)
        }
    }

    /// log Σ_j e^{x_j} along the last axis (stable); gradient softmax(x).
    public func logSumExp() -> Variable {
        let x = value
        return tape.record(x.logSumExpRows(), inputs: self) { [selfID = self.id] g, acc in
            let p = x.softmaxRows()
            acc.add(p * g.reshaped(x.shape.replacing(axis: x.rank - 1, with: 1)), to: selfID)
        }
    }

    /// softmax along the last axis; backward p ⊙ (g − Σ_j g_j p_j).
    public func softmax() -> Variable {
        let p = value.softmaxRows()
        return tape.record(p, inputs: self) { [selfID = self.id] g, acc in
            let dot = (g * p).sum(alongAxis: p.rank - 1, keepingDimension: true)
            acc.add(p * (g - dot), to: selfID)
        }
    }

    /// log-softmax along the last axis (fused, stable); backward g − softmax·Σ_j g_j.
    public func logSoftmax() -> Variable {
        let y = value.logSoftmaxRows()
        return tape.record(y, inputs: self) { [selfID = self.id] g, acc in
            let p = y.mapSIMD(FastMath.exp)
            acc.add(g - p * g.sum(alongAxis: y.rank - 1, keepingDimension: true), to: selfID)
        }
    }
}
