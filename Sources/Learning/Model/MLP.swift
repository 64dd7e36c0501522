import TensorCore

/// The architecture of a multilayer perceptron.
public struct MLPSpec: Equatable, Sendable {
    /// Hidden layer widths, 0 to 8 layers of width 1 to 256.
    public var hidden: [Int]
    public var activation: Activation
    /// The input features computed from (x1, x2).
    public var features: [InputFeature]
    public var initializer: WeightInit
    /// How the network ends (set from the loss, see ``ModelHead``).
    public var head: ModelHead
    /// The width d of the embedding layer of cosine and embedding heads (`[model] embedding_dim`).
    public var embeddingDim: Int

    public init(
        hidden: [Int] = [16, 16], activation: Activation = .tanh,
        features: [InputFeature] = [.x1, .x2], initializer: WeightInit = .xavier,
        head: ModelHead = .linear, embeddingDim: Int = 2
    ) {
        self.hidden = hidden
        self.activation = activation
        self.features = features
        self.initializer = initializer
        self.head = head
        self.embeddingDim = embeddingDim
    }

    public static let maxLayers = 8
    public static let widthRange = 1...256
    public static let embeddingDimRange = 2...8
}

/// One affine layer in torch.nn.Linear's layout: y = x·Wᵀ + b, W of shape [out, in].
public struct DenseLayer: Sendable, Equatable {
    public var weight: Tensor
    public var bias: Tensor

    public init(weight: Tensor, bias: Tensor) {
        self.weight = weight
        self.bias = bias
    }

    public var inputs: Int { weight.shape[1] }
    public var outputs: Int { weight.shape[0] }
}

/// A multilayer perceptron: features → (linear → activation)* → linear, then the head.
///
/// The last dense layer has no activation: it outputs K logits (linear head, classification), one
/// value (regression), or the embedding h ∈ R^d (cosine and embedding heads; see ``ModelHead``).
/// A cosine head adds K class vectors without bias (`classVectors`, [K, d]).
public struct MLP: Sendable, Equatable {
    public let spec: MLPSpec
    public var layers: [DenseLayer]
    /// The cosine head's class vectors w_k [K, d] (nil for other heads).
    public var classVectors: Tensor?

    /// Fresh weights from the `init` stream of `rng`; biases 0. `outputs` is K (or 1 for regression);
    /// with an embedding layer the last dense layer has `spec.embeddingDim` outputs and a cosine head
    /// then draws its K class vectors from the same stream.
    public init(spec: MLPSpec, outputs: Int, using rng: inout SeededRandom) {
        self.spec = spec
        let last = spec.head.hasEmbedding ? spec.embeddingDim : outputs
        let widths = [spec.features.count] + spec.hidden + [last]
        layers = (0..<(widths.count - 1)).map { i in
            DenseLayer(
                weight: spec.initializer.weight(out: widths[i + 1], in: widths[i], using: &rng),
                bias: Tensor.zeros([widths[i + 1]]))
        }
        if spec.head == .cosine {
            classVectors = spec.initializer.weight(out: outputs, in: spec.embeddingDim, using: &rng)
        }
    }

    public init(spec: MLPSpec, layers: [DenseLayer], classVectors: Tensor? = nil) {
        self.spec = spec
        self.layers = layers
        self.classVectors = classVectors
    }

    /// The width of the network's output: K (or 1), or d for an embedding head.
    public var outputs: Int { classVectors?.shape[0] ?? layers.last?.outputs ?? 0 }

    /// All parameters in order: W₀, b₀, W₁, b₁, …, then the cosine head's class vectors.
    public var parameters: [Tensor] {
        get { layers.flatMap { [$0.weight, $0.bias] } + (classVectors.map { [$0] } ?? []) }
        set {
            let dense = spec.head == .cosine ? newValue.count - 1 : newValue.count
            if spec.head == .cosine {
                precondition(classVectors == nil || newValue[dense].shape == classVectors!.shape, "class vectors of another shape")
                classVectors = newValue[dense]
            }
            if layers.isEmpty {  // after takeParameters()
                precondition(dense % 2 == 0, "\(newValue.count) tensors for weights and biases")
                layers = stride(from: 0, to: dense, by: 2).map { DenseLayer(weight: newValue[$0], bias: newValue[$0 + 1]) }
                return
            }
            precondition(dense == 2 * layers.count, "\(newValue.count) tensors for \(layers.count) layers")
            for i in layers.indices {
                precondition(
                    newValue[2 * i].shape == layers[i].weight.shape && newValue[2 * i + 1].shape == layers[i].bias.shape,
                    "parameter shapes differ from the architecture")
                layers[i] = DenseLayer(weight: newValue[2 * i], bias: newValue[2 * i + 1])
            }
        }
    }

    /// The parameters, moved out: the model has no layers until `parameters` is set again, so the
    /// caller holds the only reference to each tensor and can update it in place (no copy-on-write).
    /// `forward` and `lossAndGradient` take their parameters as arguments and work meanwhile.
    public mutating func takeParameters() -> [Tensor] {
        let p = parameters
        layers.removeAll(keepingCapacity: true)
        classVectors = nil
        return p
    }

    /// The network's feature matrix for points [N, 2].
    public func features(of points: Tensor) -> Tensor { InputFeature.matrix(spec.features, of: points) }

    /// Forward pass on the tape; `params` are the tape variables of `parameters`.
    /// Layers whose activation the fused kernel knows are one `dense` node each.
    public func forward(_ features: Variable, params: [Variable]) -> Variable {
        let h = trunk(features, params: params)
        if spec.head == .cosine, let w = params.last { return Variable.cosineSimilarity(h, w) }
        return h
    }

    /// The dense layers: the logits, or the embedding h of an embedding layer.
    public func trunk(_ features: Variable, params: [Variable]) -> Variable {
        var h = features
        let count = (spec.head == .cosine ? params.count - 1 : params.count) / 2
        for i in 0..<count {
            let last = i == count - 1
            if let fused = last ? .identity : spec.activation.fused {
                h = Variable.dense(h, weight: params[2 * i], bias: params[2 * i + 1], activation: fused)
            } else {
                h = spec.activation(Variable.linear(h, weight: params[2 * i], bias: params[2 * i + 1]))
            }
        }
        return h
    }

    /// Forward pass without a tape (inference over grids and splits); the
    /// same kernels as `forward`, so the same numbers.
    public func predict(features: Tensor) -> Tensor {
        let tape = Tape()
        return forward(tape.constant(features), params: parameters.map { tape.constant($0) }).value
    }

    /// Predictions for points [N, 2].
    public func predict(points: Tensor) -> Tensor { predict(features: features(of: points)) }

    /// The last dense layer's output for points [N, 2]: the embedding h [N, d] of a cosine or an
    /// embedding head (the logits of a linear one).
    public func embeddings(points: Tensor) -> Tensor {
        let tape = Tape()
        return trunk(tape.constant(features(of: points)), params: parameters.map { tape.constant($0) }).value
    }
}
