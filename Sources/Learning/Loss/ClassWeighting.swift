import Platform

/// Per-class weights from the training-set class counts n_c (after label noise).
///
/// The batch loss becomes Σ w_{yᵢ} ℓᵢ / Σ w_{yᵢ} (PyTorch's weighted-mean
/// convention). Class-Balanced Loss (Cui et al. 2019) for the effective number.
public enum ClassWeighting: String, CaseIterable, Sendable {
    /// No weights: the plain mean.
    case none
    /// w_c = 1/n_c.
    case inverse
    /// w_c = 1/√n_c.
    case sqrt
    /// w_c = (1 − β)/(1 − β^{n_c}), β = `weighting_beta` (default 0.999).
    case effective

    public static let defaultBeta = 0.999

    /// The weights, or nil for `.none`. A class absent from training gets 0
    /// (no example uses it).
    public func weights(classCounts: [Int], beta: Double = ClassWeighting.defaultBeta) -> [Float]? {
        switch self {
        case .none: return nil
        case .inverse: return classCounts.map { $0 > 0 ? Float(1 / Double($0)) : 0 }
        case .sqrt: return classCounts.map { $0 > 0 ? Float(1 / Double($0).squareRoot()) : 0 }
        case .effective:
            return classCounts.map { n in
                n > 0 ? Float((1 - beta) / (1 - LibM.pow(beta, Double(n)))) : 0
            }
        }
    }
}
