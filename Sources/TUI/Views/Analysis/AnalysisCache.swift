import Engine
import Learning
import Render

/// The analyses the views draw, computed from a run's snapshot and kept between
/// frames: recomputed at most four times a second while training (and at once for a
/// new run or a new size), like the decision-boundary field.
extension ViewCache {
    struct AnalysisKey: Equatable {
        let run: Int, step: Int, sequence: Int
    }

    /// The run's analysis (calibration, margins, classes, memorisation; no regions: those
    /// are drawn at the panel's resolution by ``regions(for:index:state:cols:rows:)``).
    func analysis(for run: RunSnapshot, index: Int, state: AppState) -> RunAnalysis? {
        let key = AnalysisKey(run: index, step: run.step, sequence: state.snapshot?.sequence ?? 0)
        if let cached = analyses[index], cached.data == ObjectIdentifier(run.dataset.train.x.storageIdentity),
            cached.key == key || (state.running && state.now - cached.time < 0.25)
        {
            return cached.analysis
        }
        guard let loss = lossFunction(for: run) else { return nil }
        let a = RunAnalysis(model: run.model, dataset: run.dataset, loss: loss, step: run.step, regionsSide: 0)
        analyses[index] = CachedAnalysis(
            key: key, time: state.now, analysis: a,
            data: ObjectIdentifier(run.dataset.train.x.storageIdentity))
        return a
    }
}

/// An analysis kept by the view cache.
struct CachedAnalysis {
    let key: ViewCache.AnalysisKey
    let time: Double
    let analysis: RunAnalysis
    let data: ObjectIdentifier
}
