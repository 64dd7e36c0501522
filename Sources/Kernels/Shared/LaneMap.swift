/// A function on a vector of lanes, as a type: kernels generic over it are specialised with the function
/// inlined into their loops (a closure argument is not reliably inlined, and a call per vector costs
/// more than a tanh). Every kernel that maps activations uses these, so each element goes through
/// the same instructions wherever it is computed.
public protocol LaneMap {
    func callAsFunction(_ v: LaneVector) -> LaneVector
}

/// A function of two vectors of lanes (see ``LaneMap``).
public protocol LaneMap2 {
    func callAsFunction(_ a: LaneVector, _ b: LaneVector) -> LaneVector
}

/// The activations and their derivatives (in terms of the output y) as lane maps.
public enum Lanes {
    public struct Identity: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector { v }
    }

    public struct Tanh: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector { FastMath.tanh(v) }
    }

    public struct Relu: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector { vmax(v, LaneVector(repeating: 0)) }
    }

    public struct Sigmoid: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector { FastMath.sigmoid(v) }
    }

    public struct LeakyRelu: LaneMap {
        public let slope: Float
        @inlinable public init(slope: Float) { self.slope = slope }
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector {
            (v * slope).replacing(with: v, where: v .> 0)
        }
    }

    public struct Exp: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector { FastMath.exp(v) }
    }

    public struct Log: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector { FastMath.log(v) }
    }

    /// v / d.
    public struct Divide: LaneMap {
        public let divisor: Float
        @inlinable public init(by divisor: Float) { self.divisor = divisor }
        @inlinable @inline(__always) public func callAsFunction(_ v: LaneVector) -> LaneVector { v / divisor }
    }

    /// The derivative of an activation from its output y: 1, 1 − y², y(1 − y), [y > 0], slope or 1.
    public struct OneDerivative: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ y: LaneVector) -> LaneVector { LaneVector(repeating: 1) }
    }

    public struct TanhDerivative: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ y: LaneVector) -> LaneVector { 1 - y * y }
    }

    public struct SigmoidDerivative: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ y: LaneVector) -> LaneVector { y * (1 - y) }
    }

    public struct ReluDerivative: LaneMap {
        @inlinable public init() {}
        @inlinable @inline(__always) public func callAsFunction(_ y: LaneVector) -> LaneVector {
            LaneVector(repeating: 0).replacing(with: 1, where: y .> 0)
        }
    }

    public struct LeakyReluDerivative: LaneMap {
        public let slope: Float
        @inlinable public init(slope: Float) { self.slope = slope }
        @inlinable @inline(__always) public func callAsFunction(_ y: LaneVector) -> LaneVector {
            LaneVector(repeating: slope).replacing(with: 1, where: y .> 0)
        }
    }

    /// out[i] = f(x[i]) a vector at a time, two vectors per iteration; the tail is padded with zeros
    /// into one more vector (an element's result never depends on its position). `out` may be `x`.
    @inlinable @inline(__always)
    public static func map<F: LaneMap>(_ f: F, _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        let w = LaneVector.scalarCount
        var i = 0
        while i &+ 2 &* w <= count {
            let v0 = f(load(x + i)), v1 = f(load(x + (i &+ w)))
            store(v0, out + i); store(v1, out + (i &+ w))
            i &+= 2 &* w
        }
        while i &+ w <= count {
            store(f(load(x + i)), out + i)
            i &+= w
        }
        if i < count {
            var v = LaneVector(repeating: 0)
            for l in 0..<(count &- i) { v[l] = x[i &+ l] }
            let r = f(v)
            for l in 0..<(count &- i) { out[i &+ l] = r[l] }
        }
    }

    /// out[i] = f(a[i], b[i]) a vector at a time, the tail padded with zeros.
    @inlinable @inline(__always)
    public static func map2<F: LaneMap2>(
        _ f: F, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int
    ) {
        let w = LaneVector.scalarCount
        var i = 0
        while i &+ w <= count {
            store(f(load(a + i), load(b + i)), out + i)
            i &+= w
        }
        if i < count {
            var va = LaneVector(repeating: 0), vb = LaneVector(repeating: 0)
            for l in 0..<(count &- i) { va[l] = a[i &+ l]; vb[l] = b[i &+ l] }
            let r = f(va, vb)
            for l in 0..<(count &- i) { out[i &+ l] = r[l] }
        }
    }

    @inlinable @inline(__always) static func load(_ p: UnsafePointer<Float>) -> LaneVector {
        UnsafeRawPointer(p).loadUnaligned(as: LaneVector.self)
    }

    @inlinable @inline(__always) static func store(_ v: LaneVector, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: LaneVector.self)
    }
}
