import Engine
import Learning

/// What happens in the playground: a key, fresh engine data, or time passing.
public enum AppEvent: Sendable {
    case key(KeyEvent)
    case snapshot(SessionSnapshot)
    /// The loop's clock, in seconds.
    case tick(Double)
    /// New rows (or a result) from the landscape worker.
    case landscape(LandscapeWorker.Progress)
}

/// What the loop must do after an update: talk to the engine or the disk.
public enum Effect: Equatable, Sendable {
    case send(SessionCommand)
    /// Write the current screen to losscape-<timestamp>.txt and .ans.
    case screenshot
    /// Write the current setup as a preset file.
    case writePreset
    /// Compute a loss landscape around the current weights (cancels one running).
    case computeLandscape(LandscapeOptions, oneDimensional: Bool)
    case quit
}

/// The playground's update function: events in, state changed, effects out
/// (Elm/bubbletea style; no terminal, no engine here).
public func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case .tick(let t):
        state.now = t
        return []
    case .snapshot(let s):
        let isNewMessage = s.messageID != (state.snapshot?.messageID ?? 0)
        state.snapshot = s
        if isNewMessage, let message = s.message {
            if let run = s.runs.first { state.spec = run.spec }  // the engine refused: show what runs
            state.say(message, seconds: 6)
        }
        return state.autoRefreshLandscape()
    case .landscape(let p):
        let first = p.generation != state.landscapeProgress?.generation
        state.landscapeProgress = p
        if first || p.done, let error = p.error { state.say("landscape: \(error)", seconds: 6) }
        return []
    case .key(let key):
        return handle(key, &state)
    }
}

private func handle(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
    if case .resize(let w, let h) = key {
        state.width = w
        state.height = h
        return []
    }
    if state.showHelp {
        switch key {
        case .character("?"), .escape: state.showHelp = false
        case .character("q"), .interrupt: state.quit = true; return [.quit]
        default: break
        }
        return []
    }
    if case .character(let c) = key, let effects = state.handleLandscapeKey(c) { return effects }
    switch key {
    case .character(" "): return [.send(state.running ? .pause : .run)]
    case .character("n"): return [.send(.step(1))]
    case .character("r"):
        state.spec.initSeed = Ladder.nextSeed(state.spec.initSeed ?? state.spec.seed, +1)
        state.say("weights re-initialised (init seed \(state.spec.initSeed!)): run restarted")
        state.landscapeProgress = nil
        return [.send(.replace(state.spec, baseDirectory: state.baseDirectory))]
    case .character("R"): return change(.regenerate, +1, &state)
    case .character("+"), .character("="): return change(.learningRate, +1, &state)
    case .character("-"), .character("_"): return change(.learningRate, -1, &state)
    case .character("l"): return change(.loss, +1, &state)
    case .character("L"): return change(.loss, -1, &state)
    case .character("o"): return change(.optimizer, +1, &state)
    case .character("O"): return change(.optimizer, -1, &state)
    case .character("d"): return change(.dataKind, +1, &state)
    case .character("D"): return change(.dataKind, -1, &state)
    case .character("y"):
        state.logY.toggle()
        return []
    case .character("a"):
        state.showAccuracy.toggle()
        return []
    case .character("u"):
        state.yardstick.toggle()
        let classification = state.run?.dataset.task.isClassification ?? (state.spec.family == .classification)
        state.say(state.yardstick
                  ? "Loss panel: the common yardstick, test \(classification ? "NLL" : "MSE") (comparable across losses)"
                  : "Loss panel: each loss's own objective")
        return []
    case .character("s"): return [.screenshot]
    case .character("w"): return [.writePreset]
    case .character("?"):
        state.showHelp = true
        return []
    case .character("q"), .interrupt:
        state.quit = true
        return [.quit]
    case .up, .backTab:
        state.focus = (state.focus - 1 + state.fields.count) % max(state.fields.count, 1)
        return []
    case .down, .tab:
        state.focus = (state.focus + 1) % max(state.fields.count, 1)
        return []
    case .left: return state.focusedField.map { change($0, -1, &state) } ?? []
    case .right, .enter: return state.focusedField.map { change($0, +1, &state) } ?? []
    default: return []
    }
}

/// Applies a setup change and turns it into engine commands and a message.
private func change(_ field: SetupField, _ direction: Int, _ state: inout AppState) -> [Effect] {
    let focused = state.focusedField
    let result = field.adjust(&state.spec, direction, csv: state.csv)
    // keep the focus on the same field when the list of fields changes
    if let focused, let i = state.fields.firstIndex(of: focused) { state.focus = i }
    state.focus = min(state.focus, max(state.fields.count - 1, 0))
    switch result {
    case .none:
        return []
    case .restart:
        state.say("\(field.label) → \(field.value(in: state.spec)): run restarted")
        state.landscapeProgress = nil  // the old surface belongs to the old run
        return [.send(.replace(state.spec, baseDirectory: state.baseDirectory))]
    case .loss:
        state.say("loss \(state.spec.loss.name)\(field == .loss ? "" : ": \(field.label) = \(field.value(in: state.spec))") (weights kept)")
        return [.send(.setLoss(state.spec.loss))]
    case .optimizer:
        state.say("\(field.label) → \(field.value(in: state.spec)) (weights kept)" + scheduleNote(state))
        return [.send(.setOptimizer(state.spec.optimizer))]
    case .learningRate:
        state.say("learning rate → \(field.value(in: state.spec))")
        return [.send(.setLearningRate(state.spec.optimizer.learningRate))]
    }
}

/// A decaying schedule runs over the preset's `steps`; past them it has already decayed.
private func scheduleNote(_ state: AppState) -> String {
    let o = state.spec.optimizer
    guard o.schedule != .constant, let step = state.run?.step, step >= state.spec.steps else { return "" }
    let lr = LearningRateSchedule(spec: o, totalSteps: state.spec.steps).rate(at: step)
    return "; \(o.schedule.rawValue) decays over steps = \(state.spec.steps), at step \(step) lr = \(format(lr))"
}
