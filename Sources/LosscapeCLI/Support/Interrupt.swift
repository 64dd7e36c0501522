import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT/SIGTERM into a flag that a loop polls, so it can stop cleanly (remove
/// anything half-written, put the terminal back) instead of dying mid-write.
///
/// While an instance lives the signals never kill the process; when it goes away the
/// signals get back the actions they had before it was made (so instances may nest).
/// Make it before curses starts: ncurses then leaves SIGINT/SIGTERM alone.
final class Interrupt {
    private final class Flag: Sendable {
        /// The last signal received and not yet consumed; 0 when none.
        let value = Mutex<Int32>(0)
    }
    private let flag = Flag()
    private let sources: [DispatchSourceSignal]
    private var previous: [(Int32, sigaction)] = []

    init() {
        var made: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            var old = sigaction()
            sigaction(sig, nil, &old)
            previous.append((sig, old))
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            made.append(s)
        }
        sources = made
        for (s, sig) in zip(sources, [SIGINT, SIGTERM]) {
            s.setEventHandler { [flag] in flag.value.withLock { $0 = sig } }
            s.resume()
        }
    }

    /// Whether SIGINT or SIGTERM arrived (and was not taken by ``consume()``).
    var happened: Bool { flag.value.withLock { $0 != 0 } }

    /// The signal that arrived (SIGINT or SIGTERM) and clears it, so the next one is seen
    /// afresh; nil when none arrived since the last call.
    func consume() -> Int32? {
        flag.value.withLock { value in
            defer { value = 0 }
            return value == 0 ? nil : value
        }
    }

    deinit {
        for s in sources { s.cancel() }
        for (sig, old) in previous {
            var old = old
            sigaction(sig, &old, nil)
        }
    }
}
