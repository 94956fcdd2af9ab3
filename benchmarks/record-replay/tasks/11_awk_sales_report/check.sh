#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="reports/$REGION-$MONTH.txt"
[ -f "$f" ] || fail "$f missing"
expected=$(python3 - "$REGION" "$MONTH" <<'EOF'
import csv, sys
region, month = sys.argv[1], sys.argv[2]
n, total = 0, 0.0
for row in csv.DictReader(open("sales.csv")):
    if row["region"] == region and row["date"].startswith(month):
        n += 1
        total += float(row["amount"])
print("%s %s: %d orders, total %.2f" % (region, month, n, total))
EOF
)
[ "$(head -n 1 "$f")" = "$expected" ] || fail "report says '$(head -n 1 "$f")', expected '$expected'"
