/// The elementwise and reduction kernels of a dense layer's backward pass.
///
/// Column sums add row after row from zero, whatever the width: lane l of an accumulator holds one
/// column's running sum, so a vector of eight or of sixteen lanes sums each column in the same order.
extension LaneKernels {
    /// dz = g ⊙ act′(y) and db = Σ_rows dz in one pass, y the layer's output [rows, cols].
    public static func activationGradient(
        rows: Int, cols: Int, g: UnsafePointer<Float>, y: UnsafePointer<Float>, activation: LaneActivation,
        dz: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>
    ) {
        switch activation {
        case .identity: activationGradient(rows, cols, g, y, dz, db, Lanes.OneDerivative())
        case .tanh: activationGradient(rows, cols, g, y, dz, db, Lanes.TanhDerivative())
        case .sigmoid: activationGradient(rows, cols, g, y, dz, db, Lanes.SigmoidDerivative())
        case .relu: activationGradient(rows, cols, g, y, dz, db, Lanes.ReluDerivative())
        case .leakyRelu(let s): activationGradient(rows, cols, g, y, dz, db, Lanes.LeakyReluDerivative(slope: s))
        }
    }

    /// db = Σ_rows g, row after row from zero (the tape's `sum(alongAxis: 0)`).
    public static func columnSums(rows: Int, cols: Int, g: UnsafePointer<Float>, db: UnsafeMutablePointer<Float>) {
        let w = V.scalarCount
        db.initialize(repeating: 0, count: cols)
        for r in 0..<rows {
            let row = g + r &* cols
            var i = 0
            while i + w <= cols {
                let v = load(db + i) + load(row + i)
                UnsafeMutableRawPointer(db + i).storeBytes(of: v, as: V.self)
                i &+= w
            }
            while i < cols { db[i] += row[i]; i &+= 1 }
        }
    }

    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }

    @inline(__always)
    static func activationGradient<F: LaneMap>(
        _ rows: Int, _ cols: Int, _ pg: UnsafePointer<Float>, _ py: UnsafePointer<Float>,
        _ d: UnsafeMutablePointer<Float>, _ s: UnsafeMutablePointer<Float>, _ derivative: F
    ) {
        let w = V.scalarCount
        if cols < w {
            // Narrow layers (the output layer): dz a vector at a time over the flat buffer, then the
            // column sums row after row, a row per vector (lane c sums column c).
            let total = rows &* cols
            Lanes.map2(ProductWithDerivative(derivative), pg, py, into: d, count: total)
            var lane = LaneBits()
            for l in 0..<w { lane[l] = Int32(l) }
            let keep = lane .< Int32(cols)
            var acc = V()
            var r = 0
            while r < rows && r &* cols &+ w <= total {
                acc += load(d + r &* cols).replacing(with: 0, where: .!keep)
                r &+= 1
            }
            while r < rows {
                var v = V()
                for j in 0..<cols { v[j] = d[r &* cols &+ j] }
                acc += v
                r &+= 1
            }
            for j in 0..<cols { s[j] = acc[j] }
            return
        }
        if cols == w || cols == 2 &* w {
            // One or two vectors per row: the column sums stay in registers.
            let two = cols == 2 &* w
            var s0 = V(), s1 = V()
            for r in 0..<rows {
                let o = r &* cols
                let v0 = load(pg + o) * derivative(load(py + o))
                UnsafeMutableRawPointer(d + o).storeBytes(of: v0, as: V.self)
                s0 += v0
                if two {
                    let v1 = load(pg + o + w) * derivative(load(py + o + w))
                    UnsafeMutableRawPointer(d + o + w).storeBytes(of: v1, as: V.self)
                    s1 += v1
                }
            }
            UnsafeMutableRawPointer(s).storeBytes(of: s0, as: V.self)
            if two { UnsafeMutableRawPointer(s + w).storeBytes(of: s1, as: V.self) }
            return
        }
        s.initialize(repeating: 0, count: cols)
        for r in 0..<rows {
            let o = r &* cols
            var j = 0
            while j + w <= cols {
                let v = load(pg + o + j) * derivative(load(py + o + j))
                UnsafeMutableRawPointer(d + o + j).storeBytes(of: v, as: V.self)
                UnsafeMutableRawPointer(s + j).storeBytes(of: load(s + j) + v, as: V.self)
                j &+= w
            }
            if j < cols {
                var gv = V(), yv = V()
                for l in 0..<(cols - j) { gv[l] = pg[o + j + l]; yv[l] = py[o + j + l] }
                let v = gv * derivative(yv)
                for l in 0..<(cols - j) { d[o + j + l] = v[l]; s[j + l] += v[l] }
            }
        }
    }
}

/// g·f′(y) on a vector of lanes, for `Lanes.map2`.
struct ProductWithDerivative<F: LaneMap>: LaneMap2 {
    let derivative: F
    init(_ derivative: F) { self.derivative = derivative }
    @inline(__always) func callAsFunction(_ g: LaneVector, _ y: LaneVector) -> LaneVector { g * derivative(y) }
}
