#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="out/app-$ENV.conf"
[ -f "$f" ] || fail "$f missing"
grep -qx "environment = $ENV" "$f" || fail "environment line wrong"
grep -qx "listen_port = $PORT" "$f" || fail "listen_port line wrong"
grep -qx "database_url = postgres://db.$ENV.internal:5432/app" "$f" || fail "database_url line wrong"
grep -qx "log_file = /var/log/app/$ENV.log" "$f" || fail "log_file line wrong"
! grep -q '@' "$f" || fail "placeholders left in $f"
