#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
[ "$(cat VERSION)" = "$VERSION" ] || fail "VERSION says '$(cat VERSION)', expected '$VERSION'"
python3 -c 'import json, sys; v = json.load(open("package.json"))["version"]; sys.exit(0 if v == sys.argv[1] else "package.json version is %r" % (v,))' "$VERSION" || fail "package.json version wrong"
grep -qx "#define APP_VERSION \"$VERSION\"" src/version.h || fail "src/version.h not bumped"
grep -qx '#define APP_NAME "widget"' src/version.h || fail "src/version.h damaged"
