import TensorCore

/// The architecture of a multilayer perceptron.
public struct MLPSpec: Equatable, Sendable {
    /// Hidden layer widths, 0 to 8 layers of width 1 to 256.
    public var hidden: [Int]
    public var activation: Activation
    /// The input features computed from (x1, x2).
    public var features: [InputFeature]
    public var initializer: WeightInit

    public init(
        hidden: [Int] = [16, 16], activation: Activation = .tanh,
        features: [InputFeature] = [.x1, .x2], initializer: WeightInit = .xavier
    ) {
        self.hidden = hidden
        self.activation = activation
        self.features = features
        self.initializer = initializer
    }

    public static let maxLayers = 8
    public static let widthRange = 1...256
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

/// A multilayer perceptron: features → (linear → activation)* → linear.
///
/// The last layer has no activation; it outputs K logits (classification) or
/// one value (regression).
public struct MLP: Sendable, Equatable {
    public let spec: MLPSpec
    public var layers: [DenseLayer]

    /// Fresh weights from the `init` stream of `rng`; biases 0.
    public init(spec: MLPSpec, outputs: Int, using rng: inout SeededRandom) {
        self.spec = spec
        var widths = [spec.features.count] + spec.hidden + [outputs]
        if widths.isEmpty { widths = [outputs] }
        layers = (0..<(widths.count - 1)).map { i in
            DenseLayer(
                weight: spec.initializer.weight(out: widths[i + 1], in: widths[i], using: &rng),
                bias: Tensor.zeros([widths[i + 1]]))
        }
    }

    public init(spec: MLPSpec, layers: [DenseLayer]) {
        self.spec = spec
        self.layers = layers
    }

    public var outputs: Int { layers.last?.outputs ?? 0 }

    /// All parameters in order: W₀, b₀, W₁, b₁, …
    public var parameters: [Tensor] {
        get { layers.flatMap { [$0.weight, $0.bias] } }
        set {
            if layers.isEmpty {  // after takeParameters()
                precondition(newValue.count % 2 == 0, "\(newValue.count) tensors for weights and biases")
                layers = stride(from: 0, to: newValue.count, by: 2).map { DenseLayer(weight: newValue[$0], bias: newValue[$0 + 1]) }
                return
            }
            precondition(newValue.count == 2 * layers.count, "\(newValue.count) tensors for \(layers.count) layers")
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
        return p
    }

    /// The number of scalar parameters.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.weight.count + $1.bias.count } }

    /// The network's feature matrix for points [N, 2].
    public func features(of points: Tensor) -> Tensor { InputFeature.matrix(spec.features, of: points) }

    /// Forward pass on the tape; `params` are the tape variables of `parameters`.
    /// Layers whose activation the fused kernel knows are one `dense` node each.
    public func forward(_ features: Variable, params: [Variable]) -> Variable {
        var h = features
        let count = params.count / 2
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
}
