import CNcurses
import Platform

/// Turns SIGINT/SIGTERM into a flag that a loop polls, so it can stop cleanly (remove
/// anything half-written, put the terminal back) instead of dying mid-write.
///
/// While an instance lives the signals never kill the process; when it goes away they get
/// back the actions they had before it was made, so instances may nest and may be made
/// again later. Make it before curses starts: ncurses then leaves SIGINT/SIGTERM alone.
///
/// A small C handler counts the signals (`cn_interrupt_*` in CNcurses); each instance sees
/// those that arrive during its life. (Not a DispatchSource: on Linux libdispatch installs
/// its signal handler only for the first source of a signal, so a second instance made
/// after the first one was gone never heard anything.)
final class Interrupt {
    private static let signals: [Int32] = [SystemSignal.interrupt, SystemSignal.terminate]
    /// The actions replaced, opaque (owned by the C side until restored).
    private var previous: [(Int32, UnsafeMutableRawPointer)] = []
    /// Per signal, the count already accounted for (at creation or the last ``consume()``).
    private var seen: [Int32: UInt] = [:]

    init() {
        // A parent may have started us with these blocked (a process spawned from a
        // libdispatch thread blocks nearly everything); then no handler would ever run.
        SystemSignal.unblock(Self.signals)
        for sig in Self.signals {
            seen[sig] = cn_interrupt_count(sig)
            if let old = cn_interrupt_install(sig) { previous.append((sig, old)) }
        }
    }

    /// Whether SIGINT or SIGTERM arrived since this instance was made (and was not taken by ``consume()``).
    var happened: Bool { Self.signals.contains { cn_interrupt_count($0) != seen[$0] } }

    /// The signal that arrived (SIGTERM first if both did), marking it seen, so the next one
    /// is noticed afresh; nil when none arrived since the last call.
    func consume() -> Int32? {
        for sig in [SystemSignal.terminate, SystemSignal.interrupt] {
            let c = cn_interrupt_count(sig)
            if c != seen[sig] {
                seen[sig] = c
                return sig
            }
        }
        return nil
    }

    deinit {
        for (sig, old) in previous.reversed() { cn_interrupt_restore(sig, old) }
    }
}
