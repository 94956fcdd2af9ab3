#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
[ -x build/calc ] || fail "build/calc missing"
out=$(./build/calc --version) || fail "calc --version failed"
[ "$out" = "calc $VERSION" ] || fail "calc reports '$out', expected 'calc $VERSION'"
[ "$(./build/calc 6 x 7)" = "42" ] || fail "calc computes wrong"
[ -x build/test_calc ] || fail "tests were not built"
./build/test_calc 2>/dev/null || fail "tests fail"
