import Foundation
import Learning

/// `losscape analyze DIR`: analysis.json recomputed from a run folder's config.toml, data.csv
/// and weights-final.json — the same bytes `losscape run --out DIR` wrote.
public enum RunFolderAnalysis {
    public static func analysis(of folder: URL) throws -> RunAnalysis {
        func text(_ name: String) throws -> String {
            guard let t = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                throw RunFolderError("\(folder.path)/\(name) is missing")
            }
            return t
        }
        let session = try Preset.load(path: folder.appendingPathComponent("config.toml").path)
        let entry = session.runs[0]
        guard let last = try text("metrics.jsonl").split(separator: "\n").last, let object = RunFolderSummary.flatObject(String(last)),
            let step = object["step"].flatMap({ Int($0) })
        else { throw RunFolderError("\(folder.path)/metrics.jsonl has no final step") }
        // the setup at the final step: the timeline's changes up to it
        var spec = entry.spec
        for e in entry.events where e.step <= step {
            if let l = e.loss { spec.loss = l }
            if let o = e.optimizer { spec.optimizer = o }
        }
        let weights = try WeightsFile.parse(try text("weights-final.json"))
        let classification = spec.family == .classification
        var classes = 0
        if classification {
            let labels = try text("data.csv").split(separator: "\n").dropFirst().compactMap { l -> Int? in
                let f = l.split(separator: ",")
                return f.count > 3 ? Int(f[3]) : nil
            }
            classes = spec.data.kind == .csv ? (labels.max() ?? 1) + 1 : spec.data.classes
        }
        let task: PredictionTask = classification ? .classification(classes: classes) : .regression
        let dataset = try DataFile.parse(try text("data.csv"), task: task, isOneDimensional: weights.features == [.x1])
        let head = spec.head
        let embeddingDim = head.hasEmbedding ? (weights.layers.last?.outputs ?? spec.model.embeddingDim) : spec.model.embeddingDim
        var model = MLP(
            spec: MLPSpec(
                hidden: spec.model.hidden, activation: weights.activation, features: weights.features,
                initializer: spec.model.initializer, head: head, embeddingDim: embeddingDim),
            layers: weights.layers, classVectors: weights.classVectors)
        if model.layers.count == 1 {
            var s = spec.model
            s.head = head
            model = MLP(spec: s, layers: weights.layers, classVectors: weights.classVectors)
        }
        let context = classification ? LossContext(classes: classes, classCounts: dataset.trainClassCounts) : .regression()
        let loss = try LossCatalog.make(
            spec.loss.name, parameters: spec.loss.parameters, context: context,
            family: classification ? .classification : .regression)
        return RunAnalysis(model: model, dataset: dataset, loss: loss, step: step)
    }
}
