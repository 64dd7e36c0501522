import Learning
import TensorCore

/// The run folder's `data.csv`: `split,x1,x2,label` (or `y` for regression),
/// plus `clean_label` when label noise is on; one row per point, train then
/// test; floats in shortest round-trip form.
public enum DataFile {
    public static func csv(_ d: Dataset, labelNoise: Bool) -> String {
        let classification = d.task.isClassification
        var lines = [classification ? (labelNoise ? "split,x1,x2,label,clean_label" : "split,x1,x2,label") : "split,x1,x2,y"]
        for (name, split) in [("train", d.train), ("test", d.test)] {
            let x = split.x.pointer
            for i in 0..<split.count {
                var row = "\(name),\(x[2 * i]),\(x[2 * i + 1]),"
                if classification {
                    row += "\(split.labels[i])"
                    if labelNoise { row += ",\(split.cleanLabels[i])" }
                } else {
                    row += "\(split.targets[i])"
                }
                lines.append(row)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DataFile {
    /// Reads a run folder's data.csv back into a dataset of `task` (exact Float32 values).
    public static func parse(_ text: String, task: PredictionTask, isOneDimensional: Bool) throws -> Dataset {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { throw RunFolderError("data.csv is empty") }
        lines.removeFirst()
        let columns = header.split(separator: ",").map(String.init)
        let classification = task.isClassification
        guard columns.first == "split", columns.count >= 4, classification == (columns[3] == "label") else {
            throw RunFolderError("data.csv: unexpected header \(header)")
        }
        var x: [String: [Float]] = ["train": [], "test": []]
        var labels: [String: [Int]] = ["train": [], "test": []], clean = labels
        var targets: [String: [Float]] = ["train": [], "test": []]
        for (i, line) in lines.enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == columns.count, x[f[0]] != nil, let a = Float(f[1]), let b = Float(f[2]) else {
                throw RunFolderError("data.csv:\(i + 2): not a data row")
            }
            x[f[0]]! += [a, b]
            if classification {
                guard let y = Int(f[3]), let c = Int(f.count > 4 ? f[4] : f[3]) else { throw RunFolderError("data.csv:\(i + 2): bad label") }
                labels[f[0]]!.append(y)
                clean[f[0]]!.append(c)
            } else {
                guard let y = Float(f[3]) else { throw RunFolderError("data.csv:\(i + 2): bad target") }
                targets[f[0]]!.append(y)
            }
        }
        func split(_ s: String) -> DataSplit {
            DataSplit(
                x: Tensor(shape: [x[s]!.count / 2, 2], scalars: x[s]!), labels: labels[s]!, cleanLabels: clean[s]!,
                targets: targets[s]!)
        }
        return Dataset(task: task, train: split("train"), test: split("test"), isOneDimensional: isOneDimensional)
    }
}
