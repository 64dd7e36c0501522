import Dispatch
import Engine
import Foundation
import Render
import TUI

/// The interactive loop: keys and engine snapshots in, frames out.
///
/// The engine trains on its own queue; this loop (the main thread) waits up
/// to 33 ms for a key, takes the newest snapshot, updates the state, and
/// redraws — about 30 frames a second while training, at once after a key.
final class PlaygroundLoop {
    let session: TrainingSession
    let baseDirectory: String?
    let output: String
    let ascii: Bool
    var state: AppState
    let cache = ViewCache()
    let landscape = LandscapeWorker()

    init(trainer: Trainer, baseDirectory: String?, output: String, ascii: Bool) {
        session = TrainingSession(run: trainer)
        self.baseDirectory = baseDirectory
        self.output = output
        self.ascii = ascii
        state = AppState(spec: trainer.spec, baseDirectory: baseDirectory, ascii: ascii)
    }

    /// Runs until `q`, Ctrl-C or SIGTERM; returns the exit status (0, or 128 + signal).
    func run(colorRequest: ColorModeRequest) throws -> Int32 {
        let backend = CursesBackend(colorMode: colorRequest)
        do { try backend.start() } catch { throw fail("\(error)") }
        defer {
            landscape.cancel()
            session.send(.shutdown)
            backend.stop()
        }
        state.colorMode = backend.colorMode
        (state.width, state.height) = backend.size
        if let note = backend.note { state.say(note) }
        session.send(.run)
        let clock = DispatchTime.now().uptimeNanoseconds
        while !state.quit {
            _ = update(&state, .tick(Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9))
            if let snap = session.snapshots.takeFresh() {
                for effect in update(&state, .snapshot(snap)) { perform(effect) }
            }
            if let p = landscape.latest(), isNewer(p) { _ = update(&state, .landscape(p)) }
            backend.draw(Screen.render(state, cache: cache))
            guard let key = backend.readKey(timeoutMilliseconds: 33) else { continue }
            if key == .interrupt {
                state.quit = true
                return backend.lastSignal.map { 128 + $0 } ?? 130
            }
            for effect in update(&state, .key(key)) {
                perform(effect)
            }
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
            if case .replace = command { landscape.cancel() }  // its surface belongs to the old run
            session.send(command)
        case .computeLandscape(let options, let oneDimensional):
            if let run = state.run { landscape.start(run: run, options: options, oneDimensional: oneDimensional) }
        case .quit: state.quit = true
        case .screenshot:
            do {
                // the screen as it is now (rendered only when a screenshot is asked for)
                let frame = Screen.render(state, cache: cache)
                let name = try Screenshot.write(frame, mode: state.colorMode == .none ? .ansi256 : state.colorMode, to: output)
                state.say("screenshot: \(name).txt and .ans")
            } catch {
                state.say("screenshot failed: \(error)")
            }
        case .writePreset:
            do {
                let name = try Screenshot.writePreset(state.spec, baseDirectory: baseDirectory, to: output)
                state.say("preset written: \(name)")
            } catch {
                state.say("could not write the preset: \(error)")
            }
        }
    }
}
