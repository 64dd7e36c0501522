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

    /// Applies the activation to a plain tensor in place (inference).
    public func apply(inPlace t: inout Tensor) {
        switch self {
        case .relu: t = t.mapSIMD { pointwiseMax($0, SIMD8(repeating: 0)) }
        case .tanh: t = t.mapSIMD(FastMath.tanh)
        case .sigmoid: t = t.mapSIMD(FastMath.sigmoid)
        case .leakyRelu: t = t.mapSIMD { x in (x * 0.01).replacing(with: x, where: x .> 0) }
        case .gelu, .sin:
            let tape = Tape()
            t = self(tape.constant(t)).value
        case .linear: break
        }
    }
}
