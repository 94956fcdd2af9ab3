#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="units/$SERVICE.service"
[ -f "$f" ] || fail "$f missing"
grep -qx "Description=$SERVICE service" "$f" || fail "Description wrong"
grep -qx "ExecStart=/usr/local/bin/$SERVICE --workers $WORKERS" "$f" || fail "ExecStart wrong"
grep -qx "WantedBy=multi-user.target" "$f" || fail "Install section wrong"
