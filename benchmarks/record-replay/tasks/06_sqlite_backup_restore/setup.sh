#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
python3 - <<'EOF'
import sqlite3
con = sqlite3.connect("app.db")
con.executescript('''
create table users (id integer primary key, name text not null, email text not null);
create table orders (id integer primary key, user_id integer references users(id), total real);
insert into users (name, email) values ('ada', 'ada@example.com'), ('brian', 'brian@example.com'), ('chen', 'chen@example.com');
insert into orders (user_id, total) values (1, 19.5), (1, 7.25), (2, 120.0), (3, 42.0);
''')
con.commit()
con.close()
EOF
