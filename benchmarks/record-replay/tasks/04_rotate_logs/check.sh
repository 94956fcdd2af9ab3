#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
[ -f logs/app.log ] || fail "logs/app.log missing"
[ ! -s logs/app.log ] || fail "logs/app.log is not a fresh empty file"
grep -qx "current line" logs/app.log.1 || fail "logs/app.log.1 does not hold the rotated log"
for i in $(seq 2 "$KEEP"); do
  grep -qx "old $((i-1))" "logs/app.log.$i" || fail "logs/app.log.$i should hold 'old $((i-1))'"
done
n=$(ls logs | grep -c '^app\.log\.[0-9]*$')
[ "$n" = "$KEEP" ] || fail "$n rotated logs kept, expected $KEEP"
