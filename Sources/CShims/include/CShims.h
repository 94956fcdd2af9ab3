#ifndef PROCRUN_CSHIMS_H
#define PROCRUN_CSHIMS_H

// No system header is included here: a type a system header declares would then belong to this
// module in Swift's eyes (timespec, sigset_t...), and every file using it would need to import
// CShims. The declarations use plain C types; CShims.c includes what it needs.

/// pidfd_open(2): a file descriptor that becomes readable when `pid` exits, or -1.
int procrun_pidfd_open(int pid);

/// posix_spawn_file_actions_addchdir_np: the child changes to `path` before exec. `actions` is a
/// `posix_spawn_file_actions_t *`.
int procrun_spawn_addchdir(void *actions, const char *path);

/// pipe2(2): a pipe whose flags (O_CLOEXEC, O_NONBLOCK) are set atomically; 0 or -1.
int procrun_pipe2(int fds[2], int flags);

#endif
