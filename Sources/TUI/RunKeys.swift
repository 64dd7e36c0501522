import Engine
import Learning

/// The comparison keys: `c` adds a run (a copy of the selected one; every run restarts
/// at step 0 so they stay comparable), `x` removes the selected run (never the last),
/// Tab / Shift-Tab select a run.
extension AppState {
    mutating func handleRunKey(_ key: KeyEvent) -> [Effect]? {
        switch key {
        case .character("c"):
            guard runs.count < SessionSpec.maxRuns else {
                say("at most \(SessionSpec.maxRuns) runs side by side")
                return []
            }
            let source = selected
            var copy = runs[source]
            copy.label = SessionSpec.defaultLabels(runs.map(\.spec) + [copy.spec]).last!
            while runs.contains(where: { $0.label == copy.label }) { copy.label += "'" }
            runs.append(copy)
            selected = runs.count - 1
            landscapeProgress = nil
            say("run \(runs.count) \"\(copy.label)\" copies run \(source + 1): all runs restarted at step 0 from the same weights")
            return [.send(.addRun(copying: source, label: copy.label))]
        case .character("x"):
            guard runs.count > 1 else {
                say("the last run cannot be removed")
                return []
            }
            let removed = runs.remove(at: selected)
            let index = selected
            selected = min(selected, runs.count - 1)
            say("run \"\(removed.label)\" removed")
            return [.send(.removeRun(index))]
        case .tab, .backTab:
            guard runs.count > 1 else { return [] }
            selected = (selected + (key == .tab ? 1 : -1) + runs.count) % runs.count
            focus = min(focus, max(fields.count - 1, 0))
            landscapeProgress = nil  // the landscape shows the selected run's
            say("run \(selected + 1)/\(runs.count): \(runs[selected].label)", seconds: 2)
            return []
        default:
            return nil
        }
    }
}
