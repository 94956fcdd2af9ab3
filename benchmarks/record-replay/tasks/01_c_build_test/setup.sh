#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p src tests
cat > Makefile <<'EOF'
VERSION ?= 0.0.0
CC ?= gcc
CFLAGS ?= -O2 -Wall
BUILD := build

all: $(BUILD)/calc

$(BUILD)/calc: src/main.c src/calc.c src/calc.h | $(BUILD)
	$(CC) $(CFLAGS) -DCALC_VERSION='"$(VERSION)"' -o $@ src/main.c src/calc.c

$(BUILD)/test_calc: tests/test_calc.c src/calc.c src/calc.h | $(BUILD)
	$(CC) $(CFLAGS) -Isrc -o $@ tests/test_calc.c src/calc.c

$(BUILD):
	mkdir -p $(BUILD)

test: $(BUILD)/test_calc
	./$(BUILD)/test_calc

clean:
	rm -rf $(BUILD)

.PHONY: all test clean
EOF
cat > src/calc.h <<'EOF'
#ifndef CALC_H
#define CALC_H
long calc_add(long a, long b);
long calc_sub(long a, long b);
long calc_mul(long a, long b);
#endif
EOF
cat > src/calc.c <<'EOF'
#include "calc.h"
long calc_add(long a, long b) { return a + b; }
long calc_sub(long a, long b) { return a - b; }
long calc_mul(long a, long b) { return a * b; }
EOF
cat > src/main.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "calc.h"
#ifndef CALC_VERSION
#define CALC_VERSION "dev"
#endif
int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--version") == 0) { printf("calc %s\n", CALC_VERSION); return 0; }
    if (argc != 4) { fprintf(stderr, "usage: calc A (+|-|x) B\n"); return 2; }
    long a = atol(argv[1]), b = atol(argv[3]);
    switch (argv[2][0]) {
    case '+': printf("%ld\n", calc_add(a, b)); break;
    case '-': printf("%ld\n", calc_sub(a, b)); break;
    case 'x': printf("%ld\n", calc_mul(a, b)); break;
    default: fprintf(stderr, "unknown operator %s\n", argv[2]); return 2;
    }
    return 0;
}
EOF
cat > tests/test_calc.c <<'EOF'
#include <stdio.h>
#include "calc.h"
static int failures = 0, run = 0;
#define CHECK(e) do { run++; if (!(e)) { failures++; fprintf(stderr, "FAIL: %s\n", #e); } } while (0)
int main(void) {
    CHECK(calc_add(2, 3) == 5);
    CHECK(calc_sub(2, 3) == -1);
    CHECK(calc_mul(4, 5) == 20);
    CHECK(calc_add(-7, 7) == 0);
    CHECK(calc_mul(0, 9) == 0);
    if (failures) { fprintf(stderr, "%d of %d tests failed\n", failures, run); return 1; }
    fprintf(stderr, "all %d tests passed\n", run);
    return 0;
}
EOF
