#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
python3 - "$TARGET" <<'EOF' || fail "app.db is not at schema version $TARGET"
import sqlite3, sys
t = int(sys.argv[1])
con = sqlite3.connect("app.db")
v = con.execute("select max(version) from schema_version").fetchone()[0]
if v != t:
    sys.exit("version %s" % v)
tables = {r[0] for r in con.execute("select name from sqlite_master")}
expect = {3: "projects", 4: "projects_owner", 5: "tags", 6: "project_tags"}
for n, name in expect.items():
    if (name in tables) != (n <= t):
        sys.exit("table/index %s present=%s" % (name, name in tables))
cols = [r[1] for r in con.execute("pragma table_info(projects)")]
if ("archived" in cols) != (t >= 7):
    sys.exit("archived column")
EOF
