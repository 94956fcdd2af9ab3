#!/usr/bin/env bash
# Sets up what procrun needs, builds it, and runs every test (unit and end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-libyaml.sh
swift build --build-tests
swift test --skip-build "$@"
