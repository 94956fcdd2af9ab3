#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p skel home/root
printf 'export PATH="$HOME/bin:$PATH"\nalias ll="ls -l"\n' > skel/profile
cp skel/profile home/root/.profile
cat > users.json <<'EOF'
{
  "users": [
    {"name": "root", "role": "admin", "active": true}
  ]
}
EOF
