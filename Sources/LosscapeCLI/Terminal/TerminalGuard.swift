import CNcurses

/// Puts the terminal back on every way out while curses owns the screen.
///
/// - Normal exit (`q`, an error): ``CursesBackend/stop()`` calls `endwin` — the one place.
/// - SIGINT / SIGTERM: never kill the process while curses is up; ``Interrupt`` turns them
///   into a flag and ``CursesBackend/readKey(timeoutMilliseconds:)`` into
///   ``KeyEvent/interrupt``, so the loop quits through `stop()`.
/// - `exit()` anywhere (e.g. a library that exits): an atexit handler calls `endwin`.
/// - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE; also SIGQUIT, SIGHUP),
///   e.g. a Swift precondition failure: a C handler restores the termios saved before
///   curses started, writes a reset sequence (attributes off, keypad off, cursor on, leave
///   the alternate screen) with write(2), and re-raises the signal with the action it had
///   before (the default, or the Swift runtime's backtracer), so the crash is still reported.
///
/// The handlers live in C (`Sources/CNcurses/shim.c`): a signal handler must not enter the
/// Swift runtime.
enum TerminalGuard {
    /// Saves the terminal modes; call before curses changes them. False without a tty.
    @discardableResult
    static func save() -> Bool { cn_guard_save() == 0 }

    /// Installs the crash handlers and the atexit hook; call once curses is up.
    static func arm() { cn_guard_arm() }

    /// Removes the crash handlers; call right after `endwin`.
    static func disarm() { cn_guard_disarm() }
}
