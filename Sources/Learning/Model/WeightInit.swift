import TensorCore

/// How an MLP's weights are drawn (biases always start at 0).
public enum WeightInit: String, CaseIterable, Sendable, Codable {
    /// Glorot & Bengio 2010, uniform: U(−a, a), a = √(6 / (fan_in + fan_out))
    /// (torch.nn.init.xavier_uniform_ with gain 1).
    case xavier
    /// He et al. 2015, normal: N(0, 2 / fan_in) (kaiming_normal_, fan_in, relu gain).
    case he
    /// U(−1/√fan_in, 1/√fan_in), the bound of torch.nn.Linear's default bias init.
    case uniform

    /// A weight matrix of shape [out, in].
    public func weight(out: Int, in fanIn: Int, using rng: inout SeededRandom) -> Tensor {
        let shape: Shape = [out, fanIn]
        switch self {
        case .xavier:
            let a = (6 / Float(fanIn + out)).squareRoot()
            return Tensor.randomUniform(shape, -a, a, using: &rng)
        case .he:
            return Tensor.randomNormal(shape, std: (2 / Float(max(fanIn, 1))).squareRoot(), using: &rng)
        case .uniform:
            let a = 1 / Float(max(fanIn, 1)).squareRoot()
            return Tensor.randomUniform(shape, -a, a, using: &rng)
        }
    }
}
