#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
python3 - "$DAYS" <<'EOF' || fail "wrong set of files compressed for DAYS=$DAYS"
import os, sys, time
days = int(sys.argv[1])
now = time.time()
names = ["api", "worker", "cron", "mail", "search", "billing", "auth"]
for n in names:
    plain, gz = "archive/%s.log" % n, "archive/%s.log.gz" % n
    if os.path.exists(plain) == os.path.exists(gz):
        sys.exit(n + ": expected exactly one of .log and .log.gz")
    path = plain if os.path.exists(plain) else gz
    age = int((now - os.path.getmtime(path)) // 86400)
    if os.path.exists(gz) != (age > days):
        sys.exit("%s: age %d days, compressed=%s" % (n, age, os.path.exists(gz)))
EOF
