#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
git init -q -b main
git config user.name "Bench User"
git config user.email bench@example.com
git config commit.gpgsign false
git config tag.gpgsign false
mkdir -p src
cat > setup.cfg <<'EOF'
[metadata]
name = ledgerly
version = 1.3.9

[options]
packages = find:
EOF
printf '# Changelog\n\n## 1.3.9\n\n- First public release\n' > CHANGELOG.md
printf 'def total(xs):\n    return sum(xs)\n' > src/ledgerly.py
git add -A
git commit -qm "Release 1.3.9"
git tag -a v1.3.9 -m "Release 1.3.9"
printf 'def total(xs):\n    return round(sum(xs), 2)\n' > src/ledgerly.py
git commit -qam "Round totals to cents"
