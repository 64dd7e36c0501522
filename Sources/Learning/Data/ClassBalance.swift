import Platform

/// Per-class point counts for generated classification data.
///
/// Class imbalance follows the exponential profile of the long-tail literature
/// (Cui et al. 2019, Cao et al. 2019): n_c ∝ ρ^(−c/(K−1)) for c = 0…K−1, so
/// class 0 is the largest and n_0 / n_{K−1} ≈ ρ. It shapes the TRAINING split
/// only; the test split stays balanced so test accuracy weighs every class
/// equally.
enum ClassBalance {
    /// Counts summing to `total` with n_c ∝ ρ^(−c/(K−1)), by largest-remainder
    /// rounding (ties go to the lower class), then at least `minimum` per
    /// class (taken one at a time from the currently largest class).
    /// ρ = 1 gives a balanced split: ⌊total/K⌋ each, the first total mod K
    /// classes one more.
    static func counts(total: Int, classes k: Int, ratio rho: Double, minimum: Int) -> [Int] {
        precondition(k >= 1 && total >= 0)
        let weights = (0..<k).map { c in k == 1 ? 1.0 : LibM.pow(rho, -Double(c) / Double(k - 1)) }
        let sum = weights.reduce(0, +)
        let quotas = weights.map { Double(total) * $0 / sum }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let order = (0..<k).sorted { a, b in
            let fa = quotas[a] - Double(counts[a]), fb = quotas[b] - Double(counts[b])
            return fa != fb ? fa > fb : a < b
        }
        var left = total - counts.reduce(0, +)
        var i = 0
        while left > 0 { counts[order[i % k]] += 1; left -= 1; i += 1 }
        if total >= minimum * k {
            for c in 0..<k {
                while counts[c] < minimum {
                    let donor = (0..<k).max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
                    counts[donor] -= 1
                    counts[c] += 1
                }
            }
        }
        return counts
    }
}
