/* The floor for saving a procedure's stats as procrun's learning layer must (grammar.md, "How the
 * file is rewritten"): take a lock on a separate lock file, write the new bytes to a temporary file
 * in the same folder, fsync it, rename it over the original, fsync the folder. This program does
 * exactly that with FILE's own bytes, and nothing else: no parsing, no arithmetic.
 * Usage: durable_write FILE */
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static void fail(const char *what) {
    perror(what);
    exit(1);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: durable_write FILE\n");
        return 2;
    }
    const char *path = argv[1];
    char lock[4096], temporary[4096], folder[4096];
    snprintf(lock, sizeof lock, "%s.procrun.lock", path);
    int lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lockfd < 0 || flock(lockfd, LOCK_EX) != 0) fail("lock");

    int in = open(path, O_RDONLY | O_CLOEXEC);
    struct stat info;
    if (in < 0 || fstat(in, &info) != 0) fail("open");
    char *bytes = malloc(info.st_size + 1);
    if (read(in, bytes, info.st_size) != info.st_size) fail("read");
    close(in);

    snprintf(folder, sizeof folder, "%s", path);
    snprintf(temporary, sizeof temporary, "%s/.durable-write-tmp.XXXXXX", dirname(folder));
    int out = mkstemp(temporary);
    if (out < 0) fail("mkstemp");
    fchmod(out, info.st_mode & 07777);
    if (write(out, bytes, info.st_size) != info.st_size || fsync(out) != 0) fail("write");
    close(out);
    if (rename(temporary, path) != 0) fail("rename");
    int dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0 || fsync(dir) != 0) fail("fsync folder");
    close(dir);
    flock(lockfd, LOCK_UN);
    close(lockfd);
    free(bytes);
    return 0;
}
