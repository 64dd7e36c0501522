import TensorCore

/// The hidden-layer nonlinearity of an MLP (one per network).
public enum Activation: String, CaseIterable, Sendable, Codable {
    case relu, tanh, sigmoid
    /// max(x, 0.01·x).
    case leakyRelu = "leaky_relu"
    /// The exact erf form x·Φ(x).
    case gelu, sin, linear

    /// Applies the activation on the tape.
    public func callAsFunction(_ x: Variable) -> Variable {
        switch self {
        case .relu: return x.relu()
        case .tanh: return x.tanh()
        case .sigmoid: return x.sigmoid()
        case .leakyRelu: return x.leakyRelu(slope: 0.01)
        case .gelu: return x.gelu()
        case .sin: return x.sin()
        case .linear: return x
        }
    }

    /// The fused dense-layer form, when there is one (gelu and sin use
    /// separate nodes).
    public var fused: DenseActivation? {
        switch self {
        case .relu: return .relu
        case .tanh: return .tanh
        case .sigmoid: return .sigmoid
        case .leakyRelu: return .leakyRelu(0.01)
        case .linear: return .identity
        case .gelu, .sin: return nil
        }
    }
}
