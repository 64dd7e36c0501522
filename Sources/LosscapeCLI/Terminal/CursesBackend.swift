import CNcurses
import Foundation
import Platform
import Render
import TUI

/// Why the terminal could not be opened.
enum TerminalError: Error, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// curses could not start on this terminal type.
    case cannotStart(term: String)

    var description: String {
        switch self {
        case .notATerminal: return "the playground needs a terminal (standard input and output are not one)"
        case .cannotStart(let term): return "cannot open the terminal (TERM=\(term.isEmpty ? "unset" : term))"
        }
    }
}

/// The real terminal through ncursesw: the one place that calls curses.
///
/// Use it from the main thread only (curses is not thread-safe):
/// ```
/// let backend = CursesBackend(colorMode: .auto)
/// try backend.start()
/// defer { backend.stop() }
/// while … { backend.draw(frame); if let key = backend.readKey(timeoutMilliseconds: 30) { … } }
/// ```
/// While started, SIGINT and SIGTERM do not kill the process: `readKey` returns
/// ``KeyEvent/interrupt`` instead (see ``TerminalGuard`` for every exit path).
final class CursesBackend: TerminalBackend {
    /// What `--color` asked for.
    let requested: ColorModeRequest
    /// The colour mode in effect (``ColorMode/none`` until ``start()``).
    private(set) var colorMode: ColorMode = .none
    /// A one-line note for the UI to flash when the request could not be met
    /// (e.g. truecolor on a terminal without direct colour); nil when all is as asked.
    private(set) var note: String?
    /// The signal (SIGINT or SIGTERM) behind the last ``KeyEvent/interrupt``; nil when
    /// that came from the keyboard (Ctrl-C as a key) or none came yet. For exit codes (128 + n).
    private(set) var lastSignal: Int32?
    /// Whether curses owns the screen (between ``start()`` and ``stop()``).
    private(set) var isActive = false

    private let environment: [String: String]
    private var screen: OpaquePointer?
    private var direct = false
    private var defaultColors = false
    private var pairs = ColorPairs(capacity: 1)
    private var interrupt: Interrupt?
    private let glyph = UnsafeMutablePointer<wchar_t>.allocate(capacity: 6)
    private var lastStyle: Style?
    private var lastAttributes: attr_t = 0
    private var lastPair: Int32 = 0

    /// A backend that will use `requested` colours; nothing happens to the terminal until ``start()``.
    init(colorMode requested: ColorModeRequest, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.requested = requested
        self.environment = environment
    }

    deinit {
        stop()
        glyph.deallocate()
    }

    /// Takes over the terminal: locale, curses in cbreak/noecho/keypad mode, cursor hidden,
    /// Esc delay 25 ms, colours (see ``ColorResolution/resolve(_:environment:hasColors:colors:)``),
    /// SIGINT/SIGTERM caught, crash handlers armed. After ``stop()`` it resumes the screen.
    /// - Throws: ``TerminalError`` when there is no terminal or curses cannot start on it.
    func start() throws {
        guard !isActive else { return }
        if screen != nil {
            TerminalGuard.save()
            interrupt = Interrupt()
            reset_prog_mode()
            curs_set(0)
            clearok(cn_curscr(), true)
            doupdate()
            TerminalGuard.arm()
            isActive = true
            return
        }
        guard SystemProcess.isTerminal(0) && SystemProcess.isTerminal(1) else { throw TerminalError.notATerminal }
        // Resize (SIGWINCH), Ctrl-Z / fg and the guarded signals must reach us even when the
        // parent started us with them blocked (e.g. tmux launched from a test's dispatch thread).
        SystemSignal.unblock(SystemSignal.terminal)
        TerminalGuard.save()
        interrupt = Interrupt()  // before curses, so ncurses leaves SIGINT/SIGTERM to it
        SystemProcess.useEnvironmentLocale()
        guard let s = cn_newterm(), let win = cn_stdscr() else {
            interrupt = nil
            throw TerminalError.cannotStart(term: environment["TERM"] ?? "")
        }
        screen = s
        cbreak()
        noecho()
        nonl()
        keypad(win, true)
        intrflush(win, false)
        leaveok(win, true)
        curs_set(0)
        set_escdelay(25)
        startColors()
        TerminalGuard.arm()
        isActive = true
    }

    private func startColors() {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var started = false
        if requested != .never && !(requested == .auto && noColor) && has_colors() && start_color() != ERR {
            started = true
            defaultColors = use_default_colors() != ERR
        }
        let r = ColorResolution.resolve(
            requested, environment: environment, hasColors: started,
            colors: started ? Int(cn_colors()) : 0)
        colorMode = r.mode
        direct = r.direct
        note = r.note
        pairs = ColorPairs(capacity: started ? Int(cn_color_pairs()) : 1)
        lastStyle = nil
    }

    /// Gives the terminal back (`endwin`, crash handlers removed, SIGINT/SIGTERM back to
    /// what they were). Safe to call any number of times.
    func stop() {
        guard isActive else { return }
        isActive = false
        endwin()
        TerminalGuard.disarm()
        interrupt = nil
    }

    /// The screen's size in cells; 0 × 0 when not started.
    var size: (width: Int, height: Int) {
        guard isActive, let win = cn_stdscr() else { return (0, 0) }
        return (max(0, Int(getmaxx(win))), max(0, Int(getmaxy(win))))
    }

    /// Waits up to `timeoutMilliseconds` (negative counts as 0) for a key. Returns
    /// ``KeyEvent/interrupt`` once per SIGINT/SIGTERM, ``KeyEvent/resize(width:height:)``
    /// with the new size after a resize, nil on timeout and for keys the playground
    /// does not use.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard isActive, let win = cn_stdscr() else { return nil }
        if let sig = interrupt?.consume() {
            lastSignal = sig
            return .interrupt
        }
        wtimeout(win, Int32(clamping: max(0, timeoutMilliseconds)))
        var ch: wint_t = 0
        let r = wget_wch(win, &ch)
        switch r {
        case KEY_CODE_YES:
            let code = Int32(bitPattern: ch)
            if code == KEY_RESIZE {
                clearok(cn_curscr(), true)  // the terminal may have moved things: repaint fully once
                let s = size
                return .resize(width: s.width, height: s.height)
            }
            return KeyDecoding.keyCode(code)
        case OK:
            let key = KeyDecoding.character(ch)
            if key == .interrupt { lastSignal = nil }
            return key
        default:
            if let sig = interrupt?.consume() {
                lastSignal = sig
                return .interrupt
            }
            return nil
        }
    }

    /// Shows `frame`: every cell of the part that fits is written (no `clear()`), the rest of
    /// the screen is blanked, and curses sends only what changed (`wnoutrefresh` + `doupdate`).
    func draw(_ frame: Frame) {
        guard isActive, let win = cn_stdscr() else { return }
        let screenSize = size
        let w = min(frame.width, screenSize.width)
        let h = min(frame.height, screenSize.height)
        if !drawCells(frame, width: w, height: h, window: win, allowOverflow: false) {
            // More colour pairs than the terminal has: start the table afresh and draw again;
            // whatever still does not fit borrows a pair with the same background (or foreground).
            pairs.reset()
            lastStyle = nil
            _ = drawCells(frame, width: w, height: h, window: win, allowOverflow: true)
        }
        cn_set_attr(win, cn_a_normal(), 0)
        if w < screenSize.width {
            for y in 0..<h {
                wmove(win, Int32(y), Int32(w))
                wclrtoeol(win)
            }
        }
        if h < screenSize.height {
            wmove(win, Int32(h), 0)
            wclrtobot(win)
        }
        wnoutrefresh(win)
        doupdate()
    }

    /// Writes the top-left `width` × `height` cells; false when the colour pairs ran out
    /// (unless `allowOverflow`, which draws such cells with the nearest pair there is).
    private func drawCells(
        _ frame: Frame, width: Int, height: Int, window: UnsafeMutablePointer<WINDOW>,
        allowOverflow: Bool
    ) -> Bool {
        for y in 0..<height {
            for x in 0..<width {
                let cell = frame[x, y]
                if cell.style != lastStyle {
                    guard let (a, p) = attributes(for: cell.style, allowOverflow: allowOverflow) else { return false }
                    lastStyle = cell.style
                    lastAttributes = a
                    lastPair = p
                }
                var i = 0
                for scalar in cell.glyph.unicodeScalars.prefix(5) {
                    glyph[i] = wchar_t(bitPattern: scalar.value)
                    i += 1
                }
                glyph[i] = 0
                if cn_put_cell(window, Int32(y), Int32(x), glyph, lastAttributes, lastPair) == -2 {
                    glyph[0] = wchar_t(UInt8(ascii: "?"))
                    glyph[1] = 0
                    cn_put_cell(window, Int32(y), Int32(x), glyph, lastAttributes, lastPair)
                }
            }
        }
        return true
    }

    /// Curses attributes and colour pair for a style; nil when a new pair is needed and none is left.
    private func attributes(for style: Style, allowOverflow: Bool) -> (attr_t, Int32)? {
        var a = cn_a_normal()
        if style.bold { a |= cn_a_bold() }
        if style.dim { a |= cn_a_dim() }
        if style.reverse { a |= cn_a_reverse() }
        guard colorMode != .none else { return (a, 0) }
        let s = style.converted(to: colorMode)
        let fg = ColorPairs.colorNumber(s.fg, foreground: true, direct: direct, defaultColors: defaultColors)
        let bg = ColorPairs.colorNumber(s.bg, foreground: false, direct: direct, defaultColors: defaultColors)
        guard let (pair, isNew) = pairs.lookup(fg: fg, bg: bg) else {
            return allowOverflow ? (a, pairs.nearest(fg: fg, bg: bg)) : nil
        }
        if isNew && init_extended_pair(pair, fg, bg) == ERR {
            pairs.override(fg: fg, bg: bg, pair: 0)
            return (a, 0)
        }
        return (a, pair)
    }
}
