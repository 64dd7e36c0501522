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
        let restarted = s.generation != (state.snapshot?.generation ?? s.generation)
        state.snapshot = s
        // the engine is the reference for the runs: after a refusal (a message), or once it has
        // added or removed a run, the setup shows what runs
        if (isNewMessage && s.message != nil) || s.runs.map(\.label) != state.runs.map(\.label) {
            state.runs = s.runs.map { RunEntry(label: $0.label, spec: $0.spec) }
            state.selected = min(state.selected, state.runs.count - 1)
        }
        if isNewMessage, let message = s.message { state.say(message, seconds: 6) }
        if restarted { state.landscapeProgress = nil }  // the old surface belongs to the old runs
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
        return state.slotNeedsLandscape()  // the layout decides which view shows
    }
    if state.showHelp {
        switch key {
        case .character("?"), .character(" "), .right, .down:
            // the next page, or close after the last
            let pages = HelpOverlay.pages(width: state.width, height: state.height)
            if state.helpPage + 1 < pages { state.helpPage += 1 } else { state.showHelp = false }
        case .left, .up: state.helpPage = max(0, state.helpPage - 1)
        case .escape: state.showHelp = false
        case .character("q"), .interrupt: state.quit = true; return [.quit]
        default: break
        }
        return []
    }
    if case .character(let c) = key, let effects = state.handleLandscapeKey(c) { return effects }
    if let effects = state.handleRunKey(key) { return effects }
    switch key {
    case .character(" "): return [.send(state.running ? .pause : .run)]
    case .character("n"): return [.send(.step(1))]
    case .character("r"):
        state.say(
            state.runs.count > 1
                ? "all runs restarted at step 0 with the same initial weights"
                : "restarted at step 0 with the same initial weights")
        state.landscapeProgress = nil
        return [.send(.restart)]
    case .character("i"):
        let seed = Ladder.nextSeed(state.spec.initSeed ?? state.spec.seed, +1)
        for i in state.runs.indices { state.runs[i].spec.initSeed = seed }
        state.say("new initial weights (init seed \(seed)): restarted at step 0")
        state.landscapeProgress = nil
        return [.send(.replace(state.session, baseDirectory: state.baseDirectory))]
    case .character("<"), .character(","), .character(">"), .character("."):
        let up = key == .character(">") || key == .character(".")
        state.speed = state.speed.moved(up ? +1 : -1)
        state.say("speed \(state.speed)")
        return [.send(.setSpeed(state.speed))]
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
    case .character("v"):
        state.cycleSlot(+1)
        return state.slotNeedsLandscape()
    case .character("V"):
        state.cycleSlot(-1)
        return state.slotNeedsLandscape()
    case .character("t") where state.shownSlot == .calibration || state.shownSlot == .margins:
        if state.shownSlot == .calibration { state.calibrationOnTrain.toggle() } else { state.marginsOnTest.toggle() }
        state.say("\(state.shownSlot.name): \(state.analysisTest(for: state.shownSlot) ? "test" : "train") split (t)", seconds: 2)
        return []
    case .character("h"):
        state.points = state.points.next
        state.say("points: \(state.points.rawValue) (h)", seconds: 2)
        return []
    case .character("e"):
        state.embeddingOnCircle.toggle()
        state.say(state.embeddingOnCircle ? "embedding: every point on the circle (e)" : "embedding: points at their norm ‖h‖ (e)", seconds: 2)
        return []
    case .character("z"):
        state.discretised.toggle()
        state.say(state.discretised ? "decision boundary: hard class regions (z)" : "decision boundary: shaded by confidence (z)", seconds: 2)
        return []
    case .character("u"):
        state.yardstick.toggle()
        let classification = state.run?.dataset.task.isClassification ?? (state.spec.family == .classification)
        state.say(
            state.yardstick
                ? "Loss panel: the common yardstick, test \(classification ? "NLL" : "MSE") (comparable across losses)"
                : "Loss panel: each loss's own objective")
        return []
    case .character("s"): return [.screenshot]
    case .character("w"): return [.writePreset]
    case .character("?"):
        state.showHelp = true
        state.helpPage = 0
        return []
    case .character("q"), .interrupt:
        state.quit = true
        return [.quit]
    case .up:
        state.focus = (state.focus - 1 + state.fields.count) % max(state.fields.count, 1)
        return []
    case .down:
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
    let many = state.runs.count > 1
    let who = many ? "\(state.runs[state.selected].label): " : ""
    switch result {
    case .none:
        return []
    case .restart:
        if field.isData {
            // data is shared: every run takes it (and keeps a loss that fits it)
            let data = state.spec.data, task = state.spec.dataTask, features1D = state.spec.dataset1D
            for i in state.runs.indices where i != state.selected {
                state.runs[i].spec.data = data
                state.runs[i].spec.dataTask = task
                if features1D { state.runs[i].spec.model.features = [.x1] }
                state.runs[i].spec.keepLossValid()
            }
        }
        state.say("\(who)\(field.label) → \(field.value(in: state.spec)): \(many ? "all runs" : "run") restarted")
        state.landscapeProgress = nil  // the old surface belongs to the old run
        return [.send(.replace(state.session, baseDirectory: state.baseDirectory))]
    case .loss:
        state.say("\(who)loss \(state.spec.loss.name)\(field == .loss ? "" : ": \(field.label) = \(field.value(in: state.spec))") (weights kept)")
        return [.send(.setLoss(state.spec.loss, run: state.selected))]
    case .optimizer, .learningRate:
        state.say("\(who)\(field.label) → \(field.value(in: state.spec)) (weights kept)" + scheduleNote(state))
        return [.send(.setOptimizer(state.spec.optimizer, run: state.selected))]
    }
}

/// A decaying schedule runs over the preset's `steps`; past them it has already decayed.
private func scheduleNote(_ state: AppState) -> String {
    let o = state.spec.optimizer
    guard o.schedule != .constant, let step = state.run?.step, step >= state.spec.steps else { return "" }
    let lr = LearningRateSchedule(spec: o, totalSteps: state.spec.steps).rate(at: step)
    return "; \(o.schedule.rawValue) decays over steps = \(state.spec.steps), at step \(step) lr = \(format(lr))"
}
