/// Differentiable arithmetic with NumPy broadcasting.
///
/// Gradients of a broadcast operand are summed back to its shape.
extension Variable {
    public static func + (a: Variable, b: Variable) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return a.tape.record(a.value + b.value, inputs: a, b) { [aID = a.id, bID = b.id] g, acc in
            if acc.needs(aID) { acc.add(g.summed(toShape: sa), to: aID) }
            if acc.needs(bID) { acc.add(g.summed(toShape: sb), to: bID) }
        }
    }

    public static func - (a: Variable, b: Variable) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return a.tape.record(a.value - b.value, inputs: a, b) { [aID = a.id, bID = b.id] g, acc in
            if acc.needs(aID) { acc.add(g.summed(toShape: sa), to: aID) }
            if acc.needs(bID) { acc.add((-g).summed(toShape: sb), to: bID) }
        }
    }

    public static func * (a: Variable, b: Variable) -> Variable {
        let (va, vb) = (a.value, b.value)
        return a.tape.record(va * vb, inputs: a, b) { [aID = a.id, bID = b.id] g, acc in
            if acc.needs(aID) { acc.add((g * vb).summed(toShape: va.shape), to: aID) }
            if acc.needs(bID) { acc.add((g * va).summed(toShape: vb.shape), to: bID) }
        }
    }

    public static func / (a: Variable, b: Variable) -> Variable {
        let (va, vb) = (a.value, b.value)
        let out = va / vb
        return a.tape.record(out, inputs: a, b) { [aID = a.id, bID = b.id] g, acc in
            if acc.needs(aID) { acc.add((g / vb).summed(toShape: va.shape), to: aID) }
            // d(a/b)/db = −a/b² = −out/b
            if acc.needs(bID) { acc.add((-(g * out) / vb).summed(toShape: vb.shape), to: bID) }
        }
    }

    public static prefix func - (a: Variable) -> Variable {
        a.tape.record(-a.value, inputs: a) { [aID = a.id] g, acc in acc.add(-g, to: aID) }
    }

    public static func + (a: Variable, s: Float) -> Variable {
        a.tape.record(a.value + s, inputs: a) { [aID = a.id] g, acc in acc.add(g, to: aID) }
    }

    public static func + (s: Float, a: Variable) -> Variable { a + s }
    public static func - (a: Variable, s: Float) -> Variable { a + (-s) }
    public static func - (s: Float, a: Variable) -> Variable { -a + s }

    public static func * (a: Variable, s: Float) -> Variable {
        a.tape.record(a.value * s, inputs: a) { [aID = a.id] g, acc in acc.add(g * s, to: aID) }
    }

    public static func * (s: Float, a: Variable) -> Variable { a * s }
    public static func / (a: Variable, s: Float) -> Variable { a * (1 / s) }

    /// s / a elementwise.
    public static func / (s: Float, a: Variable) -> Variable {
        let va = a.value
        let out = va.mapSIMD { SIMD8(repeating: s) / $0 }
        return a.tape.record(out, inputs: a) { [aID = a.id] g, acc in
            acc.add(g.zipSIMD(va) { g, x in -g * SIMD8(repeating: s) / (x * x) }, to: aID)
        }
    }
}

extension Variable {
    /// A tape constant holding `t`, on the same tape as `self`.
    public func constant(_ t: Tensor) -> Variable { tape.constant(t) }

    /// The same value with no gradient flowing back (sg(·)).
    public func stopGradient() -> Variable { tape.constant(value) }

    /// The same elements under another shape.
    public func reshaped(_ s: Shape) -> Variable {
        let old = shape
        return tape.record(value.reshaped(s), inputs: self) { [selfID = self.id] g, acc in acc.add(g.reshaped(old), to: selfID) }
    }
}
