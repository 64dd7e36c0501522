import Learning
import TensorCore

/// The analyses of a run at one step (analysis.json): calibration, margins, classes,
/// memorisation under label noise, the normalised margin and the number of linear regions
/// — each defined in `Learning/Analysis` exactly as the README states.
public struct RunAnalysis: Sendable {
    /// One split's numbers.
    public enum Split: Sendable {
        /// `calibration` is nil for a loss that defines no probabilities (cosine_contrastive, the pair
        /// losses); margins are of the head's class scores (logits, cos θ, cosines to class means).
        case classification(n: Int, accuracy: Double, calibration: Calibration?, classes: ClassReport, margins: [Double])
        case regression(ResidualReport)
    }

    public let step: Int
    public let train: Split
    public let test: Split?
    /// The training split against the clean labels (only under label noise).
    public let trainClean: Split?
    /// Flipped training points: their count and the share predicted as their noisy label.
    public let flipped: (count: Int, memorised: Double)?
    /// min margin over the training split / ‖θ‖₂ (classification).
    public let normalisedMargin: Double?
    /// Distinct activation patterns on a 200 × 200 grid over the decision-boundary box
    /// (relu / leaky_relu networks; nil otherwise).
    public let linearRegions: Int?

    /// `regionsSide` 0 skips the linear regions (the playground counts them at its own pace).
    public init(model: MLP, dataset: Dataset, loss: any LossFunction, step: Int, regionsSide: Int = 200) {
        self.step = step
        let task = dataset.task
        func outputs(_ s: DataSplit) -> Tensor { model.predict(points: s.x) }
        let trainOut = outputs(dataset.train)
        let means =
            model.spec.head == .embedding
            ? Readout.classMeans(embeddings: trainOut, labels: dataset.train.labels, classes: task.classes) : nil
        let readout = Readout(head: model.spec.head, loss: loss, classMeans: means)
        func analyse(_ s: DataSplit, labels: [Int], out: Tensor) -> Split {
            guard task.isClassification else { return .regression(ResidualReport(predictions: out, targets: s.targets)) }
            let cal = readout.probabilities(out).map { Calibration(probabilities: $0, labels: labels) }
            let predictions = readout.predictions(out)
            let right = zip(predictions, labels).filter { $0 == $1 }.count
            return .classification(
                n: labels.count, accuracy: labels.isEmpty ? .nan : Double(right) / Double(labels.count), calibration: cal,
                classes: ClassReport(predictions: predictions, labels: labels, classes: task.classes),
                margins: LogitMargins.of(logits: readout.scores(out), labels: labels))
        }
        train = analyse(dataset.train, labels: dataset.train.labels, out: trainOut)
        test = dataset.test.count > 0 ? analyse(dataset.test, labels: dataset.test.labels, out: outputs(dataset.test)) : nil
        let noisy = task.isClassification && dataset.train.labels != dataset.train.cleanLabels
        trainClean = noisy ? analyse(dataset.train, labels: dataset.train.cleanLabels, out: trainOut) : nil
        if noisy, case .classification = train {
            let predictions = readout.predictions(trainOut)
            let idx = dataset.train.labels.indices.filter { dataset.train.labels[$0] != dataset.train.cleanLabels[$0] }
            let kept = idx.filter { predictions[$0] == dataset.train.labels[$0] }.count
            flipped = (idx.count, idx.isEmpty ? .nan : Double(kept) / Double(idx.count))
        } else {
            flipped = nil
        }
        if case .classification(_, _, _, _, let m) = train, let lowest = m.min() {
            normalisedMargin = lowest / globalNorm(model.parameters)
        } else {
            normalisedMargin = nil
        }
        linearRegions =
            task.isClassification && LinearRegions.applies(to: model.spec) && regionsSide > 0
            ? LinearRegions(model: model, box: dataset.displayBox, side: regionsSide).count : nil
    }

    /// analysis.json: one object, numbers as in metrics.jsonl (null when not finite).
    public var json: String {
        func n(_ x: Double?) -> String { JSONText.number(x) }
        func split(_ s: Split?) -> String {
            guard let s else { return "null" }
            switch s {
            case .regression(let r):
                return "{\"n\":\(r.n),\"mae\":\(n(r.mae)),\"rmse\":\(n(r.rmse)),\"residual_histogram\":{\"edges\":["
                    + r.edges.map(n).joined(separator: ",") + "],\"counts\":[" + r.counts.map(String.init).joined(separator: ",") + "]}}"
            case .classification(let count, let accuracy, let c, let k, let m):
                let bins = (c?.bins ?? []).map { b in
                    "{\"lo\":\(n(b.lo)),\"hi\":\(n(b.hi)),\"count\":\(b.count),\"confidence\":\(n(b.confidence)),\"accuracy\":\(n(b.accuracy))}"
                }.joined(separator: ",")
                let confusion = k.confusion.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
                let summary = LogitMargins.summary(m)
                return "{\"n\":\(count),\"accuracy\":\(n(accuracy)),\"balanced_accuracy\":\(n(k.balancedAccuracy)),"
                    + "\"nll\":\(n(c?.nll)),\"brier\":\(n(c?.brier)),\"ece\":\(n(c?.ece)),\"mce\":\(n(c?.mce)),"
                    + (c == nil ? "\"bins\":null," : "\"bins\":[\(bins)],")
                    + "\"confusion\":[\(confusion)],\"per_class_accuracy\":[" + k.perClassAccuracy.map(n).joined(separator: ",") + "],"
                    + "\"margins\":{\"min\":\(n(summary.min)),\"median\":\(n(summary.median)),\"mean\":\(n(summary.mean))}}"
            }
        }
        var fields = ["\"step\":\(step)", "\"train\":\(split(train))", "\"test\":\(split(test))"]
        if let c = trainClean { fields.append("\"train_clean\":\(split(c))") }
        if let f = flipped { fields.append("\"flipped\":{\"count\":\(f.count),\"memorised\":\(n(f.memorised))}") }
        if case .classification = train {
            fields.append("\"normalised_margin\":\(n(normalisedMargin))")
            fields.append("\"linear_regions\":\(linearRegions.map(String.init) ?? "null")")
        }
        return "{" + fields.joined(separator: ",") + "}\n"
    }
}
