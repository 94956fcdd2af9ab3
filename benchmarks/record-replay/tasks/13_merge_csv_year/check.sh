#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="merged/orders-$YEAR.csv"
[ -f "$f" ] || fail "$f missing"
expected=$( { head -n 1 "exports/orders-$YEAR-01.csv"; for m in exports/orders-"$YEAR"-*.csv; do tail -n +2 "$m"; done; } | sha256sum)
[ "$(sha256sum < "$f")" = "$expected" ] || fail "$f is not the merge of the $YEAR exports"
