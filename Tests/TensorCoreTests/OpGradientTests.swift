import TensorCore
import TestSupport
import Testing

/// Every differentiable op against central finite differences (vᵀJ with a
/// random upstream v). Inputs avoid each op's kinks and domain edges.
@Suite struct OpGradientTests {
    typealias Op = @Sendable ([Variable]) -> Variable

    /// name, input shapes, input transform, op
    static let unaryCases: [(String, @Sendable (Tensor) -> Tensor, Op)] = [
        ("neg", { $0 }, { -$0[0] }),
        ("exp", { $0 }, { $0[0].exp() }),
        ("log", { $0.map { abs($0) + 0.5 } }, { $0[0].log() }),
        ("log1p", { $0.map { abs($0) } }, { $0[0].log1p() }),
        ("sqrt", { $0.map { abs($0) + 0.5 } }, { $0[0].sqrt() }),
        ("square", { $0 }, { $0[0].square() }),
        ("pow 0.7", { $0.map { abs($0) + 0.3 } }, { $0[0].pow(0.7) }),
        ("pow 2.5", { $0.map { abs($0) + 0.3 } }, { $0[0].pow(2.5) }),
        ("pow 3 negative base", { awayFromKinks($0, [0]) }, { $0[0].pow(3) }),
        ("abs", { awayFromKinks($0, [0]) }, { $0[0].abs() }),
        ("sign", { awayFromKinks($0, [0]) }, { $0[0].sign() * $0[0] }),
        ("tanh", { $0 }, { $0[0].tanh() }),
        ("sigmoid", { $0 * 3 }, { $0[0].sigmoid() }),
        ("relu", { awayFromKinks($0, [0]) }, { $0[0].relu() }),
        ("leaky relu", { awayFromKinks($0, [0]) }, { $0[0].leakyRelu(slope: 0.01) }),
        ("gelu", { $0 * 2 }, { $0[0].gelu() }),
        ("softplus", { $0 * 4 }, { $0[0].softplus() }),
        ("sin", { $0 }, { $0[0].sin() }),
        ("cos", { $0 }, { $0[0].cos() }),
        ("log cosh", { $0 * 3 }, { $0[0].logCosh() }),
        ("clamp", { awayFromKinks($0, [-0.5, 0.5]) }, { $0[0].clamped(-0.5, 0.5) }),
        ("max with constant", { awayFromKinks($0, [0.2]) }, { $0[0].maximum(0.2) }),
        ("min with constant", { awayFromKinks($0, [0.2]) }, { $0[0].minimum(0.2) }),
        ("scalar ops", { $0 }, { (2 * $0[0] + 1) / 3 - 0.5 }),
        ("scalar divided by x", { $0.map { abs($0) + 0.5 } }, { 2 / $0[0] }),
        ("sum", { $0 }, { $0[0].sum() }),
        ("mean", { $0 }, { $0[0].mean() }),
        ("sum axis 0", { $0 }, { $0[0].sum(alongAxis: 0) }),
        ("sum axis 1 kept", { $0 }, { $0[0].sum(alongAxis: 1, keepingDimension: true) }),
        ("mean axis 1", { $0 }, { $0[0].mean(alongAxis: 1) }),
        ("max axis 1", { $0 }, { $0[0].max(alongAxis: 1) }),
        ("min axis 0", { $0 }, { $0[0].min(alongAxis: 0) }),
        ("logsumexp", { $0 * 3 }, { $0[0].logSumExp() }),
        ("softmax", { $0 * 2 }, { $0[0].softmax() }),
        ("log softmax", { $0 * 2 }, { $0[0].logSoftmax() }),
        ("gather", { $0 }, { $0[0].gather(columns: [0, 3, 1, 2, 3]) }),
        ("sort descending", { $0 }, { $0[0].sortedDescending() }),
        ("top 2", { $0 }, { $0[0].topK(2) }),
        ("reshape", { $0 }, { $0[0].reshaped([20]).tanh() }),
    ]

    @Test(arguments: unaryCases.indices)
    func unary(_ i: Int) {
        let (name, prepare, op) = Self.unaryCases[i]
        let x = prepare(randomTensor([5, 4], seed: UInt64(i + 1)))
        let failures = gradientCheck([x], op)
        #expect(failures.isEmpty, "\(name): \(failures.prefix(3))")
    }

    static let binaryCases: [(String, Shape, Shape, Op)] = [
        ("add same shape", [4, 3], [4, 3], { $0[0] + $0[1] }),
        ("add row broadcast", [4, 3], [3], { $0[0] + $0[1] }),
        ("sub column broadcast", [4, 3], [4, 1], { $0[0] - $0[1] }),
        ("sub scalar broadcast", [], [4, 3], { $0[0] - $0[1] }),
        ("mul row broadcast", [4, 3], [1, 3], { $0[0] * $0[1] }),
        ("mul rank 3", [2, 4, 3], [4, 1], { $0[0] * $0[1] }),
        ("div", [4, 3], [4, 3], { $0[0] / ($0[1].square() + 0.5) }),
        ("div broadcast", [4, 3], [3], { $0[0] / ($0[1].square() + 0.5) }),
        ("maximum", [4, 3], [4, 3], { Variable.maximum($0[0], $0[1]) }),
        ("minimum broadcast", [4, 3], [3], { Variable.minimum($0[0], $0[1]) }),
        ("matmul", [4, 3], [3, 5], { Variable.matmul($0[0], $0[1]) }),
        ("matmul transposed b", [4, 3], [5, 3], { Variable.matmul($0[0], $0[1], transposeB: true) }),
        ("matmul wide", [6, 9], [9, 17], { Variable.matmul($0[0], $0[1]) }),
        ("variable used twice", [4, 3], [4, 3], { ($0[0] * $0[1]) + $0[0].tanh() }),
    ]

    @Test(arguments: binaryCases.indices)
    func binary(_ i: Int) {
        let (name, sa, sb, op) = Self.binaryCases[i]
        let a = randomTensor(sa, seed: UInt64(100 + i))
        // keep max/min operands apart so no tie sits within the FD step
        let b = randomTensor(sb, seed: UInt64(200 + i)).map { $0 + ($0 >= 0 ? 0.3 : -0.3) }
        let failures = gradientCheck([a, b], op)
        #expect(failures.isEmpty, "\(name): \(failures.prefix(3))")
    }

    @Test func linearLayer() {
        let x = randomTensor([7, 3], seed: 1), w = randomTensor([5, 3], seed: 2), b = randomTensor([5], seed: 3)
        let failures = gradientCheck([x, w, b]) { Variable.linear($0[0], weight: $0[1], bias: $0[2]).tanh() }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    @Test func selectWithMask() {
        let a = randomTensor([4, 3], seed: 4), b = randomTensor([3], seed: 5)
        let mask = Tensor(shape: [4, 3], scalars: [1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0])
        let failures = gradientCheck([a, b]) { Variable.select(mask, $0[0], $0[1]) }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    @Test func stopGradientBlocksTheBackwardPass() {
        // d/dx [x · sg(x)] = sg(x): finite differences cannot see the stop, so check directly.
        let tape = Tape()
        let x = tape.parameter(Tensor([1.5, -2]))
        let g = tape.gradients(of: (x * x.stopGradient()).sum()).of(x)
        #expect(g.scalars == [1.5, -2])
    }

    @Test func documentedKinks() {
        // relu'(0) = 0, |x|'(0) = 0, pow(x, 0.5)'(0) = 0 (safe), leaky'(0) = slope.
        let tape = Tape()
        let x = tape.parameter(Tensor([0, 0, 0, 0]))
        let y = x.relu().sum() + x.abs().sum() + x.pow(0.5).sum() + x.leakyRelu(slope: 0.01).sum()
        let g = tape.gradients(of: y).of(x)
        #expect(g.scalars == [0.01, 0.01, 0.01, 0.01])
    }

    @Test func maxGradientGoesToFirstMaximum() {
        let tape = Tape()
        let x = tape.parameter(Tensor(rows: [[1, 3, 3], [2, 2, 0]]))
        let g = tape.gradients(of: x.max(alongAxis: 1).sum()).of(x)
        #expect(g.scalars == [0, 1, 0, 1, 0, 0])
    }
}
