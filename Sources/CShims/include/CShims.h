#ifndef PROCRUN_CSHIMS_H
#define PROCRUN_CSHIMS_H

#include <spawn.h>
#include <sys/types.h>

/// pidfd_open(2): a file descriptor that becomes readable when `pid` exits, or -1.
int procrun_pidfd_open(pid_t pid);

/// posix_spawn_file_actions_addchdir_np: the child changes to `path` before exec.
int procrun_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// pipe2(2): a pipe whose flags (O_CLOEXEC, O_NONBLOCK) are set atomically; 0 or -1.
int procrun_pipe2(int fds[2], int flags);

#endif
