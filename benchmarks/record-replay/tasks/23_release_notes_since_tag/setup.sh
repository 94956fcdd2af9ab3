#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
git init -q -b main
git config user.name "Bench User"
git config user.email bench@example.com
git config commit.gpgsign false
git config tag.gpgsign false
n=0
for tag in v1.0 v1.1 v1.2 v1.3 next; do
  for topic in parser cache cli docs; do
    n=$((n+1))
    echo "$topic change $n" >> "$topic.txt"
    git add "$topic.txt"
    git commit -qm "Improve $topic ($n)"
  done
  [ "$tag" = next ] || git tag "$tag"
done
