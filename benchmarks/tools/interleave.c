/* Times several commands against each other by running them in turn: one run of each, then the
 * next round, so that a shared machine that slows down or speeds up during the measurement moves
 * every command alike and their ratios stay honest (hyperfine runs all of one command, then all of
 * the next). Each command is spawned directly (posix_spawnp, no shell; arguments split at spaces),
 * its output sent to /dev/null, and timed from spawn to exit with CLOCK_MONOTONIC.
 *
 * Usage: interleave RUNS WARMUP OUT.json NAME COMMAND [NAME COMMAND]...
 * Writes hyperfine's JSON shape (results[].command, mean, median, min, max, times, in seconds), so
 * report.py reads either. Exits 1 when a command fails. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_COMMANDS 8
#define MAX_ARGS 64

typedef struct {
    const char *name;
    char *argv[MAX_ARGS];
    double *times;
} Command;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double run(Command *command) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    double start = now();
    pid_t pid;
    if (posix_spawnp(&pid, command->argv[0], &actions, NULL, command->argv, environ) != 0) {
        perror(command->argv[0]);
        exit(1);
    }
    int status;
    waitpid(pid, &status, 0);
    double elapsed = now() - start;
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "interleave: '%s' failed\n", command->name);
        exit(1);
    }
    return elapsed;
}

static int ascending(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 6 || (argc - 4) % 2 != 0 || (argc - 4) / 2 > MAX_COMMANDS) {
        fprintf(stderr, "usage: interleave RUNS WARMUP OUT.json NAME COMMAND [NAME COMMAND]...\n");
        return 2;
    }
    int runs = atoi(argv[1]), warmup = atoi(argv[2]), count = (argc - 4) / 2;
    Command commands[MAX_COMMANDS];
    for (int c = 0; c < count; c++) {
        commands[c].name = argv[4 + 2 * c];
        int n = 0;
        for (char *word = strtok(argv[5 + 2 * c], " "); word && n < MAX_ARGS - 1; word = strtok(NULL, " ")) {
            commands[c].argv[n++] = word;
        }
        commands[c].argv[n] = NULL;
        commands[c].times = calloc(runs, sizeof(double));
    }
    for (int round = -warmup; round < runs; round++) {
        for (int c = 0; c < count; c++) {
            double elapsed = run(&commands[c]);
            if (round >= 0) commands[c].times[round] = elapsed;
        }
    }
    FILE *out = fopen(argv[3], "w");
    if (!out) {
        perror(argv[3]);
        return 1;
    }
    fprintf(out, "{\"results\": [");
    for (int c = 0; c < count; c++) {
        double *times = commands[c].times, sum = 0;
        for (int r = 0; r < runs; r++) sum += times[r];
        fprintf(out, "%s\n {\"command\": \"%s\", \"times\": [", c ? "," : "", commands[c].name);
        for (int r = 0; r < runs; r++) fprintf(out, "%s%.9f", r ? ", " : "", times[r]);
        qsort(times, runs, sizeof(double), ascending);
        double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
        fprintf(out, "], \"mean\": %.9f, \"median\": %.9f, \"min\": %.9f, \"max\": %.9f}", sum / runs, median, times[0],
            times[runs - 1]);
    }
    fprintf(out, "\n]}\n");
    fclose(out);
    return 0;
}
