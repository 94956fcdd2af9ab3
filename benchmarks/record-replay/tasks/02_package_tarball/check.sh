#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
f="dist/myapp-$VERSION.tar.gz"
[ -f "$f" ] || fail "$f missing"
[ -f "$f.sha256" ] || fail "$f.sha256 missing"
(cd dist && sha256sum -c "myapp-$VERSION.tar.gz.sha256" >/dev/null 2>&1) || fail "checksum does not verify"
tar -tzf "$f" | grep -q 'myapp/bin/myapp' || fail "tarball lacks myapp/bin/myapp"
