import Learning

/// Training that records the weights for the landscape's PCA path.
extension Trainer {
    /// Applies updates until `steps` (or divergence) exactly as
    /// `train(until:history:)` does (recording changes no numbers), feeding
    /// θ_k to `trajectory` before each update k it wants and, when
    /// `recordFinal`, the weights at the end (whatever the stride).
    public func train(until steps: Int, history: inout MetricHistory, trajectory: inout WeightTrajectory,
                      recordFinal: Bool = true) {
        while step < steps && !health.isDiverged {
            trajectory.record(step: step, parameters: model.parameters)
            let log = history.wants(step: step)
            trainStep(logging: log)
            if log, let r = lastRecord { history.append(r) }
        }
        if recordFinal { trajectory.record(step: step, parameters: model.parameters, force: true) }
    }
}
