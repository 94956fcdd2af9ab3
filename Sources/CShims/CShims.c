#define _GNU_SOURCE
#include "CShims.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int procrun_pidfd_open(int pid) {
    return (int)syscall(SYS_pidfd_open, (pid_t)pid, 0);
}

int procrun_pipe2(int fds[2], int flags) {
    return pipe2(fds, flags);
}

int procrun_mkostemp(char *path, int flags) {
    return mkostemp(path, flags);
}

// MARK: The warden

// The process groups to end when procrun dies, in memory shared with the warden process. A slot
// holds a group id or 0; `high` is one past the highest slot ever taken, so scans stay short.
#define PROCRUN_WARDEN_SLOTS 4096
struct procrun_watch_table {
    _Atomic int high;
    _Atomic int groups[PROCRUN_WARDEN_SLOTS];
};

static struct procrun_watch_table *_Atomic procrun_watched;
static int procrun_warden_pipe = -1;
static pthread_once_t procrun_warden_once = PTHREAD_ONCE_INIT;

static void procrun_end_watched(struct procrun_watch_table *table) {
    int high = atomic_load(&table->high);
    for (int slot = 0; slot < high && slot < PROCRUN_WARDEN_SLOTS; slot++) {
        int group = atomic_load(&table->groups[slot]);
        if (group > 0) kill(-group, SIGKILL);
    }
}

// The warden's whole life, in the forked child: only async-signal-safe calls. It sits in a group
// of its own (so that a signal to procrun's group does not end it first), holds no descriptor of
// procrun's but the read end of its pipe, and waits: a byte means procrun exits normally (its own
// cleanup has run), end of file means procrun died without one (SIGKILL, a crash).
static void procrun_warden_main(int input, struct procrun_watch_table *table) {
    setpgid(0, 0);
    prctl(PR_SET_NAME, "procrun-warden", 0, 0, 0);
    struct sigaction action = {0};
    action.sa_handler = SIG_DFL;
    for (int number = 1; number < NSIG; number++) sigaction(number, &action, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int null = open("/dev/null", O_RDWR);
    for (int descriptor = 0; descriptor < 3; descriptor++) {
        if (descriptor != input) dup2(null, descriptor);
    }
    if (input != 3) {
        dup2(input, 3);
        input = 3;
    }
    if (syscall(SYS_close_range, 4U, ~0U, 0U) != 0) {
        struct rlimit limit;
        rlim_t last = getrlimit(RLIMIT_NOFILE, &limit) == 0 ? limit.rlim_cur : 1024;
        if (last > 65536) last = 65536;
        for (rlim_t descriptor = 4; descriptor < last; descriptor++) close((int)descriptor);
    }
    if (chdir("/") != 0) {
        // Only to keep procrun's folder from being busy; staying there is harmless.
    }
    char byte;
    ssize_t count;
    do {
        count = read(input, &byte, 1);
    } while (count < 0 && errno == EINTR);
    if (count != 1) procrun_end_watched(table);
    _exit(0);
}

static void procrun_warden_disarm(void) {
    char byte = 'x';
    if (procrun_warden_pipe >= 0 && write(procrun_warden_pipe, &byte, 1) != 1) {
        // The warden is gone already: nothing is left to tell.
    }
}

static void procrun_warden_fork(void) {
    struct procrun_watch_table *table =
        mmap(NULL, sizeof *table, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (table == MAP_FAILED) return;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        munmap(table, sizeof *table);
        return;
    }
    // No handler of procrun's may run in the warden before it resets them.
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    pid_t pid = fork();
    if (pid == 0) procrun_warden_main(fds[0], table);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    close(fds[0]);
    if (pid < 0) {
        close(fds[1]);
        munmap(table, sizeof *table);
        return;
    }
    // Also here, so that the warden is out of procrun's group however soon procrun exits.
    setpgid(pid, pid);
    procrun_warden_pipe = fds[1];
    atexit(procrun_warden_disarm);
    atomic_store(&procrun_watched, table);
}

void procrun_warden_start(void) {
    pthread_once(&procrun_warden_once, procrun_warden_fork);
}

// Takes a free slot for `group` (in the spawned child, before exec); -1 when all are taken.
static int procrun_watch(struct procrun_watch_table *table, int group) {
    for (int slot = 0; slot < PROCRUN_WARDEN_SLOTS; slot++) {
        int expected = 0;
        if (atomic_load(&table->groups[slot]) == 0
            && atomic_compare_exchange_strong(&table->groups[slot], &expected, group)) {
            int high = atomic_load(&table->high);
            while (high <= slot && !atomic_compare_exchange_weak(&table->high, &high, slot + 1)) {}
            return slot;
        }
    }
    return -1;
}

void procrun_warden_release(int group) {
    struct procrun_watch_table *table = atomic_load(&procrun_watched);
    if (table == NULL || group <= 0) return;
    int high = atomic_load(&table->high);
    for (int slot = 0; slot < high && slot < PROCRUN_WARDEN_SLOTS; slot++) {
        int expected = group;
        if (atomic_compare_exchange_strong(&table->groups[slot], &expected, 0)) return;
    }
}

// MARK: Spawning

struct procrun_spawn_request {
    const char *path;
    char *const *argv;
    char *const *envp;
    const char *directory;
    int input, output, errors, side;
    int ends_with_parent;
    pid_t parent;
    struct procrun_watch_table *table;
    // Written by the child, read by the parent once the child has called exec or exited.
    int error;
};

// dup2 that, like posix_spawn's adddup2, clears close-on-exec when both descriptors are one.
static int procrun_dup2(int from, int to) {
    if (from != to) return dup2(from, to) < 0 ? -1 : 0;
    int flags = fcntl(from, F_GETFD);
    return flags < 0 ? -1 : fcntl(from, F_SETFD, flags & ~FD_CLOEXEC);
}

// The child, sharing procrun's memory until exec (CLONE_VM | CLONE_VFORK): only async-signal-safe
// calls, and nothing written but `request->error` and the watch table.
static int procrun_spawn_child(void *argument) {
    struct procrun_spawn_request *request = argument;
    struct sigaction action = {0};
    action.sa_handler = SIG_DFL;
    for (int number = 1; number < NSIG; number++) sigaction(number, &action, NULL);
    if (setpgid(0, 0) != 0) goto failed;
    if (request->ends_with_parent) {
        if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) goto failed;
        // procrun died before the line above took effect: the signal will never come.
        if (getppid() != request->parent) _exit(127);
        if (request->table != NULL) procrun_watch(request->table, getpid());
    }
    if (procrun_dup2(request->output, 1) != 0 || procrun_dup2(request->errors, 2) != 0) goto failed;
    if (request->input >= 0) {
        if (procrun_dup2(request->input, 0) != 0) goto failed;
    } else {
        int null = open("/dev/null", O_RDONLY);
        if (null < 0) goto failed;
        if (null != 0) {
            if (dup2(null, 0) < 0) goto failed;
            close(null);
        }
    }
    // Last: one of the descriptors above may be 3 until it is moved.
    if (request->side >= 0 && procrun_dup2(request->side, 3) != 0) goto failed;
    if (request->directory != NULL && chdir(request->directory) != 0) goto failed;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(request->path, request->argv, request->envp);
failed:
    request->error = errno;
    _exit(127);
}

int procrun_spawn(
    int *pid, const char *path, char *const argv[], char *const envp[], const char *directory,
    int input, int output, int errors, int side, int ends_with_procrun
) {
    struct procrun_spawn_request request = {
        .path = path, .argv = argv, .envp = envp, .directory = directory,
        .input = input, .output = output, .errors = errors, .side = side,
        .ends_with_parent = ends_with_procrun, .parent = getpid(), .table = NULL, .error = 0,
    };
    if (ends_with_procrun) {
        procrun_warden_start();
        request.table = atomic_load(&procrun_watched);
    }
    // No handler of procrun's may run in the child while it shares procrun's memory.
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    _Alignas(16) char stack[32768];
    pid_t child = clone(procrun_spawn_child, stack + sizeof stack, CLONE_VM | CLONE_VFORK | SIGCHLD, &request);
    int error = child < 0 ? errno : *(volatile int *)&request.error;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    if (child < 0) return error;
    if (error != 0) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        if (request.table != NULL) procrun_warden_release(child);
        return error;
    }
    *pid = child;
    return 0;
}
