import TensorCore
import Testing

/// A tape dropped without `reset()` must be freed with its tensors: backward
/// closures capture node ids, never variables (a captured variable holds its
/// tape, which would make a cycle). This failed for every op before the fix and
/// made the playground's memory grow with each landscape (issue: memory over hours).
@Suite struct TapeLifetimeTests {
    /// Runs `body` on a fresh tape with a [3, 4] parameter, computes the
    /// gradient of the sum, and returns a weak reference to the tape.
    static func released(_ body: (Variable) -> Variable) -> Bool {
        weak var weakTape: Tape?
        do {
            let tape = Tape()
            weakTape = tape
            let x = tape.parameter(Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0) / 7 - 0.6 }))
            let y = body(x)
            _ = tape.gradients(of: y.sum())
        }
        return weakTape == nil
    }

    static let ops: [(String, @Sendable (Variable) -> Variable)] = [
        ("+", { $0 + $0 }), ("-", { $0 - $0 * 2 }), ("*", { $0 * $0 }), ("/", { $0 / ($0.square() + 1) }),
        ("neg", { -$0 }), ("+s", { $0 + 1 }), ("*s", { $0 * 3 }), ("s/", { 1 / ($0.square() + 1) }),
        ("reshaped", { $0.reshaped([12]) }), ("tanh", { $0.tanh() }), ("sigmoid", { $0.sigmoid() }),
        ("relu", { $0.relu() }), ("leakyRelu", { $0.leakyRelu() }), ("gelu", { $0.gelu() }),
        ("softplus", { $0.softplus() }), ("exp", { $0.exp() }), ("log", { ($0.square() + 1).log() }),
        ("log1p", { $0.square().log1p() }), ("sqrt", { ($0.square() + 1).sqrt() }), ("pow", { $0.square().pow(1.5) }),
        ("abs", { $0.abs() }), ("sin", { $0.sin() }), ("cos", { $0.cos() }), ("logCosh", { $0.logCosh() }),
        ("sum", { $0.sum() }), ("sumAxis", { $0.sum(alongAxis: 0) }), ("max", { $0.max(alongAxis: 1) }),
        ("min", { $0.min(alongAxis: 1) }), ("logSumExp", { $0.logSumExp() }), ("softmax", { $0.softmax() }),
        ("logSoftmax", { $0.logSoftmax() }), ("gather", { $0.gather(columns: [0, 3, 1]) }),
        ("sorted", { $0.sortedDescending() }), ("topK", { $0.topK(2) }), ("maximum", { .maximum($0, $0 * 0.5) }),
        ("clamped", { $0.clamped(-0.2, 0.2) }),
        ("matmul", { .matmul($0, $0, transposeB: true) }),
        ("linear", { x in .linear(x, weight: x, bias: x.constant(Tensor.zeros([3]))) }),
        ("dense", { x in .dense(x, weight: x, bias: x.constant(Tensor.zeros([3])), activation: .tanh) }),
    ]

    @Test(arguments: ops.map(\.0))
    func aDroppedTapeIsFreed(_ name: String) {
        let op = Self.ops.first { $0.0 == name }!.1
        #expect(Self.released(op), "the tape of \(name) leaked")
    }
}
