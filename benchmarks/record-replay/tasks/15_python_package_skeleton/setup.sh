#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p packages
echo "Internal Python packages live here, one folder each." > packages/README
