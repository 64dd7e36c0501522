import TensorCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct FastMathTests {
    func sweep(_ lo: Float, _ hi: Float, _ n: Int = 20001) -> [Float] {
        (0..<n).map { lo + (hi - lo) * Float($0) / Float(n - 1) }
    }

    func apply(_ xs: [Float], _ f: (SIMD8<Float>) -> SIMD8<Float>) -> [Float] {
        Tensor(xs).mapSIMD(f).scalars
    }

    @Test func tanhMatchesLibm() {
        let xs = sweep(-20, 20) + [0, -0.0, 1e-6, -1e-6, 3e-4]
        let ys = apply(xs, FastMath.tanh)
        for (x, y) in zip(xs, ys) {
            let ref = Double(tanh(Double(x)))
            #expect(abs(Double(y) - ref) <= 1e-6 * max(1, abs(ref)), "tanh(\(x)) = \(y), libm \(ref)")
        }
        #expect(ys.allSatisfy { abs($0) <= 1 })
    }

    @Test func expMatchesLibm() {
        let xs = sweep(-87, 88)
        let ys = apply(xs, FastMath.exp)
        for (x, y) in zip(xs, ys) {
            let ref = exp(Double(x))
            #expect(abs(Double(y) - ref) <= 4e-7 * ref, "exp(\(x)) = \(y), libm \(ref)")
        }
        let edges = apply([-1000, -89, 89, 1000, .nan, .infinity, -.infinity, 0], FastMath.exp)
        #expect(edges[0] == 0 && edges[1] == 0)
        #expect(edges[2] == .infinity && edges[3] == .infinity)
        #expect(edges[4].isNaN)
        #expect(edges[5] == .infinity && edges[6] == 0 && edges[7] == 1)
    }

    @Test func sigmoidIsStable() {
        let ys = apply([-1000, -30, 0, 30, 1000], FastMath.sigmoid)
        #expect(ys[0] == 0 && ys[2] == 0.5 && ys[4] == 1)
        #expect(abs(ys[1] - 9.357623e-14) < 1e-18)
    }

    @Test func resultDoesNotDependOnPosition() {
        // The same value at any index, in a buffer of any length, maps alike.
        let x: Float = 0.731
        let y = Tensor([x]).mapSIMD(FastMath.tanh)[flat: 0]
        for n in [1, 7, 8, 9, 17] {
            let t = Tensor(Array(repeating: x, count: n)).mapSIMD(FastMath.tanh)
            #expect(t.scalars.allSatisfy { $0 == y })
        }
    }
}

@Suite struct FastLogTests {
    @Test func logMatchesLibm() {
        var xs: [Float] = (1...20000).map { Float($0) * 1e-3 }
        xs += [1e-30, 1e-10, 0.5, 0.70710677, 0.7071068, 1, 2, 1e10, 3e38, Float.leastNormalMagnitude]
        let ys = Tensor(xs).mapSIMD { FastMath.log($0) }.scalars
        for (x, y) in zip(xs, ys) {
            let ref = log(Double(x))
            #expect(abs(Double(y) - ref) <= 2e-7 * max(1, abs(ref)), "log(\(x)) = \(y), libm \(ref)")
        }
        let edges = Tensor([0, -1, .infinity, .nan, -0.0]).mapSIMD { FastMath.log($0) }.scalars
        #expect(edges[0] == -.infinity && edges[1].isNaN && edges[2] == .infinity && edges[3].isNaN && edges[4] == -.infinity)
    }
}
