import TensorCore
import TestSupport
import Testing

@testable import Learning

/// The fused cross-entropy (training step and landscape) against the tape's node, bit for bit: the
/// value and the gradient, with and without class weights and temperature, for row counts that are
/// and are not multiples of eight, and rows with extreme logits.
@Suite struct FusedCrossEntropyTests {
    @Test(arguments: [(1, 2), (7, 3), (8, 2), (13, 2), (13, 5), (64, 4), (100, 7), (512, 2), (21, 2)])
    func matchesTheTapeBitForBit(_ shape: (Int, Int)) {
        let (n, k) = shape
        var z = randomTensor([n, k], seed: UInt64(n * 10 + k), scale: 3)
        if n > 3 { z[1, 0] = 1e4; z[2, 1] = -1e4 }
        if n > 10 { z[9, 0] = -.infinity; z[9, 1] = -.infinity; z[10, 1] = .infinity }
        let labels = (0..<n).map { ($0 * 7) % k }
        for weights in [nil, (0..<k).map { Float($0 + 1) / 3 }] as [[Float]?] {
            for t: Float in [1, 2.5] {
                let tape = Tape()
                let zv = tape.parameter(z)
                let l = softmaxCrossEntropy(zv, labels: labels, classWeights: weights, temperature: t)
                let g = tape.gradients(of: l).of(zv)
                let scaled = t == 1 ? z : z / t
                var scratch = [Float](repeating: 0, count: 2 * n * k + n), grad = [Float](repeating: 0, count: n * k)
                let value = FusedCrossEntropy.lossAndGradient(
                    logits: scaled.pointer, rows: n, classes: k, labels: labels, classWeights: weights, temperature: t,
                    scratch: &scratch, gradient: &grad)
                #expect(value.bitPattern == l.value.scalar.bitPattern, "n \(n) k \(k) T \(t) weights \(weights != nil)")
                #expect((0..<(n * k)).allSatisfy { grad[$0].bitPattern == g[flat: $0].bitPattern }, "gradient n \(n) k \(k) T \(t)")
                let alone = FusedCrossEntropy.loss(
                    logits: scaled.pointer, rows: n, classes: k, labels: labels, classWeights: weights, scratch: &scratch)
                #expect(alone.bitPattern == value.bitPattern)
            }
        }
    }
}
