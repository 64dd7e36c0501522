import TensorCore

/// Softmax cross-entropy written straight into a gradient buffer: the fused training step's loss
/// for `cross_entropy`, without tape nodes or allocations.
///
/// It performs the arithmetic of ``softmaxCrossEntropy(_:labels:classWeights:temperature:)`` in the
/// same order, element by element (the shifted logits z − max, e^(z − max) and its row sum in
/// order, log of the sum, log p = z − max − log Σ; the value −Σ wᵢ log p_{yᵢ} / Σ wᵢ in Double; the
/// gradient (e^{log p} − e_y)·wᵢ/(Σw·T)), so both give the same bits; the tests compare them.
enum FusedCrossEntropy {
    /// The batch loss of logits [rows, k] (already divided by T when T ≠ 1, into `logits`), writing
    /// ∂L/∂z into `gradient` [rows, k]. `scratch` holds rows·k + rows floats.
    static func lossAndGradient(
        logits z: UnsafePointer<Float>, rows n: Int, classes k: Int, labels: [Int], classWeights: [Float]?,
        temperature: Float, scratch: UnsafeMutablePointer<Float>, gradient d: UnsafeMutablePointer<Float>
    ) -> Float {
        let count = n &* k
        logSoftmax(logits: z, rows: n, classes: k, scratch: scratch, work: d)
        let logp = scratch
        var total = 0.0, wsum = 0.0
        accumulate(logp, rows: n, classes: k, labels: labels, classWeights: classWeights, total: &total, weightSum: &wsum)
        let den = wsum > 0 ? wsum : 1
        // the backward pass, seeded with 1: (e^{log p} − e_y)·wᵢ/(Σw)/T
        Lanes.map(Lanes.Exp(), UnsafePointer(logp), into: d, count: count)
        let scale = 1 / Float(den) / temperature
        labels.withUnsafeBufferPointer { y in
            for i in 0..<n { d[i &* k &+ y[i]] -= 1 }
            if let w = classWeights {
                for i in 0..<n {
                    let s = scale * w[y[i]]
                    for j in 0..<k { d[i &* k &+ j] *= s }
                }
            } else {
                for j in 0..<count { d[j] *= scale * 1 }
            }
        }
        return Float(total / den)
    }

    /// The batch loss alone (the landscape's value of cross-entropy): the same bits as
    /// `lossAndGradient`'s value. `scratch` holds 2·rows·k + rows floats.
    static func loss(
        logits z: UnsafePointer<Float>, rows n: Int, classes k: Int, labels: [Int], classWeights: [Float]?,
        scratch: UnsafeMutablePointer<Float>
    ) -> Float {
        logSoftmax(logits: z, rows: n, classes: k, scratch: scratch, work: scratch + (n &* k &+ n))
        var total = 0.0, wsum = 0.0
        accumulate(scratch, rows: n, classes: k, labels: labels, classWeights: classWeights, total: &total, weightSum: &wsum)
        return Float(total / (wsum > 0 ? wsum : 1))
    }

    /// −Σ wᵢ log p_{yᵢ} and Σ wᵢ in Double, in row order.
    static func accumulate(
        _ logp: UnsafeMutablePointer<Float>, rows n: Int, classes k: Int, labels: [Int], classWeights: [Float]?,
        total: inout Double, weightSum wsum: inout Double
    ) {
        labels.withUnsafeBufferPointer { y in
            if let w = classWeights {
                for i in 0..<n {
                    let wi = Double(w[y[i]])
                    total -= wi * Double(logp[i &* k &+ y[i]])
                    wsum += wi
                }
            } else {
                for i in 0..<n {
                    total -= 1 * Double(logp[i &* k &+ y[i]])
                    wsum += 1
                }
            }
        }
    }

    /// log-softmax of logits [rows, k] into `scratch` [rows·k] (the row sums after it, [rows]), using
    /// `work` [rows·k] for the exponentials.
    static func logSoftmax(
        logits z: UnsafePointer<Float>, rows n: Int, classes k: Int, scratch: UnsafeMutablePointer<Float>,
        work d: UnsafeMutablePointer<Float>
    ) {
        guard k == 2 && n >= 8 else {
            logSoftmaxRows(logits: z, rows: n, classes: k, logp: scratch, sums: scratch + n &* k, work: d)
            return
        }
        // Two classes: eight rows per pass from one 16-float load (even lanes z₀, odd lanes z₁), the same
        // operations per element as the general path; the rows left over go through it.
        let blocked = n & ~7
        for r in stride(from: 0, to: blocked, by: 8) {
            let v = UnsafeRawPointer(z + 2 &* r).loadUnaligned(as: SIMD16<Float>.self)
            let z0 = v.evenHalf, z1 = v.oddHalf
            var m = V(repeating: -.infinity)
            m.replace(with: z0, where: (z0 .> m .| z0 .!= z0) .& (m .== m))
            m.replace(with: z1, where: (z1 .> m .| z1 .!= z1) .& (m .== m))
            m.replace(with: 0, where: m .== -.infinity)
            let s0 = z0 - m, s1 = z1 - m
            var sum = V(repeating: 0)
            sum += FastMath.exp(s0)
            sum += FastMath.exp(s1)
            let l = FastMath.log(sum)
            let p0 = s0 - l, p1 = s1 - l
            let out = scratch + 2 &* r
            for i in 0..<8 {
                out[2 &* i] = p0[i]
                out[2 &* i &+ 1] = p1[i]
            }
        }
        if blocked < n {
            let rest = n &- blocked
            logSoftmaxRows(
                logits: z + 2 &* blocked, rows: rest, classes: 2, logp: scratch + 2 &* blocked, sums: scratch + 2 &* n, work: d)
        }
    }

    /// The general path of `logSoftmax`: logp [rows·k], row sums [rows], exponentials in `work`.
    static func logSoftmaxRows(
        logits z: UnsafePointer<Float>, rows n: Int, classes k: Int, logp: UnsafeMutablePointer<Float>,
        sums: UnsafeMutablePointer<Float>, work d: UnsafeMutablePointer<Float>
    ) {
        let count = n &* k
        let logpIn = UnsafePointer(logp), sumsIn = UnsafePointer(sums)
        let blocked = n & ~7  // rows handled eight at a time, one row per lane
        // x − max per row (max: the first NaN stops; a row of −inf keeps −inf − 0)
        for r in stride(from: 0, to: blocked, by: 8) {
            var m = V(repeating: -.infinity)
            for j in 0..<k {
                let v = column(z, r, j, k)
                m.replace(with: v, where: (v .> m .| v .!= v) .& (m .== m))
            }
            m.replace(with: 0, where: m .== -.infinity)
            for j in 0..<k { scatter(column(z, r, j, k) - m, logp, r, j, k) }
        }
        for r in blocked..<n {
            let row = z + r &* k
            var m = -Float.infinity
            for j in 0..<k where row[j] > m || row[j].isNaN { m = row[j]; if m.isNaN { break } }
            if m == -.infinity { m = 0 }
            for j in 0..<k { logp[r &* k &+ j] = row[j] - m }
        }
        // e^(x − max) into the gradient buffer (free until the end), row sums in order
        Lanes.map(Lanes.Exp(), logpIn, into: d, count: count)
        for r in stride(from: 0, to: blocked, by: 8) {
            var s = V(repeating: 0)
            for j in 0..<k { s += column(d, r, j, k) }
            UnsafeMutableRawPointer(sums + r).storeBytes(of: s, as: V.self)
        }
        for r in blocked..<n {
            var s: Float = 0
            for j in 0..<k { s += d[r &* k &+ j] }
            sums[r] = s
        }
        Lanes.map(Lanes.Log(), sumsIn, into: sums, count: n)
        for r in stride(from: 0, to: blocked, by: 8) {
            let l = UnsafeRawPointer(sums + r).loadUnaligned(as: V.self)
            for j in 0..<k { scatter(column(logp, r, j, k) - l, logp, r, j, k) }
        }
        for r in blocked..<n {
            let l = sums[r]
            for j in 0..<k { logp[r &* k &+ j] -= l }
        }
    }

    typealias V = SIMD8<Float>

    /// Column j of eight rows from r: z[(r + l)·k + j] for l < 8.
    @inline(__always)
    static func column(_ z: UnsafePointer<Float>, _ r: Int, _ j: Int, _ k: Int) -> V {
        let p = z + (r &* k &+ j)
        return V(p[0], p[k], p[2 &* k], p[3 &* k], p[4 &* k], p[5 &* k], p[6 &* k], p[7 &* k])
    }

    @inline(__always)
    static func column(_ z: UnsafeMutablePointer<Float>, _ r: Int, _ j: Int, _ k: Int) -> V {
        column(UnsafePointer(z), r, j, k)
    }

    @inline(__always)
    static func scatter(_ v: V, _ z: UnsafeMutablePointer<Float>, _ r: Int, _ j: Int, _ k: Int) {
        let p = z + (r &* k &+ j)
        for l in 0..<8 { p[l &* k] = v[l] }
    }
}
