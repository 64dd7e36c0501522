import Learning

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
