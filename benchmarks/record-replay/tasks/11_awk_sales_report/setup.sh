#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
python3 - <<'EOF'
import random
rng = random.Random(42)
regions = ["north", "south", "east", "west"]
products = ["widget", "gadget", "gizmo", "doohickey"]
with open("sales.csv", "w") as f:
    f.write("date,region,product,amount\n")
    for month in range(1, 7):
        for day in range(1, 29, 3):
            for region in regions:
                if rng.random() < 0.8:
                    f.write("2024-%02d-%02d,%s,%s,%d.%02d\n" % (month, day, region, rng.choice(products), rng.randint(5, 400), rng.randint(0, 99)))
EOF
