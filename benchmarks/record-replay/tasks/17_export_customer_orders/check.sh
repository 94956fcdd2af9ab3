#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="/tmp/rrbench-exports/$CUSTOMER/orders.csv"
[ -f "$f" ] || fail "$f missing"
python3 - "$CUSTOMER" "$f" <<'EOF' || fail "$f does not hold $CUSTOMER's orders"
import csv, sqlite3, sys
c, f = sys.argv[1], sys.argv[2]
want = [["id", "item", "qty"]] + [[str(x) for x in r] for r in sqlite3.connect("shop.db").execute("select id, item, qty from orders where customer = ? order by id", (c,))]
got = list(csv.reader(open(f)))
sys.exit(0 if got == want and len(want) > 1 else 1)
EOF
[ -f "exports-$CUSTOMER.sha256" ] || fail "exports-$CUSTOMER.sha256 missing"
sha256sum -c "exports-$CUSTOMER.sha256" >/dev/null 2>&1 || fail "checksum does not verify"
