#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p src/myapp/bin src/myapp/lib
cat > src/myapp/README <<'EOF'
myapp - prints the date in a friendly way
EOF
cat > src/myapp/bin/myapp <<'EOF'
#!/bin/sh
. "$(dirname "$0")/../lib/util.sh"
friendly_date
EOF
chmod +x src/myapp/bin/myapp
cat > src/myapp/lib/util.sh <<'EOF'
friendly_date() { date '+It is %A, %d %B %Y'; }
EOF
