#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
git init -q -b main
git config user.name "Bench User"
git config user.email bench@example.com
git config commit.gpgsign false
git config tag.gpgsign false
printf '# Notes\n\n' > NOTES.md
printf 'print("app")\n' > app.py
git add -A
git commit -qm "Initial commit"
