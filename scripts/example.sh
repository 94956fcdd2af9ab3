#!/usr/bin/env bash
# Sets up what procrun needs, builds it, and runs the example backend deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-libyaml.sh
swift build -c release --product procrun
.build/release/procrun procedures/deploy_backend.yaml --set tag=v1.4.2 "$@"
