#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
d="packages/$PKG"
[ -f "$d/pyproject.toml" ] || fail "$d/pyproject.toml missing"
grep -qx "name = \"$PKG\"" "$d/pyproject.toml" || fail "pyproject name wrong"
grep -qx "version = \"$VERSION\"" "$d/pyproject.toml" || fail "pyproject version wrong"
out=$(cd "$d" && PYTHONPATH=src python3 -c "import $PKG; print($PKG.__version__)" 2>&1) || fail "package does not import: $out"
[ "$out" = "$VERSION" ] || fail "__version__ is '$out'"
(cd "$d" && PYTHONPATH=src:tests python3 -c 'import test_import; test_import.test_version()') || fail "test fails"
