#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p exports
python3 - <<'EOF'
n = 0
for year in range(2021, 2025):
    for month in range(1, 13):
        with open("exports/orders-%d-%02d.csv" % (year, month), "w") as f:
            f.write("order_id,date,total\n")
            for k in range(1 + (year + month) % 4):
                n += 1
                f.write("%d,%d-%02d-%02d,%d.%02d\n" % (n, year, month, 1 + k * 7, (n * 13) % 300, n % 100))
EOF
