#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
b="stage/opt/greet-$VERSION/bin/greet"
[ -x "$b" ] || fail "$b missing"
[ "$("$b" bench)" = "greet $VERSION: hello, bench" ] || fail "installed greet prints '$("$b" bench)'"
[ -f "stage/opt/greet-$VERSION/share/doc/greet/README" ] || fail "README not installed"
