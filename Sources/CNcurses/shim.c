/* The terminal guard: puts the terminal back when the process dies while curses owns
 * the screen; and the SIGINT/SIGTERM counters behind Interrupt (LosscapeCLI).
 * Everything the signal handlers touch is prepared beforehand and they call only
 * async-signal-safe functions (tcsetattr, write, sigaction, raise, atomics). */
#include "CNcurses.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int guarded[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT, SIGHUP };
#define GUARDED_COUNT (sizeof guarded / sizeof guarded[0])

static struct termios saved_termios;
static int saved_fd = -1;
static int out_fd = STDOUT_FILENO;
static volatile sig_atomic_t armed = 0;
static struct sigaction previous[GUARDED_COUNT];
static int installed[GUARDED_COUNT];
static int atexit_done = 0;
static char reset_seq[512];
static size_t reset_len = 0;
static char alt_stack[1 << 16];

int cn_guard_save(void) {
    const int fds[] = { STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO };
    for (size_t i = 0; i < 3; i++) {
        if (isatty(fds[i]) && tcgetattr(fds[i], &saved_termios) == 0) {
            saved_fd = fds[i];
            return 0;
        }
    }
    saved_fd = -1;
    return -1;
}

/* Appends a terminfo string (or `fallback` when the terminal lacks it), dropping
 * padding such as "$<2>". */
static void append_string(const char *s) {
    for (; *s; s++) {
        if (s[0] == '$' && s[1] == '<') {
            const char *end = strchr(s, '>');
            if (end) { s = end; continue; }
        }
        if (reset_len + 1 < sizeof reset_seq) reset_seq[reset_len++] = *s;
    }
}

static void append_cap(const char *name, const char *fallback) {
    const char *s = tigetstr(name);
    if (s == NULL || s == (char *)-1) s = fallback;
    if (s != NULL) append_string(s);
}

void cn_guard_restore_now(void) {
    if (saved_fd >= 0) tcsetattr(saved_fd, TCSANOW, &saved_termios);
    size_t done = 0;
    while (done < reset_len) {
        ssize_t n = write(out_fd, reset_seq + done, reset_len - done);
        if (n > 0) done += (size_t)n;
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
}

static void on_fatal_signal(int sig) {
    int saved_errno = errno;
    if (armed) {
        armed = 0;
        cn_guard_restore_now();
    }
    /* Back to the previous action (the default, or the Swift runtime's backtracer),
     * then re-raise: delivered when this handler returns. */
    for (size_t i = 0; i < GUARDED_COUNT; i++) {
        if (guarded[i] == sig && installed[i]) {
            sigaction(sig, &previous[i], NULL);
            installed[i] = 0;
        }
    }
    raise(sig);
    errno = saved_errno;
}

static void at_exit(void) {
    if (armed) {
        armed = 0;
        if (!isendwin()) endwin();
        cn_guard_disarm();
    }
}

void cn_guard_arm(void) {
    reset_len = 0;
    append_string("\030"); /* CAN: abandon an escape sequence cut off by the crash */
    append_cap("sgr0", "\033[0m");
    const char *kmous = tigetstr("kmous");
    if (kmous != NULL && kmous != (char *)-1) /* xterm mouse modes off, should the UI have enabled them */
        append_string("\033[?1000l\033[?1002l\033[?1003l\033[?1006l");
    append_cap("rmkx", NULL);
    append_cap("cnorm", NULL);
    append_cap("rmcup", NULL);
    out_fd = isatty(STDOUT_FILENO) ? STDOUT_FILENO : (saved_fd >= 0 ? saved_fd : STDOUT_FILENO);

    /* A stack of its own for the handler, so a stack overflow on the main thread is caught too. */
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t ss = { .ss_sp = alt_stack, .ss_size = sizeof alt_stack, .ss_flags = 0 };
        sigaltstack(&ss, NULL);
    }
    for (size_t i = 0; i < GUARDED_COUNT; i++) {
        if (installed[i]) continue;
        struct sigaction old;
        if (sigaction(guarded[i], NULL, &old) != 0) continue;
        if (!(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN) continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigfillset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        if (sigaction(guarded[i], &sa, &previous[i]) == 0) installed[i] = 1;
    }
    if (!atexit_done) {
        atexit(at_exit);
        atexit_done = 1;
    }
    armed = 1;
}

void cn_guard_disarm(void) {
    armed = 0;
    for (size_t i = 0; i < GUARDED_COUNT; i++) {
        if (installed[i]) {
            sigaction(guarded[i], &previous[i], NULL);
            installed[i] = 0;
        }
    }
}

/* ---- Interrupt counters ---- */

static unsigned long interrupt_counts[2];

static int interrupt_slot(int sig) { return sig == SIGINT ? 0 : sig == SIGTERM ? 1 : -1; }

static void on_interrupt(int sig) {
    int slot = interrupt_slot(sig);
    if (slot >= 0) __atomic_fetch_add(&interrupt_counts[slot], 1, __ATOMIC_SEQ_CST);
}

void *cn_interrupt_install(int sig) {
    if (interrupt_slot(sig) < 0) return NULL;
    struct sigaction *previous = malloc(sizeof *previous);
    if (!previous) return NULL;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    sa.sa_flags = SA_RESTART;
    if (sigaction(sig, &sa, previous) != 0) {
        free(previous);
        return NULL;
    }
    return previous;
}

void cn_interrupt_restore(int sig, void *previous) {
    if (!previous) return;
    sigaction(sig, (const struct sigaction *)previous, NULL);
    free(previous);
}

unsigned long cn_interrupt_count(int sig) {
    int slot = interrupt_slot(sig);
    return slot < 0 ? 0 : __atomic_load_n(&interrupt_counts[slot], __ATOMIC_SEQ_CST);
}
