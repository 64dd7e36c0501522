import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT/SIGTERM into a flag that a headless loop polls, so it can
/// stop cleanly (and remove anything half-written) instead of dying mid-write.
final class Interrupt {
    private final class Flag: Sendable {
        let value = Mutex(false)
    }
    private let flag = Flag()
    private let sources: [DispatchSourceSignal]

    init() {
        var made: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            made.append(s)
        }
        sources = made
        for s in sources {
            s.setEventHandler { [flag] in flag.value.withLock { $0 = true } }
            s.resume()
        }
    }

    var happened: Bool { flag.value.withLock { $0 } }

    deinit {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
