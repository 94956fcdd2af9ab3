#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
python3 - <<'EOF'
import sqlite3
con = sqlite3.connect("shop.db")
con.execute("create table orders (id integer primary key, created text not null, total real)")
con.execute("create table orders_archive (id integer primary key, created text not null, total real)")
for i in range(1, 121):
    month, day = 1 + (i * 5) % 12, 1 + (i * 11) % 28
    con.execute("insert into orders values (?, ?, ?)", (i, "2023-%02d-%02d" % (month, day), round(i * 3.7 % 200, 2)))
con.commit()
EOF
