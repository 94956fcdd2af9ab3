#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p site
echo OK > site/health.txt
echo '<h1>status page</h1>' > site/index.html
