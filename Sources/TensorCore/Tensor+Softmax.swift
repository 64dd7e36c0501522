import Kernels8

/// Row-wise (last-axis) softmax family, stable: the row maximum is subtracted
/// before exponentiating, so logits up to ±1e4 (and beyond) give finite results.
extension Tensor {
    /// x − max(x) per row, and e^(x − max) per row, and the row sums of the latter.
    func shiftedExp() -> (shifted: Tensor, exp: Tensor, sums: [Float]) {
        let n = shape.last, rows = shape.rows
        var shifted = Tensor(uninitializedShape: shape)
        let src = pointer
        shifted.withUnsafeMutableBufferPointer { d in
            for r in 0..<rows {
                let row = src + r * n
                var m = -Float.infinity
                for j in 0..<n where row[j] > m || row[j].isNaN { m = row[j]; if m.isNaN { break } }
                if m == -.infinity { m = 0 }  // a row of −inf: keep −inf − 0
                for j in 0..<n { d[r * n + j] = row[j] - m }
            }
        }
        let e = shifted.mapSIMD { FastMath.exp($0) }
        var sums = [Float](repeating: 0, count: rows)
        let pe = e.pointer
        for r in 0..<rows {
            var s: Float = 0
            for j in 0..<n { s += pe[r * n + j] }
            sums[r] = s
        }
        return (shifted, e, sums)
    }

    /// softmax along the last axis: p_j = e^{x_j − m} / Σ_k e^{x_k − m}.
    public func softmaxRows() -> Tensor {
        var (_, e, sums) = shiftedExp()
        let n = shape.last
        e.withUnsafeMutableBufferPointer { d in
            for r in 0..<sums.count {
                let inv = 1 / sums[r]
                for j in 0..<n { d[r * n + j] *= inv }
            }
        }
        return e
    }

    /// log-softmax along the last axis: x_j − m − log Σ_k e^{x_k − m}.
    public func logSoftmaxRows() -> Tensor {
        var (shifted, _, sums) = shiftedExp()
        let n = shape.last
        let logs = Tensor(sums).mapSIMD { FastMath.log($0) }
        shifted.withUnsafeMutableBufferPointer { d in
            for r in 0..<sums.count {
                let l = logs[flat: r]
                for j in 0..<n { d[r * n + j] -= l }
            }
        }
        return shifted
    }

    /// log Σ_j e^{x_j} along the last axis (shape without the last axis).
    public func logSumExpRows() -> Tensor {
        let n = shape.last, rows = shape.rows
        let (_, _, sums) = shiftedExp()
        let logs = Tensor(sums).mapSIMD { FastMath.log($0) }
        var out = Tensor(uninitializedShape: shape.removing(axis: rank - 1))
        let src = pointer
        out.withUnsafeMutableBufferPointer { d in
            for r in 0..<rows {
                var m = -Float.infinity
                for j in 0..<n where src[r * n + j] > m || src[r * n + j].isNaN { m = src[r * n + j]; if m.isNaN { break } }
                d[r] = (m == -.infinity ? -.infinity : m + logs[flat: r])
            }
        }
        return out
    }
}
