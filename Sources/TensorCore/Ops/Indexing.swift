/// Differentiable indexing: gather of one column per row, and sorting.
extension Tensor {
    /// One-hot rows: [labels.count, classes] with 1 at each label.
    public static func oneHot(_ labels: [Int], classes: Int) -> Tensor {
        var t = Tensor.zeros([labels.count, classes])
        t.withUnsafeMutableBufferPointer { b in
            for (i, y) in labels.enumerated() {
                precondition(y >= 0 && y < classes, "label \(y) outside 0..<\(classes)")
                b[i * classes + y] = 1
            }
        }
        return t
    }
}

extension Variable {
    /// x[i, columns[i]] for each row i of a matrix: shape [rows].
    public func gather(columns: [Int]) -> Variable {
        let s = shape
        precondition(s.rank == 2 && s[0] == columns.count, "gather of \(columns.count) columns from \(s)")
        let k = s[1]
        let x = value.pointer
        var out = Tensor(uninitializedShape: [s[0]])
        out.withUnsafeMutableBufferPointer { b in
            for (i, c) in columns.enumerated() {
                precondition(c >= 0 && c < k, "column \(c) outside 0..<\(k)")
                b[i] = x[i * k + c]
            }
        }
        return tape.record(out, inputs: self) { [selfID = self.id] g, acc in
            var d = Tensor.zeros(s)
            let pg = g.pointer
            d.withUnsafeMutableBufferPointer { b in for (i, c) in columns.enumerated() { b[i * k + c] = pg[i] } }
            acc.add(d, to: selfID)
        }
    }

    /// Each row (last axis) sorted in descending order; the gradient flows back
    /// through the permutation. Equal values keep their original order.
    public func sortedDescending() -> Variable {
        let s = shape
        let n = s.last, rows = s.rows
        let x = value.pointer
        var perm = [Int](repeating: 0, count: s.count)
        var out = Tensor(uninitializedShape: s)
        out.withUnsafeMutableBufferPointer { b in
            for r in 0..<rows {
                let order = (0..<n).sorted { i, j in
                    let (a, c) = (x[r * n + i], x[r * n + j])
                    return a > c || (a == c && i < j)
                }
                for (pos, src) in order.enumerated() {
                    b[r * n + pos] = x[r * n + src]
                    perm[r * n + pos] = r * n + src
                }
            }
        }
        return tape.record(out, inputs: self) { [selfID = self.id] g, acc in
            var d = Tensor.zeros(s)
            let pg = g.pointer
            d.withUnsafeMutableBufferPointer { b in for (pos, src) in perm.enumerated() { b[src] = pg[pos] } }
            acc.add(d, to: selfID)
        }
    }

    /// The k largest values of each row, in descending order.
    public func topK(_ k: Int) -> Variable {
        let s = shape
        let n = s.last
        precondition(k >= 0 && k <= n, "top-\(k) of rows of \(n)")
        let sorted = sortedDescending()
        if k == n { return sorted }
        // Keep the first k columns: a gather through a selection matrix.
        let rows = s.rows
        let v = sorted.value.pointer
        var out = Tensor(uninitializedShape: s.replacing(axis: s.rank - 1, with: k))
        out.withUnsafeMutableBufferPointer { b in
            for r in 0..<rows { for j in 0..<k { b[r * k + j] = v[r * n + j] } }
        }
        return tape.record(out, inputs: sorted) { [sortedID = sorted.id] g, acc in
            var d = Tensor.zeros(s)
            let pg = g.pointer
            d.withUnsafeMutableBufferPointer { b in
                for r in 0..<rows { for j in 0..<k { b[r * n + j] = pg[r * k + j] } }
            }
            acc.add(d, to: sortedID)
        }
    }
}
