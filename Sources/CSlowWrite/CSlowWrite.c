// Test support, never linked into procrun: the end-to-end tests start procrun with this library in
// LD_PRELOAD and PROCRUN_TEST_SLOW_WRITE set to a number of milliseconds, so that procrun's atomic
// writes (AtomicFileWriter) become slow enough to be killed in the middle. A write to one of
// procrun's temporary files (named `.NAME.procrun-tmp.XXXXXX`) writes at most 512 bytes after
// sleeping that long; renaming such a file over the original sleeps that long first. Every other
// call, and every call without the variable, goes straight to the C library.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const marker = ".procrun-tmp.";

static long delay_ms(void) {
    const char *text = getenv("PROCRUN_TEST_SLOW_WRITE");
    long value = text ? strtol(text, NULL, 10) : 0;
    return value > 0 && value <= 10000 ? value : 0;
}

static int is_temporary(int fd) {
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, target, sizeof target - 1);
    if (length <= 0) return 0;
    target[length] = 0;
    return strstr(target, marker) != NULL;
}

ssize_t write(int fd, const void *bytes, size_t count) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    long delay = delay_ms();
    if (delay && count > 0 && is_temporary(fd)) {
        usleep((useconds_t)delay * 1000);
        if (count > 512) count = 512;
    }
    return real(fd, bytes, count);
}

int rename(const char *from, const char *to) {
    static int (*real)(const char *, const char *);
    if (!real) real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    long delay = delay_ms();
    if (delay && strstr(from, marker)) usleep((useconds_t)delay * 1000);
    return real(from, to);
}
