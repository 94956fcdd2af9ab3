#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
python3 - "$ROWS" <<'EOF' || fail "parts are not a split of data.csv by $ROWS rows"
import glob, sys
rows = int(sys.argv[1])
data = open("data.csv").read().splitlines()
header, body = data[0], data[1:]
parts = sorted(glob.glob("parts/chunk_*.csv"))
want = -(-len(body) // rows)
if len(parts) != want:
    sys.exit("%d parts, expected %d" % (len(parts), want))
got = []
for i, p in enumerate(parts):
    lines = open(p).read().splitlines()
    if lines[0] != header:
        sys.exit(p + ": no header")
    if i < len(parts) - 1 and len(lines) - 1 != rows:
        sys.exit("%s: %d rows" % (p, len(lines) - 1))
    got += lines[1:]
if got != body:
    sys.exit("rows differ")
EOF
