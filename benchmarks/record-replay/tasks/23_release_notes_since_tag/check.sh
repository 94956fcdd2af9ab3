#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="notes/changes-since-$SINCE.md"
[ -f "$f" ] || fail "$f missing"
want=$(git log --no-merges --format='- %s' "$SINCE..HEAD")
[ -n "$want" ] || fail "no commits since $SINCE?"
[ "$(grep '^- ' "$f")" = "$want" ] || fail "$f does not list exactly the commits since $SINCE"
