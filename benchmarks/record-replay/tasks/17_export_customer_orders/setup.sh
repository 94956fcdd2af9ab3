#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
rm -rf /tmp/rrbench-exports
python3 - <<'EOF'
import sqlite3
con = sqlite3.connect("shop.db")
con.execute("create table orders (id integer primary key, customer text, item text, qty integer)")
items = ["bolts", "nuts", "washers", "springs", "gears"]
customers = ["acme", "globex", "initech", "umbrella", "hooli"]
for i in range(1, 61):
    con.execute("insert into orders values (?, ?, ?, ?)", (i, customers[(i * 7) % 5], items[i % 5], (i * 11) % 50 + 1))
con.commit()
EOF
