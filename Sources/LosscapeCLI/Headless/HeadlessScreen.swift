import Engine
import Foundation
import Learning
import Render
import TUI

/// The playground's screen without a terminal (`snapshot`, `cast`): the same
/// state, update and views, fed with snapshots of runs trained here. It shows
/// the target speed, never a measured rate, so its frames are deterministic.
struct HeadlessScreen {
    let session: SessionSpec
    let drivers: [RunDriver]
    var state: AppState
    let cache = ViewCache()

    init(
        session: SessionSpec, drivers: [RunDriver], baseDirectory: String?, width: Int, height: Int,
        colorMode: ColorMode, ascii: Bool
    ) {
        self.session = session
        self.drivers = drivers
        state = AppState(
            session: session, baseDirectory: baseDirectory, width: width, height: height,
            colorMode: colorMode, ascii: ascii)
    }

    /// Trains every run until `step` (lockstep, as the playground does).
    func advance(until step: Int) {
        while drivers.contains(where: { $0.step < step && !$0.health.isDiverged }) {
            for d in drivers where d.step < step { d.step() }
        }
    }

    /// Feeds the runs' current state to the screen (`sequence` orders the snapshots).
    mutating func refresh(sequence: Int, landscape: Bool = false) {
        let snapshot = SessionSnapshot(
            sequence: sequence, runs: drivers.map(RunSnapshot.init), running: false,
            stepsPerSecond: 0, message: nil, speed: state.speed)
        _ = update(&state, .snapshot(snapshot))
        if landscape, let run = state.run {
            let s = state.landscape
            _ = update(&state, .landscape(LandscapeWorker.computeNow(run: run, options: s.options, oneDimensional: s.oneDimensional)))
        }
    }

    func frame() -> Frame { Screen.render(state, cache: cache) }
}

/// `WIDTHxHEIGHT` for `--size`, checked against the playground's minimum.
func parseScreenSize(_ text: String) throws -> (Int, Int) {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
        throw LosscapeError("--size: expected WIDTHxHEIGHT like 120x40, got \(text)")
    }
    let (mw, mh) = (Screen.minimumSize.width, Screen.minimumSize.height)
    guard w >= mw && h >= mh else { throw LosscapeError("--size: \(w)x\(h) is below the playground's minimum of \(mw)x\(mh)") }
    guard w <= 1000 && h <= 1000 else { throw LosscapeError("--size: at most 1000x1000, got \(text)") }
    return (w, h)
}

/// A one-line error of a command.
struct LosscapeError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
