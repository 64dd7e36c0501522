import TensorCore
import TestSupport
import Testing

@Suite struct KernelTests {
    func naive(_ a: Tensor, _ b: Tensor) -> [Double] {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { c[i * n + j] += Double(a[i, p]) * Double(b[p, j]) } } }
        return c
    }

    @Test(arguments: [(1, 1, 1), (3, 2, 16), (5, 16, 2), (17, 16, 16), (64, 64, 64), (7, 9, 24), (512, 2, 16), (4, 0, 3)])
    func matmulMatchesNaive(_ dims: (Int, Int, Int)) {
        let (m, k, n) = dims
        let a = randomTensor([m, k], seed: 1), b = randomTensor([k, n], seed: 2)
        let expected = naive(a, b)
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let aa = ta ? a.transposed() : a, bb = tb ? b.transposed() : b
            let c = Tensor.matmul(aa, bb, transposeA: ta, transposeB: tb)
            #expect(c.shape == [m, n])
            for i in 0..<(m * n) { #expect(abs(Double(c[flat: i]) - expected[i]) < 1e-4 * Double(max(k, 1))) }
        }
    }

    @Test func matmulRowsDoNotDependOnBatchSize() {
        // Row i of A·B is the same whether computed in a batch of 13 or alone.
        let a = randomTensor([13, 16], seed: 3), w = randomTensor([16, 16], seed: 4)
        let full = Tensor.matmul(a, w)
        for i in [0, 5, 12] {
            let row = Tensor(shape: [1, 16], scalars: Array(a.scalars[(i * 16)..<(i * 16 + 16)]))
            #expect(Tensor.matmul(row, w).scalars == Array(full.scalars[(i * 16)..<(i * 16 + 16)]))
        }
    }

    @Test func broadcastShapes() {
        #expect(Shape.broadcast([4, 3], [3]) == [4, 3])
        #expect(Shape.broadcast([4, 1], [1, 5]) == [4, 5])
        #expect(Shape.broadcast([2, 1, 3], [4, 1]) == [2, 4, 3])
        #expect(Shape.broadcast([4, 3], [4]) == nil)
        let a = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect((a + Tensor([10, 20, 30])).scalars == [11, 22, 33, 14, 25, 36])
        #expect((a * Tensor(shape: [2, 1], scalars: [2, 3])).scalars == [2, 4, 6, 12, 15, 18])
        #expect((Tensor(scalar: 1) - a).scalars == [0, -1, -2, -3, -4, -5])
        #expect((a + Tensor([1, 1, 1])).summed(toShape: [3]).scalars == [7, 9, 11])
    }

    @Test func reductions() {
        let a = Tensor(rows: [[1, 5, 3], [4, 2, 6]])
        #expect(a.sum(alongAxis: 0).scalars == [5, 7, 9])
        #expect(a.sum(alongAxis: 1, keepingDimension: true).shape == [2, 1])
        #expect(a.max(alongAxis: 1).scalars == [5, 6])
        #expect(a.min(alongAxis: 0).scalars == [1, 2, 3])
        #expect(a.argmaxRows() == [1, 2])
        #expect(a.sum() == 21)
    }

    @Test func softmaxIsStableForExtremeLogits() {
        let z = Tensor(rows: [[1e4, -1e4, 0], [-1e4, -1e4, -1e4], [3, 1, 2]])
        let p = z.softmaxRows(), lp = z.logSoftmaxRows(), lse = z.logSumExpRows()
        #expect(p.isFinite && lp.isFinite && lse.isFinite)
        #expect(p[0, 0] == 1 && p[0, 1] == 0)
        #expect(abs(lp[0, 1] + 2e4) < 1)
        #expect(abs(p[1, 0] - 1.0 / 3) < 1e-6)
        #expect(abs(lse[flat: 1] - (-1e4 + 1.0986123)) < 1e-2)
        let s = (0..<3).map { p[2, $0] }.reduce(0, +)
        #expect(abs(s - 1) < 1e-6)
    }

    @Test func copyOnWrite() {
        let a = Tensor([1, 2, 3])
        var b = a
        b[flat: 0] = 9
        #expect(a.scalars == [1, 2, 3])
        #expect(b.scalars == [9, 2, 3])
    }
}

@Suite struct FinitenessTests {
    /// `isFinite` checks eight lanes at a time and the tail one by one: a bad value anywhere is found.
    @Test(arguments: [1, 7, 8, 9, 16, 23, 100])
    func findsABadValueAtEveryPosition(_ count: Int) {
        #expect(Tensor(shape: [count], repeating: 1e30).isFinite)
        for bad: Float in [.infinity, -.infinity, .nan] {
            for i in 0..<count {
                var t = Tensor(shape: [count], repeating: -2.5)
                t[flat: i] = bad
                #expect(!t.isFinite, "\(bad) at \(i) of \(count)")
            }
        }
    }
}
