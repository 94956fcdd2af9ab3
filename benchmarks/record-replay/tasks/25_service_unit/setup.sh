#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p units
printf '[Unit]\nDescription=web service\n\n[Service]\nExecStart=/usr/local/bin/web --workers 2\n' > units/web.service
