import Dispatch
import Engine
import Foundation
import Render
import TUI

/// The interactive loop: keys and engine snapshots in, frames out, on any
/// `TerminalBackend` (curses in the playground, `TestBackend` in the tests).
///
/// The engine trains on its own queue; this loop (the main thread) waits up
/// to 33 ms for a key, takes the newest snapshot, updates the state, and
/// redraws — about 30 frames a second while training, at once after a key.
final class PlaygroundLoop<Backend: TerminalBackend> {
    let backend: Backend
    let session: TrainingSession
    let output: String
    var state: AppState
    let cache = ViewCache()
    let landscape = LandscapeWorker()
    /// Seconds on a monotonic clock.
    let clock: () -> Double
    /// Records what the screen shows (`--record`), if asked.
    var recorder: CastRecorder?

    init(
        backend: Backend, session: TrainingSession, state: AppState, output: String,
        clock: @escaping () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    ) {
        self.backend = backend
        self.session = session
        self.state = state
        self.output = output
        self.clock = clock
    }

    /// Runs until `q`, Ctrl-C or SIGTERM; returns the exit status (0, or 128 + signal).
    func run() -> Int32 {
        defer {
            landscape.cancel()
            session.send(.shutdown)
            recorder?.close()
        }
        (state.width, state.height) = backend.size
        if !state.startPaused { session.send(.run) }
        let start = clock()
        while !state.quit {
            _ = update(&state, .tick(clock() - start))
            if let snap = session.snapshots.takeFresh() {
                for effect in update(&state, .snapshot(snap)) { perform(effect) }
            }
            if let p = landscape.latest(), isNewer(p) { _ = update(&state, .landscape(p)) }
            let frame = Screen.render(state, cache: cache)
            backend.draw(frame)
            recorder?.record(frame, at: clock() - start)
            guard let key = backend.readKey(timeoutMilliseconds: 33) else { continue }
            if key == .interrupt {
                state.quit = true
                return backend.lastSignal.map { 128 + $0 } ?? 130
            }
            for effect in update(&state, .key(key)) { perform(effect) }
        }
        return 0
    }

    /// True when the worker has something the state has not seen.
    func isNewer(_ p: LandscapeWorker.Progress) -> Bool {
        guard let old = state.landscapeProgress else { return true }
        return p.generation != old.generation || p.rowsDone != old.rowsDone || p.done != old.done
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .send(let command):
            switch command {
            case .replace, .restart, .addRun, .removeRun: landscape.cancel()  // its surface belongs to the old runs
            default: break
            }
            session.send(command)
        case .computeLandscape(let options, let oneDimensional):
            if let run = state.run { landscape.start(run: run, options: options, oneDimensional: oneDimensional) }
        case .quit: state.quit = true
        case .screenshot:
            do {
                // the screen as it is now (rendered only when a screenshot is asked for)
                let frame = Screen.render(state, cache: cache)
                let path = try Screenshot.write(frame, mode: state.colorMode == .none ? .ansi256 : state.colorMode, to: output)
                state.say("screenshot: \(path).txt, .ans and .svg")
            } catch {
                state.say("screenshot failed: \(error)")
            }
        case .writePreset:
            do {
                let path = try Screenshot.writePreset(state.sessionToWrite, baseDirectory: state.baseDirectory, to: output)
                state.say("preset written: \(path)")
            } catch {
                state.say("could not write the preset: \(error)")
            }
        }
    }
}
