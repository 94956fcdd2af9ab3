#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
python3 - "$USERNAME" "$ROLE" <<'EOF' || fail "users.json lacks $USERNAME with role $ROLE"
import json, sys
name, role = sys.argv[1], sys.argv[2]
users = json.load(open("users.json"))["users"]
if not any(u.get("name") == name and u.get("role") == role for u in users):
    sys.exit(1)
if not any(u.get("name") == "root" for u in users):
    sys.exit(1)
EOF
cmp -s skel/profile "home/$USERNAME/.profile" || fail "home/$USERNAME/.profile missing or not from skel"
