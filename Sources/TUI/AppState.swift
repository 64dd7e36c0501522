import Engine
import Learning
import Render

/// Which data points the decision-boundary panel draws (`h` cycles them).
public enum PointsShown: String, CaseIterable, Sendable {
    case all, train, test, none

    public var next: PointsShown {
        let all = PointsShown.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// Everything the playground shows and edits; `update` changes it, the views
/// draw it. Value type, no curses, so every screen can be tested headlessly.
public struct AppState {
    /// The runs as edited in the Setup panel (labels and specs; run 1 is the preset's base).
    /// All share data, seed and steps; each has its own loss, optimizer and model.
    public var runs: [RunEntry]
    /// Index of the selected run (Tab / Shift-Tab): the Setup panel shows and edits it.
    public var selected = 0
    /// The playground's target speed (`<` `>`), mirrored to the engine.
    public var speed: PlaybackSpeed
    /// Whether the preset asked to start paused (kept in what `w` writes).
    public var startPaused = false

    /// The selected run's setup.
    public var spec: RunSpec {
        get { runs[min(max(selected, 0), runs.count - 1)].spec }
        set { runs[min(max(selected, 0), runs.count - 1)].spec = newValue }
    }
    /// The preset's folder (CSV paths are relative to it).
    public var baseDirectory: String?
    /// The CSV file of the preset and its task, kept so the dataset cycle can come back to it.
    public var csv: (path: String, task: PredictionTask?)?
    /// The newest picture from the engine.
    public var snapshot: SessionSnapshot?
    public var width: Int
    public var height: Int
    /// Index of the focused field in `SetupField.all(for: spec)`.
    public var focus = 0
    public var logY = false
    public var showAccuracy = false
    /// The view of the panel `v` cycles.
    public var slot = SlotView.decisionBoundary
    /// Calibration shows the train split, Margins the test split (`t` toggles the view's).
    public var calibrationOnTrain = false
    public var marginsOnTest = false
    /// Whether the engine tracks the sharpness for the Signals view.
    public var trackingSharpness = false
    /// Which points the decision boundary shows (`h`).
    public var points = PointsShown.all
    /// The Embedding view: every point on the unit circle (`e`), or at its norm.
    public var embeddingOnCircle = false
    /// The decision boundary as hard class regions, without confidence shading (`z`).
    public var discretised = false
    /// The Loss panel plots the common yardstick (test NLL or test MSE) instead of the loss's own objective.
    public var yardstick = false
    public var showHelp = false
    /// The page of the help overlay when every key does not fit at once.
    public var helpPage = 0
    /// A message in the status bar until `until` (seconds, the `now` clock).
    public var flash: (text: String, until: Double)?
    /// Seconds on a monotonic clock (set by the loop each tick).
    public var now = 0.0
    public var colorMode: ColorMode
    /// Draw without braille or block glyphs.
    public var ascii: Bool
    public var quit = false
    /// The Landscape panel's settings and the worker's latest progress.
    public var landscape = LandscapeSettings()
    public var landscapeProgress: LandscapeWorker.Progress?
    /// The step the last landscape request was made at.
    public var landscapeRequestedStep: Int?

    public init(
        session: SessionSpec, baseDirectory: String? = nil, width: Int = 120, height: Int = 40,
        colorMode: ColorMode = .ansi256, ascii: Bool = false
    ) {
        runs = session.runs.map { RunEntry(label: $0.label, spec: $0.spec) }
        speed = session.effectiveSpeed
        startPaused = session.startPaused
        let spec = session.base
        self.baseDirectory = baseDirectory
        csv = spec.data.kind == .csv ? spec.data.path.map { ($0, spec.dataTask) } : nil
        self.width = width
        self.height = height
        self.colorMode = colorMode
        self.ascii = ascii
    }

    /// A state for a single run.
    public init(
        spec: RunSpec, baseDirectory: String? = nil, width: Int = 120, height: Int = 40,
        colorMode: ColorMode = .ansi256, ascii: Bool = false
    ) {
        self.init(
            session: SessionSpec(spec), baseDirectory: baseDirectory, width: width, height: height,
            colorMode: colorMode, ascii: ascii)
    }

    /// The selected run's picture from the engine.
    public var run: RunSnapshot? {
        guard let runs = snapshot?.runs, !runs.isEmpty else { return nil }
        return runs[min(max(selected, 0), runs.count - 1)]
    }

    /// The session as the setup describes it now (no timelines): what a restart runs.
    public var session: SessionSpec { SessionSpec(runs: runs, speed: speed, startPaused: startPaused) }

    /// The session since the last restart, with every run's timeline (what `w` writes):
    /// replaying it gives the numbers on screen.
    public var sessionToWrite: SessionSpec {
        guard let snap = snapshot, snap.runs.count == runs.count else { return session }
        return SessionSpec(runs: snap.runs.map(\.entry), speed: speed, startPaused: startPaused)
    }

    public var running: Bool { snapshot?.running ?? false }

    public var fields: [SetupField] { SetupField.all(for: spec) }

    public var focusedField: SetupField? {
        let f = fields
        return f.isEmpty ? nil : f[min(max(focus, 0), f.count - 1)]
    }

    /// Shows `text` in the status bar for a few seconds.
    public mutating func say(_ text: String, seconds: Double = 4) { flash = (text, now + seconds) }

    /// The flash message, if still showing.
    public var currentFlash: String? {
        guard let f = flash, f.until > now else { return nil }
        return f.text
    }
}
