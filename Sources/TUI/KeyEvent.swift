import Render

/// A key press (or terminal event) as the playground understands it,
/// independent of curses.
public enum KeyEvent: Equatable, Sendable {
    /// A printable character (letters, digits, punctuation, space).
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace
    case pageUp, pageDown, home, end
    /// Ctrl-C when the terminal delivers it as a key (raw mode) rather than SIGINT.
    case interrupt
    /// The terminal was resized (width × height in cells).
    case resize(width: Int, height: Int)
}

/// What draws frames and reads keys: curses in the terminal, or a test double.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size in cells (0 × 0 is possible and must not crash anyone).
    var size: (width: Int, height: Int) { get }
    /// Waits up to `timeoutMilliseconds` for a key; nil on timeout.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// Shows `frame` (sending only what changed).
    func draw(_ frame: Frame)
    /// The signal (SIGINT, SIGTERM) behind the last ``KeyEvent/interrupt``, for the exit status
    /// (128 + n); nil when it came from the keyboard.
    var lastSignal: Int32? { get }
}
