import Engine
import Learning

/// What the Landscape panel computes and how it draws it.
public struct LandscapeSettings: Equatable, Sendable {
    public var directions: LandscapeDirectionKind = .random
    /// Half the side of the square; nil: 1 for random directions, the path's extent for PCA.
    public var span: Double?
    /// Points per axis.
    public var grid = 41
    /// The 1-D view: slice along d₁ and interpolation from the initial weights.
    public var oneDimensional = false
    /// Colour by log(value): loss surfaces span decades, so on by default.
    public var logScale = true
    /// Recompute every `autoRefreshSteps` steps while training.
    public var autoRefresh = false
    public static let autoRefreshSteps = 250
    public static let gridLadder = [11, 21, 31, 41, 51, 61, 81]

    public init() {}

    /// The engine options for a request.
    public var options: LandscapeOptions {
        LandscapeOptions(directions: directions, grid: grid, span: span, threads: 1)
    }
}

extension AppState {
    /// Starts (or restarts) the computation with the current settings.
    mutating func requestLandscape() -> [Effect] {
        guard run != nil else { return [] }
        landscapeRequestedStep = run?.step
        say(landscape.oneDimensional ? "computing the 1-D slice…" : "computing the \(landscape.grid)×\(landscape.grid) landscape…", seconds: 2)
        return [.computeLandscape(landscape.options, oneDimensional: landscape.oneDimensional)]
    }

    /// The span currently shown (for the [ ] keys).
    var shownSpan: Double { landscapeProgress?.coordinates.last ?? landscape.span ?? 1 }

    /// Landscape keys: g p [ ] { } 1 Y G.
    mutating func handleLandscapeKey(_ c: Character) -> [Effect]? {
        switch c {
        case "g": return requestLandscape()
        case "p":
            landscape.directions = landscape.directions == .random ? .pca : .random
            landscape.span = nil
            return requestLandscape()
        case "[", "]":
            let factor = c == "]" ? 1.5 : 1 / 1.5
            landscape.span = min(max(shownSpan * factor, 1e-3), 1e3)
            return requestLandscape()
        case "{", "}":
            landscape.grid = Ladder.step(landscape.grid, in: LandscapeSettings.gridLadder, c == "}" ? 1 : -1)
            return requestLandscape()
        case "1":
            landscape.oneDimensional.toggle()
            return requestLandscape()
        case "Y":
            landscape.logScale.toggle()
            say("landscape colours: \(landscape.logScale ? "log" : "linear") scale (Y)")
            return []
        case "G":
            landscape.autoRefresh.toggle()
            let state = "landscape auto-refresh every \(LandscapeSettings.autoRefreshSteps) steps: \(landscape.autoRefresh ? "on" : "off")"
            guard landscape.autoRefresh && landscapeProgress == nil else {
                say(state)
                return []
            }
            // the first computation starts now: one message says both (the new state stays readable)
            let effects = requestLandscape()
            say(effects.isEmpty ? state : "\(state); \(currentFlash ?? "computing…")", seconds: 3)
            return effects
        default: return nil
        }
    }

    /// Auto-refresh: a new computation when the run has moved on far enough.
    mutating func autoRefreshLandscape() -> [Effect] {
        guard landscape.autoRefresh, let run, running else { return [] }
        if let p = landscapeProgress, !p.done { return [] }
        let last = landscapeRequestedStep ?? -LandscapeSettings.autoRefreshSteps
        guard run.step - last >= LandscapeSettings.autoRefreshSteps || run.step < last else { return [] }
        landscapeRequestedStep = run.step
        return [.computeLandscape(landscape.options, oneDimensional: landscape.oneDimensional)]
    }
}
