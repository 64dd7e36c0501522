import TensorCore

/// How a random direction is rescaled to the weights it perturbs (Li, Xu,
/// Taylor, Studer & Goldstein 2018, "Visualizing the Loss Landscape of Neural
/// Nets", §4).
public enum DirectionNormalization: String, CaseIterable, Sendable {
    /// Filter normalization: each row i of a weight matrix (one output
    /// neuron's incoming weights, the "filter") is rescaled to the norm of the
    /// same row of the weights: dᵢ ← dᵢ·‖wᵢ‖/(‖dᵢ‖ + 1e−10).
    case filter
    /// Each weight matrix as a whole: d ← d·‖W‖_F/(‖d‖_F + 1e−10).
    case layer
    /// The raw Gaussian direction.
    case none
}

/// What the directions do to bias vectors.
public enum BiasDirections: String, CaseIterable, Sendable {
    /// Bias directions are zero: biases are not perturbed (the reference
    /// code's default, ignore = "biasbn").
    case ignore
    /// Each bias vector is normalized as a whole: d ← d·‖b‖/(‖d‖ + 1e−10)
    /// (left raw under `DirectionNormalization.none`).
    case normalize
}

/// Two directions d₁, d₂ in parameter space (shaped like the parameters, in
/// `MLP.parameters` order) spanning the plane of a landscape slice.
public struct LandscapeDirections: Sendable {
    public let d1: [Tensor]
    public let d2: [Tensor]

    public init(d1: [Tensor], d2: [Tensor]) {
        precondition(d1.count == d2.count && zip(d1, d2).allSatisfy { $0.shape == $1.shape }, "directions of different shapes")
        self.d1 = d1
        self.d2 = d2
    }

    /// cos∠(d₁, d₂) over all entries. Random directions in high dimension are
    /// nearly orthogonal; with ~350 parameters expect |cos| ≲ 0.1.
    public var cosine: Double { ParameterVector.cosine(d1, d2) }

    /// The name of the seeded stream the random directions are drawn from.
    public static let stream = "landscape"

    /// Two random directions around `parameters`: every entry ~ N(0, 1) from
    /// the `landscape` stream of `seed` (d₁ first, then d₂, tensors in order,
    /// bias entries drawn too so the options never shift the weights' draws),
    /// then normalized by `normalization` and `biases`.
    public static func random(
        around parameters: [Tensor], seed: UInt64,
        normalization: DirectionNormalization = .filter,
        biases: BiasDirections = .ignore
    ) -> LandscapeDirections {
        var rng = SeededRandom(seed: seed, stream: stream)
        let raw1 = parameters.map { Tensor.randomNormal($0.shape, using: &rng) }
        let raw2 = parameters.map { Tensor.randomNormal($0.shape, using: &rng) }
        return LandscapeDirections(
            d1: normalized(raw1, to: parameters, normalization, biases),
            d2: normalized(raw2, to: parameters, normalization, biases))
    }

    /// `direction` rescaled tensor by tensor to `weights` (see `DirectionNormalization`).
    public static func normalized(
        _ direction: [Tensor], to weights: [Tensor],
        _ normalization: DirectionNormalization, _ biases: BiasDirections
    ) -> [Tensor] {
        precondition(direction.count == weights.count, "direction of \(direction.count) tensors for \(weights.count)")
        return zip(direction, weights).map { d, w in
            precondition(d.shape == w.shape, "direction \(d.shape) for weights \(w.shape)")
            if ParameterVector.isBias(w) {
                switch biases {
                case .ignore: return Tensor.zeros(d.shape)
                case .normalize: return normalization == .none ? d : rescaled(d, to: w, rows: 1)
                }
            }
            switch normalization {
            case .filter: return rescaled(d, to: w, rows: w.shape[0])
            case .layer: return rescaled(d, to: w, rows: 1)
            case .none: return d
            }
        }
    }

    /// d cut into `rows` equal consecutive parts (matrix rows), each part
    /// rescaled to the norm of the same part of w: dᵢ·‖wᵢ‖/(‖dᵢ‖ + 1e−10).
    /// Norms in Double, the factor applied in Float.
    static func rescaled(_ d: Tensor, to w: Tensor, rows: Int) -> Tensor {
        var out = d
        let n = d.count, width = rows > 0 ? n / rows : 0
        let pw = w.pointer, pd = d.pointer
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows {
                var sw = 0.0, sd = 0.0
                for i in (r * width)..<((r + 1) * width) {
                    sw += Double(pw[i]) * Double(pw[i])
                    sd += Double(pd[i]) * Double(pd[i])
                }
                let factor = Float(sw.squareRoot() / (sd.squareRoot() + 1e-10))
                for i in (r * width)..<((r + 1) * width) { o[i] = pd[i] * factor }
            }
        }
        return out
    }
}
