#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
python3 - "$CUTOFF" <<'EOF' || fail "orders not archived at cutoff $CUTOFF"
import sqlite3, sys
cut = sys.argv[1]
con = sqlite3.connect("shop.db")
n_orders, lo = con.execute("select count(*), min(created) from orders").fetchone()
n_arch, hi = con.execute("select count(*), max(created) from orders_archive").fetchone()
if n_orders + n_arch != 120: sys.exit("rows lost: %d + %d" % (n_orders, n_arch))
if n_arch == 0 or hi >= cut: sys.exit("archive max %s" % hi)
if lo < cut: sys.exit("orders min %s" % lo)
EOF
