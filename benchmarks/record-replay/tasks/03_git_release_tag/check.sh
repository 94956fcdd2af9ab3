#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
git rev-parse -q --verify "refs/tags/v$VERSION" >/dev/null || fail "tag v$VERSION missing"
git show "v$VERSION:setup.cfg" | grep -qx "version = $VERSION" || fail "setup.cfg at v$VERSION does not say version = $VERSION"
git show "v$VERSION:CHANGELOG.md" | grep -qx "## $VERSION" || fail "CHANGELOG at v$VERSION has no '## $VERSION' entry"
git show "v$VERSION:CHANGELOG.md" | grep -qx "## 1.3.9" || fail "CHANGELOG lost its older entries"
[ "$(git describe --tags)" = "v$VERSION" ] || fail "HEAD is not at tag v$VERSION"
[ -z "$(git status --porcelain --untracked-files=no)" ] || fail "working tree not clean"
