#define _GNU_SOURCE
#include "CShims.h"
#include <sys/syscall.h>
#include <fcntl.h>
#include <unistd.h>

int procrun_pidfd_open(pid_t pid) {
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

int procrun_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

int procrun_pipe2(int fds[2], int flags) {
    return pipe2(fds, flags);
}
