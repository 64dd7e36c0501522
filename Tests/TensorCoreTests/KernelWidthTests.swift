import Kernels16
import Kernels16OnAVX2
import Kernels8
import Platform
import TensorCore
import Testing

/// One build of the shared kernels, by its entry points.
struct KernelBuild: Sendable {
    let name: String
    let product:
        @Sendable (
            _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ ars: Int, _ acs: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
            _ tb: Bool, _ c: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>?, _ act: Int, _ slope: Float
        ) -> Void
    let activationGradient:
        @Sendable (
            _ rows: Int, _ cols: Int, _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ act: Int, _ slope: Float,
            _ dz: UnsafeMutablePointer<Float>, _ db: UnsafeMutablePointer<Float>
        ) -> Void
    let columnSums: @Sendable (_ rows: Int, _ cols: Int, _ g: UnsafePointer<Float>, _ db: UnsafeMutablePointer<Float>) -> Void
    /// exp, log, tanh, sigmoid (0…3) over a buffer.
    let map: @Sendable (_ f: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int) -> Void

    static let eight = KernelBuild(
        name: "8 lanes (AVX2)",
        product: { m, n, k, a, ars, acs, b, ldb, tb, c, bias, act, s in
            Kernels8.LaneKernels.product(
                m: m, n: n, k: k, a: a, aRowStride: ars, aColStride: acs, b: b, ldb: ldb, transposeB: tb, c: c, bias: bias,
                activation: [.identity, .tanh, .relu, .sigmoid, .leakyRelu(s)][act])
        },
        activationGradient: { r, c, g, y, act, s, dz, db in
            Kernels8.LaneKernels.activationGradient(
                rows: r, cols: c, g: g, y: y, activation: [.identity, .tanh, .relu, .sigmoid, .leakyRelu(s)][act], dz: dz, db: db)
        },
        columnSums: { Kernels8.LaneKernels.columnSums(rows: $0, cols: $1, g: $2, db: $3) },
        map: { f, x, out, n in
            switch f {
            case 0: Kernels8.Lanes.map(Kernels8.Lanes.Exp(), x, into: out, count: n)
            case 1: Kernels8.Lanes.map(Kernels8.Lanes.Log(), x, into: out, count: n)
            case 2: Kernels8.Lanes.map(Kernels8.Lanes.Tanh(), x, into: out, count: n)
            default: Kernels8.Lanes.map(Kernels8.Lanes.Sigmoid(), x, into: out, count: n)
            }
        })

    static let sixteenOnAVX2 = KernelBuild(
        name: "16 lanes on AVX2",
        product: { m, n, k, a, ars, acs, b, ldb, tb, c, bias, act, s in
            Kernels16OnAVX2.LaneKernels.product(
                m: m, n: n, k: k, a: a, aRowStride: ars, aColStride: acs, b: b, ldb: ldb, transposeB: tb, c: c, bias: bias,
                activation: [.identity, .tanh, .relu, .sigmoid, .leakyRelu(s)][act])
        },
        activationGradient: { r, c, g, y, act, s, dz, db in
            Kernels16OnAVX2.LaneKernels.activationGradient(
                rows: r, cols: c, g: g, y: y, activation: [.identity, .tanh, .relu, .sigmoid, .leakyRelu(s)][act], dz: dz, db: db)
        },
        columnSums: { Kernels16OnAVX2.LaneKernels.columnSums(rows: $0, cols: $1, g: $2, db: $3) },
        map: { f, x, out, n in
            switch f {
            case 0: Kernels16OnAVX2.Lanes.map(Kernels16OnAVX2.Lanes.Exp(), x, into: out, count: n)
            case 1: Kernels16OnAVX2.Lanes.map(Kernels16OnAVX2.Lanes.Log(), x, into: out, count: n)
            case 2: Kernels16OnAVX2.Lanes.map(Kernels16OnAVX2.Lanes.Tanh(), x, into: out, count: n)
            default: Kernels16OnAVX2.Lanes.map(Kernels16OnAVX2.Lanes.Sigmoid(), x, into: out, count: n)
            }
        })

    /// The AVX-512 build itself: runs only on a CPU that has it.
    static let sixteen = KernelBuild(
        name: "16 lanes (AVX-512)",
        product: { m, n, k, a, ars, acs, b, ldb, tb, c, bias, act, s in
            Kernels16.LaneKernels.product(
                m: m, n: n, k: k, a: a, aRowStride: ars, aColStride: acs, b: b, ldb: ldb, transposeB: tb, c: c, bias: bias,
                activation: [.identity, .tanh, .relu, .sigmoid, .leakyRelu(s)][act])
        },
        activationGradient: { r, c, g, y, act, s, dz, db in
            Kernels16.LaneKernels.activationGradient(
                rows: r, cols: c, g: g, y: y, activation: [.identity, .tanh, .relu, .sigmoid, .leakyRelu(s)][act], dz: dz, db: db)
        },
        columnSums: { Kernels16.LaneKernels.columnSums(rows: $0, cols: $1, g: $2, db: $3) },
        map: { f, x, out, n in
            switch f {
            case 0: Kernels16.Lanes.map(Kernels16.Lanes.Exp(), x, into: out, count: n)
            case 1: Kernels16.Lanes.map(Kernels16.Lanes.Log(), x, into: out, count: n)
            case 2: Kernels16.Lanes.map(Kernels16.Lanes.Tanh(), x, into: out, count: n)
            default: Kernels16.Lanes.map(Kernels16.Lanes.Sigmoid(), x, into: out, count: n)
            }
        })
}

/// The wide kernels against the baseline, bit for bit: every product shape and branch (bias,
/// activation, transposed operands, narrow C, the four-way split of short sums, empty k), the
/// backward pass's column sums at every width, and the elementwise functions over special values.
/// The sixteen-lane source runs here compiled for AVX2; on a CPU with AVX-512 the same checks also
/// run the AVX-512 build.
@Suite struct KernelWidthTests {
    static let wideBuilds: [KernelBuild] = CPU.hasAVX512 ? [.sixteenOnAVX2, .sixteen] : [.sixteenOnAVX2]

    func random(_ count: Int, seed: UInt64) -> [Float] {
        var rng = SeededRandom(seed: seed, stream: "width")
        return (0..<count).map { _ in Float(rng.normal()) }
    }

    func bitsEqual(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    /// C for one build: m×n from k, A read transposed or not, B transposed or not.
    func product(
        _ build: KernelBuild, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, bias: Bool, act: Int, seed: UInt64
    ) -> [Float] {
        let a = random(m * k, seed: seed), b = random(k * n, seed: seed + 1), bv = random(n, seed: seed + 2)
        var c = [Float](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                bv.withUnsafeBufferPointer { pbias in
                    c.withUnsafeMutableBufferPointer { pc in
                        build.product(
                            m, n, k, pa.baseAddress!, transposeA ? 1 : k, transposeA ? m : 1, pb.baseAddress!,
                            transposeB ? k : n, transposeB, pc.baseAddress!, bias ? pbias.baseAddress! : nil, act, 0.01)
                    }
                }
            }
        }
        return c
    }

    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (3, 2, 16), (5, 16, 2), (17, 16, 16), (64, 64, 64), (7, 9, 24), (512, 2, 16), (4, 0, 3), (4, 3, 0),
        (2, 16, 512), (16, 2, 512), (3, 33, 100), (40, 24, 7), (8, 13, 70), (9, 48, 31), (16, 16, 512), (1, 70, 65),
    ]

    @Test(arguments: KernelWidthTests.shapes)
    func productsAreBitIdentical(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        for wide in Self.wideBuilds {
            for transposeA in [false, true] {
                for transposeB in [false, true] {
                    for (bias, act) in [(false, 0), (true, 0), (true, 1), (true, 2), (true, 3), (true, 4)] {
                        let seed = UInt64(m * 1000 + n * 10 + k)
                        let base = product(.eight, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, bias: bias, act: act, seed: seed)
                        let other = product(wide, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, bias: bias, act: act, seed: seed)
                        #expect(
                            bitsEqual(base, other),
                            "\(wide.name): \(m)×\(n)×\(k) Aᵀ \(transposeA) Bᵀ \(transposeB) bias \(bias) act \(act)")
                    }
                }
            }
        }
    }

    @Test func backwardKernelsAreBitIdentical() {
        for cols in [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 48, 64, 100] {
            for rows in [1, 3, 8, 37, 512] {
                let g = random(rows * cols, seed: UInt64(cols * 7 + rows)), y = random(rows * cols, seed: UInt64(cols + rows * 3)).map { $0 / 4 }
                for act in 0..<5 {
                    func run(_ build: KernelBuild) -> ([Float], [Float], [Float]) {
                        var dz = [Float](repeating: .nan, count: rows * cols), db = [Float](repeating: .nan, count: cols)
                        var sums = [Float](repeating: .nan, count: cols)
                        build.activationGradient(rows, cols, g, y, act, 0.01, &dz, &db)
                        build.columnSums(rows, cols, g, &sums)
                        return (dz, db, sums)
                    }
                    let base = run(.eight)
                    for wide in Self.wideBuilds {
                        let other = run(wide)
                        #expect(bitsEqual(base.0, other.0), "\(wide.name): dz rows \(rows) cols \(cols) act \(act)")
                        #expect(bitsEqual(base.1, other.1), "\(wide.name): db rows \(rows) cols \(cols) act \(act)")
                        #expect(bitsEqual(base.2, other.2), "\(wide.name): column sums rows \(rows) cols \(cols)")
                    }
                }
            }
        }
    }

    @Test func elementwiseFunctionsAreBitIdentical() {
        var xs = random(1000, seed: 9).map { $0 * 30 }
        xs += [0, -0, .infinity, -.infinity, .nan, 1e-30, -1e-30, 88.5, -88.5, 4e-4, -4e-4, 7.9, -7.9, 1e-45, .greatestFiniteMagnitude]
        for count in [1, 7, 8, 9, 15, 16, 17, 33, xs.count] {
            let input = Array(xs.prefix(count))
            for f in 0..<4 {
                let x = f == 1 ? input.map { abs($0) } : input
                var base = [Float](repeating: .nan, count: count)
                KernelBuild.eight.map(f, x, &base, count)
                for wide in Self.wideBuilds {
                    var other = [Float](repeating: .nan, count: count)
                    wide.map(f, x, &other, count)
                    #expect(bitsEqual(base, other), "\(wide.name): function \(f) over \(count)")
                }
            }
        }
    }

    /// The tests above can fail: a product summed in another order differs in its last bits.
    @Test func aDifferentSumOrderIsDetected() {
        let a = random(64, seed: 3), b = random(64, seed: 4)
        var forward: Float = 0, backward: Float = 0
        for p in 0..<64 { forward = forward.addingProduct(a[p], b[p]) }
        for p in (0..<64).reversed() { backward = backward.addingProduct(a[p], b[p]) }
        #expect(!bitsEqual([forward], [backward]))
    }
}

@Suite struct KernelISATests {
    @Test func selection() throws {
        #expect(try KernelISA.select(requested: nil, hasAVX512: false) == .avx2)
        #expect(try KernelISA.select(requested: nil, hasAVX512: true) == .avx512)
        #expect(try KernelISA.select(requested: "", hasAVX512: true) == .avx512)
        #expect(try KernelISA.select(requested: "avx2", hasAVX512: true) == .avx2)
        #expect(try KernelISA.select(requested: "AVX512", hasAVX512: true) == .avx512)
        #expect(throws: KernelISAError.self) { try KernelISA.select(requested: "avx512", hasAVX512: false) }
        #expect(throws: KernelISAError.self) { try KernelISA.select(requested: "sse2", hasAVX512: true) }
        do {
            _ = try KernelISA.select(requested: "sse2", hasAVX512: true)
        } catch {
            #expect(error.description == "LOSSCAPE_ISA: expected avx2 or avx512, got \"sse2\"")
        }
    }

    /// Without LOSSCAPE_ISA the widest path the CPU has is active.
    @Test func activeIsTheWidestAvailableUnlessForced() {
        let forced = SystemProcess.environment("LOSSCAPE_ISA")
        if forced == nil || forced == "" {
            #expect(KernelISA.active == (CPU.hasAVX512 ? .avx512 : .avx2))
        } else {
            #expect(KernelISA.active.rawValue == forced?.lowercased())
        }
    }
}
