#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
cat > users.csv <<'EOF'
id,name,email,team
1,root,root@example.com,ops
2,jdoe,jdoe@example.com,dev
3,mlee,mlee@example.com,design
EOF
