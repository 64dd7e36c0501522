/// One example's logits in Double, with the softmax quantities the row kernels share.
///
/// Filled by ``RowwiseClassificationLoss``'s node from a row of Float logits:
/// - `z`: the logits minus the row maximum for shift-invariant losses (every
///   classification loss but taylor_softmax and squentropy), else the raw logits.
///   Subtracting the maximum first keeps every intermediate small, so logits
///   of ±1e4 lose nothing (margins, Δ_y, τ·log π are added afterwards).
/// - `logp`, `p`: log-softmax and softmax of `z` (only when the loss asks for them).
/// - `work`: count Doubles of scratch for the kernel.
/// - `logPy` = log p_y and `logOneMinusPy` = log(1 − p_y), the latter accurate at
///   both ends: log Σ_{k≠y} e^{z_k − max} − log Σ_k e^{z_k − max} (a sum of positive
///   terms, no cancellation as p_y → 1); where that sum underflows, log1p(−p_y) for
///   p_y ≤ ½ and logsumexp_{k≠y} log p_k above ½ (finite even when 1 − p_y underflows).
struct LogitRow {
    let count: Int
    let label: Int
    let z: UnsafeMutablePointer<Double>
    let logp: UnsafeMutablePointer<Double>
    let p: UnsafeMutablePointer<Double>
    let work: UnsafeMutablePointer<Double>
    private(set) var logSumExp = 0.0
    private(set) var logPy = 0.0
    private(set) var logOneMinusPy = 0.0
    /// p_y and 1 − p_y (the latter as Σ_{k≠y} p_k, exact where p_y rounds to 1).
    private(set) var py = 0.0, oneMinusPy = 0.0

    /// Scratch Doubles a row needs per class.
    static let scratchPerClass = 4

    /// A row over scratch memory of at least `scratchPerClass`·count Doubles.
    init(count: Int, label: Int, scratch: UnsafeMutablePointer<Double>) {
        self.count = count
        self.label = label
        z = scratch
        logp = scratch + count
        p = scratch + 2 * count
        work = scratch + 3 * count
    }

    /// Copies a row of logits, subtracting its maximum when `centered`, and
    /// computes the softmax quantities when `softmax`.
    mutating func load(_ x: UnsafePointer<Float>, centered: Bool, softmax: Bool) {
        var m = -Double.infinity
        for k in 0..<count { m = Swift.max(m, Double(x[k])) }
        let shift = centered && m.isFinite ? m : 0
        for k in 0..<count { z[k] = Double(x[k]) - shift }
        if softmax { computeSoftmax(max: m - shift) }
    }

    private mutating func computeSoftmax(max m: Double) {
        var s = 0.0, others = 0.0
        for k in 0..<count {
            p[k] = DMath.exp(z[k] - m)
            s += p[k]
            if k != label { others += p[k] }
        }
        let logS = DMath.log(s)
        logSumExp = m + logS
        for k in 0..<count {
            logp[k] = z[k] - logSumExp
            p[k] /= s
        }
        logPy = logp[label]
        py = p[label]
        if others > 1e-280 {
            // Σ_{k≠y} e^{z_k − m} is a sum of positive terms: log(1 − p_y) without cancellation.
            logOneMinusPy = DMath.log(others) - logS
            oneMinusPy = others / s
        } else if logPy <= -DMath.log2 {
            logOneMinusPy = DMath.log1p(-DMath.exp(logPy))
            oneMinusPy = DMath.exp(logOneMinusPy)
        } else {
            var mo = -Double.infinity
            for k in 0..<count where k != label { mo = Swift.max(mo, logp[k]) }
            var so = 0.0
            for k in 0..<count where k != label { so += DMath.exp(logp[k] - mo) }
            logOneMinusPy = mo + DMath.log(so)
            oneMinusPy = DMath.exp(logOneMinusPy)
        }
    }

    /// a·x with 0·∞ = 0: a loss that overflows (comp_sum τ < 1) keeps a gradient free of NaN.
    private func times(_ a: Double, _ x: Double) -> Double { x == 0 ? 0 : a * x }

    /// Writes ∂ℓ/∂z for a loss ℓ(L, U) of L = log p_y and U = log(1 − p_y):
    /// g = ℓ_L·(e_y − p) + ℓ_U·∂U/∂z, where ∂U/∂z_y = −p_y and, for k ≠ y,
    /// ∂U/∂z_k = p_y·p_k/(1 − p_y) = p_y·exp(log p_k − U). Both parts are exactly
    /// proportional to p_y where they should be, and finite at every extreme.
    func writeGradient(_ g: UnsafeMutablePointer<Double>, dLogPy a: Double, dLogOneMinusPy b: Double = 0) {
        let py = self.py, q = oneMinusPy
        // p_k/(1 − p_y) by division while 1 − p_y is far from underflow, else in logs.
        let divide = q > 1e-250
        for k in 0..<count {
            if k == label {
                g[k] = times(a, q) - times(b, py)
            } else if b == 0 {
                g[k] = -times(a, p[k])
            } else {
                let share = divide ? p[k] / q : DMath.exp(logp[k] - logOneMinusPy)
                g[k] = -times(a, p[k]) + times(b, py * share)
            }
        }
    }

    /// The margin m = z_y − max_{k≠y} z_k and the first index attaining that max
    /// (PyTorch's argmax convention: ties send the gradient to the first).
    var margin: (value: Double, rival: Int) {
        var best = -1
        for k in 0..<count where k != label && (best < 0 || z[k] > z[best]) { best = k }
        return (z[label] - z[best], best)
    }

    /// Writes ∂ℓ/∂z for a loss of the margin alone: ℓ_m·(e_y − e_rival).
    func writeMarginGradient(_ g: UnsafeMutablePointer<Double>, dMargin d: Double, rival: Int) {
        for k in 0..<count { g[k] = 0 }
        g[label] = d
        g[rival] -= d
    }

    /// Cross-entropy of adjusted logits w (in place of z): ℓ = logsumexp(w) − w_y.
    /// Writes scale·(softmax(w) − e_y) into `gradient` when non-nil, with
    /// softmax(w)_y − 1 taken as −Σ_{k≠y} softmax(w)_k (no cancellation).
    func crossEntropy(
        of w: UnsafeMutablePointer<Double>, gradient g: UnsafeMutablePointer<Double>?,
        scale: Double = 1
    ) -> Double {
        var m = -Double.infinity
        for k in 0..<count { m = Swift.max(m, w[k]) }
        var s = 0.0
        for k in 0..<count { s += DMath.exp(w[k] - m) }
        let lse = m + DMath.log(s)
        if let g {
            var others = 0.0
            for k in 0..<count where k != label {
                g[k] = DMath.exp(w[k] - lse)
                others += g[k]
                g[k] *= scale
            }
            g[label] = -others * scale
        }
        return lse - w[label]
    }
}
