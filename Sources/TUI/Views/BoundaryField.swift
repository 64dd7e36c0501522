import Engine
import Learning
import Render
import TensorCore

/// The plane the Decision boundary panel shows: the data's bounding box with
/// a 10% margin, and the model's output at the centre of every pixel.
struct BoundaryField {
    let xmin: Double, xmax: Double, ymin: Double, ymax: Double
    let cols: Int, rows: Int
    /// Per pixel (row-major, top row first): class probabilities [K] or ŷ [1].
    let outputs: [[Float]]

    /// The box around train and test points (x1, x2), with a margin (``Dataset/displayBox``).
    static func bounds(_ d: Dataset) -> (Double, Double, Double, Double) {
        let b = d.displayBox
        return (b.x0, b.x1, b.y0, b.y1)
    }

    /// The pixel (col, row) of a point, or nil outside.
    func pixel(_ x: Double, _ y: Double) -> (col: Int, row: Int)? {
        guard let c = CellIndex.inside((x - xmin) / (xmax - xmin) * Double(cols), 0..<cols, rounding: .down),
            let r = CellIndex.inside((ymax - y) / (ymax - ymin) * Double(rows), 0..<rows, rounding: .down)
        else { return nil }
        return (c, r)
    }

    static func compute(run: RunSnapshot, loss: (any LossFunction)?, cols: Int, rows: Int) -> BoundaryField {
        let (x0, x1, y0, y1) = bounds(run.dataset)
        var pts = [Float]()
        pts.reserveCapacity(cols * rows * 2)
        for r in 0..<rows {
            let y = y1 - (Double(r) + 0.5) / Double(rows) * (y1 - y0)
            for c in 0..<cols {
                pts.append(Float(x0 + (Double(c) + 0.5) / Double(cols) * (x1 - x0)))
                pts.append(Float(y))
            }
        }
        var outputs: [[Float]] = []
        if cols * rows > 0 {
            var out = run.model.predict(points: Tensor(shape: [cols * rows, 2], scalars: pts))
            if run.dataset.task.isClassification {
                if let loss, run.model.spec.head != .linear {
                    // a cosine or embedding head: the prediction rule's class, with full confidence
                    // where the loss defines no probabilities
                    let readout = run.readout(loss: loss)
                    out = readout.probabilities(out) ?? Tensor.oneHot(readout.predictions(out), classes: run.dataset.task.classes)
                } else {
                    out = loss?.probabilities(out) ?? out.softmaxRows()
                }
            }
            let k = out.shape[1]
            let p = out.pointer
            outputs = (0..<(cols * rows)).map { i in Array(UnsafeBufferPointer(start: p + i * k, count: k)) }
        }
        return BoundaryField(xmin: x0, xmax: x1, ymin: y0, ymax: y1, cols: cols, rows: rows, outputs: outputs)
    }
}
