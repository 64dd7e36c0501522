import Engine
import Learning
import Render

/// The analysis views of the view slot — Embedding, Calibration, Margins, Classes, Signals, Regions —
/// each of the selected run (`[k/N label]` in the title with several runs). A view that does
/// not apply to the run says why in the panel.
enum AnalysisViews {
    static func render(_ state: AppState, cache: ViewCache, in rect: Rect, into frame: inout Frame, theme: Theme) {
        let view = state.shownSlot
        // the title's parts, dropped whole when the panel is narrow
        var parts = [FieldLine.Field(view.name, priority: 10)]
        if let runs = state.snapshot?.runs, runs.count > 1 {
            let k = min(state.selected, runs.count - 1)
            parts.append(.init("[\(k + 1)/\(runs.count) \(runs[k].label)]", priority: 5))
        }
        if view == .calibration || view == .margins {
            parts.append(.init(state.analysisTest(for: view) ? "(test)" : "(train)", priority: 8))
        }
        let width = max(rect.width - 6, 1)
        var title = FieldLine(parts, separator: " ").fitted(to: width)
        let inner = rect.inset(by: 1)
        guard let run = state.run, inner.width > 8, inner.height > 3 else {
            frame.render(theme.panel(title), in: rect)
            return
        }
        let index = min(state.selected, max((state.snapshot?.runs.count ?? 1) - 1, 0))
        switch view {
        case .calibration:
            frame.render(theme.panel(title), in: rect)
            CalibrationView.render(run, index: index, state, cache, in: inner, into: &frame, theme: theme)
        case .margins:
            frame.render(theme.panel(title), in: rect)
            MarginsView.render(run, index: index, state, cache, in: inner, into: &frame, theme: theme)
        case .classes:
            frame.render(theme.panel(title), in: rect)
            ClassesView.render(run, index: index, state, cache, in: inner, into: &frame, theme: theme)
        case .signals:
            frame.render(theme.panel(title), in: rect)
            SignalsView.render(run, index: index, state, in: inner, into: &frame, theme: theme)
        case .embedding:
            if run.model.spec.head.hasEmbedding, run.model.layers.last.map({ $0.outputs > 2 }) == true {
                parts[0].text += ": PCA of ĥ"
                title = FieldLine(parts, separator: " ").fitted(to: width)
            }
            frame.render(theme.panel(title), in: rect)
            EmbeddingView.render(run, index: index, state, cache, in: inner, into: &frame, theme: theme)
        case .regions:
            let regions = RegionsView.regions(run, index: index, state, cache, in: inner, theme: theme)
            if let r = regions { parts[0].text += ": \(r.count)" }
            title = FieldLine(parts, separator: " ").fitted(to: width)
            frame.render(theme.panel(title), in: rect)
            RegionsView.render(run, regions, state, in: inner, into: &frame, theme: theme)
        default:
            frame.render(theme.panel(title), in: rect)
        }
    }

    /// A view's one-line explanation of why it does not apply.
    static func notApplicable(_ text: String, in rect: Rect, into frame: inout Frame, theme: Theme) {
        var y = rect.y + rect.height / 2 - 1
        var rest = Substring(text)
        while !rest.isEmpty && y < rect.maxY {
            var piece = rest.prefix(rect.width)
            if piece.count < rest.count, let space = piece.lastIndex(of: " ") { piece = rest[rest.startIndex..<space] }
            frame.put(String(piece), in: Rect(x: rect.x, y: y, width: rect.width, height: 1), align: .center, style: theme.dim)
            rest = rest[piece.endIndex...].drop { $0 == " " }
            y += 1
        }
    }

    /// 0.041, 12.3, 1.2e-5: three significant digits, never cut.
    static func number(_ x: Double?) -> String {
        guard let x else { return "–" }
        return NiceTicks.format(x, significantDigits: 3)
    }

    static func percent(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return fixed(x * 100, 1) + "%"
    }
}

extension AppState {
    /// Whether Calibration / Margins show the test split (`t` toggles; Calibration starts on test,
    /// Margins on train).
    func analysisTest(for view: SlotView) -> Bool {
        view == .calibration ? !calibrationOnTrain : marginsOnTest
    }
}
