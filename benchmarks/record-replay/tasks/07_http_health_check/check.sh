#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
[ -f "health-$PORT.txt" ] || fail "health-$PORT.txt missing"
grep -qx OK "health-$PORT.txt" || fail "health-$PORT.txt does not say OK"
grep -q 'GET /health.txt' "server-$PORT.log" 2>/dev/null || fail "server-$PORT.log shows no health request"
[ ! -e server.pid ] || fail "server.pid left behind (server not stopped)"
python3 -c 'import socket, sys; s = socket.socket(); s.settimeout(1); sys.exit(1 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 0)' "$PORT" || fail "something still listens on port $PORT"
