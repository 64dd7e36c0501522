/// Differentiable elementwise max/min, clamp and select.
extension Tensor {
    /// This tensor broadcast to `target`.
    public func broadcast(to target: Shape) -> Tensor {
        if shape == target { return self }
        return Tensor.broadcasting(self, Tensor(shape: target, repeating: 0)) { a, _ in a }
    }

    /// 1 where `predicate(a, b)` holds, else 0, after broadcasting.
    @inlinable
    public static func mask(
        _ a: Tensor, _ b: Tensor, _ predicate: @escaping (SIMD8<Float>, SIMD8<Float>) -> SIMDMask<SIMD8<Int32>>
    ) -> Tensor {
        broadcasting(a, b) { x, y in SIMD8<Float>(repeating: 0).replacing(with: 1, where: predicate(x, y)) }
    }
}

extension Variable {
    /// Elementwise max(a, b) with broadcasting; at ties the gradient goes to `a`.
    public static func maximum(_ a: Variable, _ b: Variable) -> Variable {
        let m = Tensor.mask(a.value, b.value) { $0 .>= $1 }
        return select(
            m, a, b,
            value: Tensor.broadcasting(a.value, b.value) { x, y in
                y.replacing(with: x, where: x .>= y)
            })
    }

    /// Elementwise min(a, b) with broadcasting; at ties the gradient goes to `a`.
    public static func minimum(_ a: Variable, _ b: Variable) -> Variable {
        let m = Tensor.mask(a.value, b.value) { $0 .<= $1 }
        return select(
            m, a, b,
            value: Tensor.broadcasting(a.value, b.value) { x, y in
                y.replacing(with: x, where: x .<= y)
            })
    }

    /// max(x, s) with a constant.
    public func maximum(_ s: Float) -> Variable { .maximum(self, tape.constant(Tensor(scalar: s))) }

    /// min(x, s) with a constant.
    public func minimum(_ s: Float) -> Variable { .minimum(self, tape.constant(Tensor(scalar: s))) }

    /// x clamped to [lo, hi]; the gradient passes where lo ≤ x ≤ hi (inclusive,
    /// as torch.clamp) and is 0 outside.
    public func clamped(_ lo: Float, _ hi: Float) -> Variable {
        let x = value
        let y = x.mapSIMD { $0.clamped(lowerBound: SIMD8(repeating: lo), upperBound: SIMD8(repeating: hi)) }
        return elementwiseSIMD(y) { x, _ in
            SIMD8<Float>(repeating: 0).replacing(with: 1, where: (x .>= lo) .& (x .<= hi))
        }
    }

    /// `a` where `mask` is nonzero, else `b` (all broadcast to the mask's shape).
    /// The mask carries no gradient.
    public static func select(_ mask: Tensor, _ a: Variable, _ b: Variable) -> Variable {
        let va = a.value.broadcast(to: mask.shape), vb = b.value.broadcast(to: mask.shape)
        let y =
            mask.zipSIMD(va) { m, x in x.replacing(with: 0, where: m .== 0) }
            + mask.zipSIMD(vb) { m, x in x.replacing(with: 0, where: m .!= 0) }
        return select(mask, a, b, value: y)
    }

    static func select(_ mask: Tensor, _ a: Variable, _ b: Variable, value y: Tensor) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return a.tape.record(y, inputs: a, b) { [aID = a.id, bID = b.id] g, acc in
            if acc.needs(aID) {
                acc.add(g.zipSIMD(mask) { g, m in g.replacing(with: 0, where: m .== 0) }.summed(toShape: sa), to: aID)
            }
            if acc.needs(bID) {
                acc.add(g.zipSIMD(mask) { g, m in g.replacing(with: 0, where: m .!= 0) }.summed(toShape: sb), to: bID)
            }
        }
    }
}
