#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
rm -rf /tmp/rrbench-nginx-*
mkdir -p sites-enabled
