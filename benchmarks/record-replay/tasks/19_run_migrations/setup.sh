#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p migrations
cat > migrate.py <<'PYEOF'
import argparse, glob, os, sqlite3, sys

p = argparse.ArgumentParser(description="apply numbered SQL migrations to a sqlite database")
p.add_argument("--db", default="app.db")
p.add_argument("--to", type=int)
p.add_argument("--status", action="store_true")
p.add_argument("--dry-run", action="store_true")
a = p.parse_args()

con = sqlite3.connect(a.db)
con.execute("create table if not exists schema_version (version integer not null)")
current = con.execute("select coalesce(max(version), 0) from schema_version").fetchone()[0]
if a.status:
    print(f"{a.db}: schema version {current}", file=sys.stderr)
    sys.exit(0)
if a.to is None:
    p.error("--to or --status is required")
files = sorted(glob.glob("migrations/*.sql"))
for path in files:
    n = int(os.path.basename(path).split("_")[0])
    if current < n <= a.to:
        print(("would apply " if a.dry_run else "applying ") + os.path.basename(path), file=sys.stderr)
        if not a.dry_run:
            with con:
                con.executescript(open(path).read())
                con.execute("insert into schema_version values (?)", (n,))
if not a.dry_run:
    current = con.execute("select coalesce(max(version), 0) from schema_version").fetchone()[0]
    print(f"{a.db}: now at schema version {current}", file=sys.stderr)
PYEOF
echo "create table users (id integer primary key, name text);" > migrations/001_users.sql
echo "alter table users add column email text;" > migrations/002_user_email.sql
echo "create table projects (id integer primary key, owner integer references users(id), title text);" > migrations/003_projects.sql
echo "create index projects_owner on projects(owner);" > migrations/004_projects_owner_index.sql
echo "create table tags (id integer primary key, label text unique);" > migrations/005_tags.sql
echo "create table project_tags (project integer, tag integer, primary key (project, tag));" > migrations/006_project_tags.sql
echo "alter table projects add column archived integer not null default 0;" > migrations/007_projects_archived.sql
python3 migrate.py --to 1 2>/dev/null
