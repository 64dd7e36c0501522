import Platform

/// losscape's own deterministic random number generator: xoshiro256** (Blackman
/// & Vigna 2018) seeded through SplitMix64.
///
/// The same seed gives the same sequence on every platform and Swift version
/// (nothing here uses the standard library's randomness or hashing). Each
/// purpose (data, init, batches, landscape, …) takes its own named stream, so
/// drawing more numbers for one never shifts another.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The generator for `seed` and a named stream (e.g. "data", "init").
    public init(seed: UInt64, stream: String = "") {
        var x = seed ^ SeededRandom.fnv1a(stream)
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// 64-bit FNV-1a of a string's UTF-8 bytes: a stable stream id.
    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in [lo, hi).
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * uniform() }

    /// Standard normal by the Box–Muller transform (one value per call; the
    /// second of the pair is discarded so every call draws exactly two numbers).
    public mutating func normal() -> Double {
        var u1 = uniform()
        if u1 < 1e-300 { u1 = 1e-300 }
        let u2 = uniform()
        return (-2 * LibM.log(u1)).squareRoot() * LibM.cos(2 * Double.pi * u2)
    }

    /// Uniform integer in 0..<n (Lemire's unbiased multiply-shift).
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0, "int(below: \(n))")
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Fisher–Yates shuffle, independent of the standard library's algorithm.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = int(below: i + 1)
            if i != j { a.swapAt(i, j) }
        }
    }

    /// A permutation of 0..<n.
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }
}

extension Tensor {
    /// Independent standard-normal elements scaled by `std`.
    public static func randomNormal(_ shape: Shape, std: Float = 1, using rng: inout SeededRandom) -> Tensor {
        var t = Tensor(uninitializedShape: shape)
        t.withUnsafeMutableBufferPointer { b in for i in b.indices { b[i] = Float(rng.normal()) * std } }
        return t
    }

    /// Independent uniform elements in [lo, hi).
    public static func randomUniform(_ shape: Shape, _ lo: Float, _ hi: Float, using rng: inout SeededRandom) -> Tensor {
        var t = Tensor(uninitializedShape: shape)
        t.withUnsafeMutableBufferPointer { b in
            for i in b.indices { b[i] = Float(rng.uniform(Double(lo), Double(hi))) }
        }
        return t
    }
}
