#!/usr/bin/env bash
# usage: check.sh PARAM=VALUE...  (run in the library folder after a replay)
set -u
for kv in "$@"; do export "$kv"; done
fail() { echo "check failed: $*" >&2; exit 1; }
i=0
for src in 0412 0413 0415 0420 0421 0433; do
  i=$((i+1))
  f=$(printf 'sorted/%s/%s_%03d.jpg' "$ALBUM" "$ALBUM" "$i")
  [ "$(cat "$f" 2>/dev/null)" = "jpeg data $src" ] || fail "$f missing or not IMG_$src"
done
[ -z "$(ls incoming)" ] || fail "incoming not emptied"
