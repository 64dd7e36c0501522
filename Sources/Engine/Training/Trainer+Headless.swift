/// Training without a session, keeping the bounded history the UI would
/// (the headless `snapshot` and `landscape` commands).
extension Trainer {
    /// Applies updates until `steps` (or divergence), logging into `history`
    /// at the steps it keeps. Returns the history.
    @discardableResult
    public func train(until steps: Int, history: inout MetricHistory) -> MetricHistory {
        while step < steps && !health.isDiverged {
            let log = history.wants(step: step)
            trainStep(logging: log)
            if log, let r = lastRecord { history.append(r) }
        }
        return history
    }
}
