import TensorCore

/// Linear regions of a ReLU (or leaky ReLU) network over a box of the input plane
/// ("Neural Networks are Decision Trees", Aytekin 2022; Hanin & Rolnick 2019): the
/// activation pattern — which hidden units are > 0 — at each point of an n × n grid
/// (pixel centres, the first row at the top), and the number of distinct patterns.
/// Within a region the network is one affine map.
public struct LinearRegions: Sendable {
    /// The grid's side.
    public let side: Int
    /// Per grid point (row-major, the top row first): the index of its pattern (0 ..< count),
    /// numbered in order of first appearance.
    public let region: [Int]
    public let count: Int

    /// Whether the network's activation makes regions (relu, leaky_relu).
    public static func applies(to spec: MLPSpec) -> Bool {
        (spec.activation == .relu || spec.activation == .leakyRelu) && !spec.hidden.isEmpty
    }

    /// The regions over the box (x0…x1) × (y0…y1) on a `side` × `side` grid (or, with `scale`,
    /// a cols × rows grid of pixel centres, for drawing).
    public init(
        model: MLP, box: (x0: Double, x1: Double, y0: Double, y1: Double), side: Int = 200,
        scale: (cols: Int, rows: Int)? = nil
    ) {
        self.side = side
        let (cols, rows) = scale ?? (side, side)
        var pts = [Float]()
        pts.reserveCapacity(cols * rows * 2)
        for r in 0..<rows {
            let y = box.y1 - (Double(r) + 0.5) / Double(rows) * (box.y1 - box.y0)
            for c in 0..<cols {
                pts.append(Float(box.x0 + (Double(c) + 0.5) / Double(cols) * (box.x1 - box.x0)))
                pts.append(Float(y))
            }
        }
        let patterns = model.activationPatterns(points: Tensor(shape: [cols * rows, 2], scalars: pts))
        var index: [[UInt64]: Int] = [:]
        var region = [Int]()
        region.reserveCapacity(patterns.count)
        for p in patterns {
            if let i = index[p] {
                region.append(i)
            } else {
                index[p] = index.count
                region.append(index.count - 1)
            }
        }
        self.region = region
        count = index.count
    }
}

extension MLP {
    /// For each point [N, 2]: the bits (hidden unit > 0, layer by layer, 64 to a word) of its
    /// pre-activations x·Wᵀ + b (float32 matmul, then the bias).
    public func activationPatterns(points: Tensor) -> [[UInt64]] {
        let n = points.shape[0]
        let units = layers.dropLast().reduce(0) { $0 + $1.outputs }
        let words = (units + 63) / 64
        var bits = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: n)
        let tape = Tape()
        var h = tape.constant(features(of: points))
        var offset = 0
        for layer in layers.dropLast() {
            let z = Variable.linear(h, weight: tape.constant(layer.weight), bias: tape.constant(layer.bias))
            let width = layer.outputs, ptr = z.value.pointer
            for i in 0..<n {
                for j in 0..<width where ptr[i * width + j] > 0 {
                    let b = offset + j
                    bits[i][b / 64] |= 1 << UInt64(b % 64)
                }
            }
            offset += width
            h = spec.activation(z)
        }
        return bits
    }
}

extension Dataset {
    /// The box the decision boundary shows: the bounding box of the train and test points
    /// (x1, x2) with a margin of 10 % of each side (at least 1e−4); (−3, 3)² without points.
    public var displayBox: (x0: Double, x1: Double, y0: Double, y1: Double) {
        var lo = (Double.infinity, Double.infinity), hi = (-Double.infinity, -Double.infinity)
        for split in [train, test] {
            let p = split.x.pointer
            for i in 0..<split.count {
                let (a, b) = (Double(p[2 * i]), Double(p[2 * i + 1]))
                guard a.isFinite, b.isFinite else { continue }
                lo = (Swift.min(lo.0, a), Swift.min(lo.1, b))
                hi = (Swift.max(hi.0, a), Swift.max(hi.1, b))
            }
        }
        if !lo.0.isFinite { return (-3, 3, -3, 3) }
        let mx = Swift.max(hi.0 - lo.0, 1e-3) * 0.1, my = Swift.max(hi.1 - lo.1, 1e-3) * 0.1
        return (lo.0 - mx, hi.0 + mx, lo.1 - my, hi.1 + my)
    }
}
