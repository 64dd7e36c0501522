#ifndef CNCURSES_H
#define CNCURSES_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* What Swift 6 cannot import from curses: C globals ("not concurrency-safe") and
 * function-like macros. Call all of them from the main thread only. Plain integer
 * macros (ERR, OK, KEY_CODE_YES, KEY_UP, KEY_RESIZE, ...) import as they are. */

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }

/* newterm on the process's stdout/stdin (unlike initscr, returns NULL instead of
 * exiting when the terminal type is unknown). */
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }

/* Puts one cell: `wch` is a NUL-terminated spacing character plus up to 4 combining
 * ones; `pair` may exceed 255 (extended pairs, passed through setcchar's opts).
 * Returns -2 when the character is refused (setcchar), else mvwadd_wch's result (ERR in
 * the bottom-right corner, where the cell is written but the cursor cannot advance). */
static inline int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, 0, &pair) == ERR) return -2;
    return mvwadd_wch(win, y, x, &cc);
}

/* Sets the window's current attributes and (extended) pair, e.g. before wclrtoeol. */
static inline int cn_set_attr(WINDOW *win, attr_t attrs, int pair) {
    return wattr_set(win, attrs, 0, &pair);
}

/* ---- Terminal guard (shim.c): restore the terminal on crashes and at exit. ---- */

/* Saves the terminal's current termios (the first of stdin, stdout, stderr that is
 * a tty). Call before curses changes the modes. Returns 0, or -1 without a tty. */
int cn_guard_save(void);

/* Arms the guard: builds the reset sequence (leave the alternate screen, keypad
 * off, attributes off, cursor on; from terminfo where it has them, xterm's otherwise),
 * installs handlers for SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT,
 * SIGHUP that restore the terminal and re-raise with the previous action, and (once)
 * an atexit handler that calls endwin. Call after curses has started. */
void cn_guard_arm(void);

/* Disarms the guard (after endwin): the handlers go back to what they were. */
void cn_guard_disarm(void);

/* Restores the saved termios and writes the reset sequence; async-signal-safe. */
void cn_guard_restore_now(void);

/* ---- Interrupt counters (shim.c): SIGINT/SIGTERM counted instead of killing. ---- */

/* Installs the counting handler for `sig` (SA_RESTART) and returns the action it replaced,
 * opaque, for cn_interrupt_restore; NULL when it could not. Re-installable at will. */
void *cn_interrupt_install(int sig);

/* Puts back (and frees) an action returned by cn_interrupt_install. */
void cn_interrupt_restore(int sig, void *previous);

/* How many times `sig` (SIGINT or SIGTERM) arrived since the process started. */
unsigned long cn_interrupt_count(int sig);

#endif
