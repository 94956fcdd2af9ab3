#define _GNU_SOURCE
#include "CShims.h"
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>

int procrun_pidfd_open(int pid) {
    return (int)syscall(SYS_pidfd_open, (pid_t)pid, 0);
}

int procrun_spawn_addchdir(void *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np((posix_spawn_file_actions_t *)actions, path);
}

int procrun_pipe2(int fds[2], int flags) {
    return pipe2(fds, flags);
}
