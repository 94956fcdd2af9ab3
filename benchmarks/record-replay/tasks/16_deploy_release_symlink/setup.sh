#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p build/static releases/2.2.0
printf 'print("hello from the app")\n' > build/app.py
printf 'body { color: #333; }\n' > build/static/style.css
printf 'print("old app")\n' > releases/2.2.0/app.py
echo 2.2.0 > releases/2.2.0/RELEASE
ln -s releases/2.2.0 current
