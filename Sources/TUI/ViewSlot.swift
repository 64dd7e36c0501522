/// The panel whose view `v` / `V` cycles. In the full layout it is the panel
/// below the Loss chart, beside the Landscape, and cycles Loss shape → the
/// analysis views; below the full layout (80×24) it is the second panel and
/// cycles Decision boundary → Loss shape → Landscape → the views added later
/// (Embedding, then the analysis views), so every panel is reachable at any
/// size. The panel's title is the view's name.
public enum SlotView: String, CaseIterable, Sendable {
    case decisionBoundary, lossShape, embedding, landscape, calibration, margins, classes, signals, regions

    /// The views `v` cycles through in a layout, in order. The Embedding view is in the cycle when
    /// the selected run's network has an embedding layer (cosine or embedding head), first of the
    /// views added after the original three: right after Landscape below the full layout, right
    /// after Loss shape in it (where the Landscape has its own panel).
    public static func cycle(full: Bool, embedding: Bool = false) -> [SlotView] {
        let views: [SlotView] =
            full
            ? [.lossShape, .embedding, .calibration, .margins, .classes, .signals, .regions]
            : [.decisionBoundary, .lossShape, .landscape, .embedding, .calibration, .margins, .classes, .signals, .regions]
        return embedding ? views : views.filter { $0 != .embedding }
    }

    /// The name in titles and hints.
    public var name: String {
        switch self {
        case .decisionBoundary: return "Decision boundary"
        case .lossShape: return "Loss shape"
        case .landscape: return "Landscape"
        case .calibration: return "Calibration"
        case .margins: return "Margins"
        case .classes: return "Classes"
        case .signals: return "Signals"
        case .embedding: return "Embedding"
        case .regions: return "Regions"
        }
    }
}

extension AppState {
    /// Whether the screen has the full layout (every fixed panel visible).
    public var isFullLayout: Bool { width >= 100 && height >= 30 }

    /// The view the slot shows in the current layout (a view the full layout already shows
    /// elsewhere falls back to the first of its cycle).
    public var shownSlot: SlotView {
        let cycle = SlotView.cycle(full: isFullLayout, embedding: hasEmbedding)
        return cycle.contains(slot) ? slot : cycle[0]
    }

    /// `v` (+1) / `V` (−1).
    mutating func cycleSlot(_ direction: Int) {
        let cycle = SlotView.cycle(full: isFullLayout, embedding: hasEmbedding)
        let i = cycle.firstIndex(of: shownSlot) ?? 0
        slot = cycle[(i + direction + cycle.count) % cycle.count]
        say("view: \(slot.name) (v / V)", seconds: 2)
    }
}

extension AppState {
    /// Whether the selected run's network has an embedding layer (the Embedding view applies).
    public var hasEmbedding: Bool { run?.model.spec.head.hasEmbedding ?? spec.head.hasEmbedding }
}

extension AppState {
    /// Signals tracks the sharpness in the background while it is shown (every K steps, K adapted
    /// so tracking costs ≤ 10 % of training); other views stop it.
    mutating func slotNeedsLandscape() -> [Effect] {
        let wanted = shownSlot == .signals
        guard wanted != trackingSharpness else { return [] }
        trackingSharpness = wanted
        return [.send(.trackSharpness(every: wanted ? 0 : nil))]
    }
}
