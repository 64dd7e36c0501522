import Learning

/// What the UI (or a script) asks the engine to do. Commands are handled in
/// order, between chunks of training steps, on the engine's queue. `run`
/// indexes name a run of the session (0-based).
public enum SessionCommand: Sendable, Equatable {
    /// Train continuously until paused.
    case run
    case pause
    /// Apply n updates, then pause.
    case step(Int)
    /// Replace every run (new data or model, new initial weights, a loaded preset): all restart at step 0.
    case replace(SessionSpec, baseDirectory: String?)
    /// Restart every run from step 0 with the same initial weights and its current setup (new timelines).
    case restart
    /// Change a run's loss from the next update (weights kept; recorded on its timeline).
    case setLoss(LossSpec, run: Int)
    /// Change a run's optimizer from the next update (the same optimizer keeps its state).
    case setOptimizer(OptimizerSpec, run: Int)
    /// Add a run that copies run `copying` under `label`; every run restarts at step 0.
    case addRun(copying: Int, label: String)
    /// Remove a run (never the last).
    case removeRun(Int)
    /// Train at this target rate.
    case setSpeed(PlaybackSpeed)
    /// Pause once the runs reach this step (nil: never); set from the preset's `steps`.
    case pauseAt(Int?)
    /// Track the sharpness every K steps (nil: off; 0: K adapted so tracking costs ≤ 10 % of training).
    case trackSharpness(every: Int?)
    /// Stop the engine; no more snapshots.
    case shutdown
}
