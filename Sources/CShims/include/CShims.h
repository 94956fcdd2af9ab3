#ifndef PROCRUN_CSHIMS_H
#define PROCRUN_CSHIMS_H

// No system header is included here: a type a system header declares would then belong to this
// module in Swift's eyes (timespec, sigset_t...), and every file using it would need to import
// CShims. The declarations use plain C types; CShims.c includes what it needs.

/// pidfd_open(2): a file descriptor that becomes readable when `pid` exits, or -1.
int procrun_pidfd_open(int pid);

/// pipe2(2): a pipe whose flags (O_CLOEXEC, O_NONBLOCK) are set atomically; 0 or -1.
int procrun_pipe2(int fds[2], int flags);

/// mkostemp(3): creates and opens a new file from `path`'s template (its last six characters
/// `XXXXXX` are replaced), with `flags` (O_CLOEXEC) set atomically; the descriptor or -1.
int procrun_mkostemp(char *path, int flags);

/// Starts `path` (a path, not looked up in PATH) as posix_spawn(3) would with `argv` and `envp`,
/// in a process group of its own, every signal at its default and none blocked, `output` and
/// `errors` on descriptors 1 and 2, `input` on 0 (/dev/null when -1), `side` on 3 (nothing when
/// -1), in `directory` (unchanged when NULL). Returns 0 with the child's id in `*pid`, or the errno of what failed (the exec too).
///
/// With `ends_with_procrun`, the child is killed when the thread that called this ends
/// (PR_SET_PDEATHSIG with SIGKILL; call it only from a thread that outlives the child), and its
/// process group is watched by the warden, a process started on the first such call that kills
/// every watched group when procrun dies without exiting (SIGKILL, a crash). A group stays
/// watched until `procrun_warden_release`.
int procrun_spawn(
    int *pid, const char *path, char *const argv[], char *const envp[], const char *directory,
    int input, int output, int errors, int side, int ends_with_procrun);

/// Starts the warden (see `procrun_spawn`) unless it runs already. Called before a spawn's pipes
/// are made, so that the forked warden does not hold them open, even briefly.
void procrun_warden_start(void);

/// Stops watching process group `group`: it is empty, or ended, or let go.
void procrun_warden_release(int group);

#endif
