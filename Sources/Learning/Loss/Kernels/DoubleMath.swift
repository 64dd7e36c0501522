import Platform

/// The C library's Double functions under one name, so loss files need no
/// platform imports. Loss kernels work in Double: with K ≤ 5 classes a row costs
/// a few dozen nanoseconds, and Double keeps logits of ±1e4 and probabilities far
/// below Float's range exact enough for every formula.
enum DMath {
    @inline(__always) static func exp(_ x: Double) -> Double { LibM.exp(x) }
    @inline(__always) static func expm1(_ x: Double) -> Double { LibM.expm1(x) }
    @inline(__always) static func log(_ x: Double) -> Double { LibM.log(x) }
    @inline(__always) static func log1p(_ x: Double) -> Double { LibM.log1p(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { LibM.pow(x, y) }
    @inline(__always) static func tanh(_ x: Double) -> Double { LibM.tanh(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { LibM.sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { LibM.cos(x) }

    /// log(1 + eˣ), exact for every x (no overflow, no cancellation).
    @inline(__always) static func softplus(_ x: Double) -> Double {
        Swift.max(x, 0) + log1p(exp(-Swift.abs(x)))
    }

    /// 1/(1 + e^{−x}), stable for every x.
    @inline(__always) static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    static let log2 = 0.693_147_180_559_945_3
}
