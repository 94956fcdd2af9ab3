#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
python3 - <<'EOF'
with open("data.csv", "w") as f:
    f.write("id,sku,quantity\n")
    for i in range(1, 1001):
        f.write("%d,SKU-%05d,%d\n" % (i, (i * 7919) % 100000, (i * 37) % 91))
EOF
