#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="/tmp/rrbench-nginx-$SITE/$SITE.conf"
[ -f "$f" ] || fail "$f missing"
grep -q "server_name $SITE.localhost;" "$f" || fail "server_name wrong"
grep -q "proxy_pass http://127.0.0.1:$PORT;" "$f" || fail "proxy_pass port wrong"
[ -L "sites-enabled/$SITE.conf" ] || fail "sites-enabled/$SITE.conf is not a symlink"
[ "$(readlink -f "sites-enabled/$SITE.conf")" = "$(readlink -f "$f")" ] || fail "symlink points elsewhere"
