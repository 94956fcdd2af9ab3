#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
grep -qx "4,$USERNAME,$USERNAME@example.com,$TEAM" users.csv || fail "users.csv has no row 4,$USERNAME,$USERNAME@example.com,$TEAM"
[ "$(wc -l < users.csv)" = "5" ] || fail "users.csv should have 5 lines"
head -n 1 users.csv | grep -qx 'id,name,email,team' || fail "header damaged"
