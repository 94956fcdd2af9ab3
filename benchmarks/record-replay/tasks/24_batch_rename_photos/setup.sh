#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p incoming sorted
for i in 0412 0413 0415 0420 0421 0433; do echo "jpeg data $i" > "incoming/IMG_$i.jpg"; done
