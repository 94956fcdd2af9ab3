#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
b="backups/app-$LABEL.db"
[ -f "$b" ] || fail "$b missing"
python3 - "$b" <<'EOF' || fail "backup or restored database incomplete"
import sqlite3, sys
for path in (sys.argv[1], "app.db"):
    con = sqlite3.connect(path)
    users = con.execute("select count(*) from users").fetchone()[0]
    orders = con.execute("select count(*) from orders").fetchone()[0]
    if (users, orders) != (3, 4):
        sys.exit(f"{path}: {users} users, {orders} orders")
EOF
