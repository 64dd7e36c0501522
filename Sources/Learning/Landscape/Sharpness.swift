import TensorCore

/// Sharpness: the largest-magnitude eigenvalue λ of the Hessian H = ∇²L(θ) of
/// the loss over all parameters (Keskar et al. 2017; Li et al. 2018, §6;
/// the loss catalogue), by power iteration with Hessian-vector products.
///
/// Hv is a central finite difference of gradients,
/// Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / (2ε) with ‖v‖ = 1 (exact for a quadratic
/// up to rounding; O(ε²) otherwise). Iteration: w = Hvₖ, λₖ = ⟨vₖ, w⟩
/// (Rayleigh quotient, signed), vₖ₊₁ = w/‖w‖, from a Gaussian start vector of
/// the `sharpness` stream; stops when |λₖ − λₖ₋₁| ≤ tolerance·|λₖ| or after
/// `maxIterations`. Each iteration costs two gradient evaluations.
public enum Sharpness {
    public struct Options: Sendable, Equatable {
        public var maxIterations: Int = 100
        public var tolerance: Double = 1e-5
        /// The finite-difference step ε along a unit vector.
        public var epsilon: Float = 1e-3
        public var seed: UInt64 = 0

        public init(maxIterations: Int = 100, tolerance: Double = 1e-5, epsilon: Float = 1e-3, seed: UInt64 = 0) {
            self.maxIterations = maxIterations
            self.tolerance = tolerance
            self.epsilon = epsilon
            self.seed = seed
        }
    }

    public struct Result: Sendable {
        /// λ, the eigenvalue of largest magnitude (signed).
        public let eigenvalue: Double
        /// Its unit eigenvector (shaped like the parameters): a warm start for the next call.
        public let eigenvector: [Tensor]
        public let iterations: Int
        public let converged: Bool
    }

    /// H·v at `parameters` by central differences (v of unit norm).
    public static func hessianVectorProduct(
        _ objective: LandscapeObjective, at parameters: [Tensor],
        _ v: [Tensor], epsilon: Float, tape: Tape = Tape()
    ) -> [Tensor] {
        let plus = objective.gradient(at: ParameterVector.combination(parameters, [(epsilon, v)]), tape: tape).gradient
        let minus = objective.gradient(at: ParameterVector.combination(parameters, [(-epsilon, v)]), tape: tape).gradient
        return zip(plus, minus).map { gp, gm in
            var out = Tensor(uninitializedShape: gp.shape)
            let a = gp.pointer, b = gm.pointer
            let inv = 1 / (2 * Double(epsilon))
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<o.count { o[i] = Float((Double(a[i]) - Double(b[i])) * inv) }
            }
            return out
        }
    }

    /// The top (largest-magnitude) Hessian eigenvalue of the objective's loss
    /// at `parameters` (default: the centre). `start` warm-starts the
    /// iteration (e.g. the previous eigenvector while tracking over training).
    public static func topEigenvalue(
        _ objective: LandscapeObjective, at parameters: [Tensor]? = nil,
        options: Options = Options(), start: [Tensor]? = nil
    ) -> Result {
        let theta = parameters ?? objective.center
        let tape = Tape()
        var v: [Tensor]
        if let start, ParameterVector.norm(start) > 0 {
            v = start
        } else {
            var rng = SeededRandom(seed: options.seed, stream: "sharpness")
            v = theta.map { Tensor.randomNormal($0.shape, using: &rng) }
        }
        v = scaled(v, 1 / ParameterVector.norm(v))
        var lambda = 0.0
        for k in 1...max(1, options.maxIterations) {
            let w = hessianVectorProduct(objective, at: theta, v, epsilon: options.epsilon, tape: tape)
            let next = ParameterVector.dot(v, w)
            let norm = ParameterVector.norm(w)
            let done = k > 1 && abs(next - lambda) <= options.tolerance * abs(next)
            lambda = next
            if norm == 0 || !norm.isFinite {
                return Result(eigenvalue: norm == 0 ? 0 : .nan, eigenvector: v, iterations: k, converged: norm == 0)
            }
            v = scaled(w, 1 / norm)
            if done { return Result(eigenvalue: lambda, eigenvector: v, iterations: k, converged: true) }
        }
        return Result(eigenvalue: lambda, eigenvector: v, iterations: options.maxIterations, converged: false)
    }

    static func scaled(_ v: [Tensor], _ c: Double) -> [Tensor] {
        v.map { t in
            var o = t
            o.withUnsafeMutableBufferPointer { b in for i in 0..<b.count { b[i] = Float(Double(b[i]) * c) } }
            return o
        }
    }
}

/// Sharpness tracked over training: each `update` runs a few power
/// iterations warm-started from the previous eigenvector, so following λ
/// step after step costs a handful of gradient pairs instead of a full solve.
public struct SharpnessTracker: Sendable {
    public var options: Sharpness.Options
    public private(set) var eigenvector: [Tensor]?
    /// (step, λ) pairs recorded so far.
    public private(set) var history: [(step: Int, value: Double)] = []

    /// A tracker doing at most `iterations` power iterations per update.
    public init(iterations: Int = 10, options: Sharpness.Options = Sharpness.Options()) {
        var o = options
        o.maxIterations = iterations
        self.options = o
    }

    /// λ at the objective's centre, recorded at `step`.
    @discardableResult
    public mutating func update(_ objective: LandscapeObjective, step: Int) -> Double {
        let r = Sharpness.topEigenvalue(objective, options: options, start: eigenvector)
        eigenvector = r.eigenvector
        history.append((step, r.eigenvalue))
        return r.eigenvalue
    }
}
