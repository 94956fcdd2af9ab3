#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p logs
echo "current line" > logs/app.log
for i in 1 2 3 4 5 6 7; do echo "old $i" > "logs/app.log.$i"; done
