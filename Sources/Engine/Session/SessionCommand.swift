import Learning

/// What the UI (or a script) asks the engine to do. Commands are handled in
/// order, between chunks of training steps, on the engine's queue.
public enum SessionCommand: Sendable, Equatable {
    /// Train continuously until paused.
    case run
    case pause
    /// Apply n updates, then pause.
    case step(Int)
    /// Replace the run (new data or model): everything restarts at step 0.
    case replace(RunSpec, baseDirectory: String?)
    /// Change the loss; applies from the next update, weights kept.
    case setLoss(LossSpec)
    /// Change the optimizer (its state restarts), weights kept.
    case setOptimizer(OptimizerSpec)
    /// Change the base learning rate, optimizer state kept.
    case setLearningRate(Double)
    /// Stop the engine; no more snapshots.
    case shutdown
}
