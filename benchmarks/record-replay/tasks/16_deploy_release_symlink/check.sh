#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
[ -L current ] || fail "current is not a symlink"
[ "$(readlink current)" = "releases/$VERSION" ] || fail "current -> $(readlink current), expected releases/$VERSION"
[ "$(cat current/RELEASE 2>/dev/null)" = "$VERSION" ] || fail "current/RELEASE wrong"
cmp -s build/app.py current/app.py || fail "app.py not deployed"
[ -f current/static/style.css ] || fail "static files not deployed"
[ "$(cat releases/2.2.0/RELEASE)" = "2.2.0" ] || fail "old release damaged"
