#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
[ "$(git rev-parse --abbrev-ref HEAD)" = "main" ] || fail "not on main"
git log main --format=%s | grep -qx "$TICKET: $SUMMARY" || fail "no commit '$TICKET: $SUMMARY' on main"
git log main --merges --format=%s | grep -q "feature/$TICKET" || fail "no merge commit of feature/$TICKET"
grep -qx -- "- $TICKET: $SUMMARY" NOTES.md || fail "NOTES.md lacks the entry"
[ -z "$(git status --porcelain --untracked-files=no)" ] || fail "working tree not clean"
