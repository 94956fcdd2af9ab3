#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p src
echo 1.7 > VERSION
cat > package.json <<'EOF'
{
  "name": "widget",
  "version": "1.7",
  "private": true,
  "scripts": {"build": "make"}
}
EOF
cat > src/version.h <<'EOF'
#pragma once
#define APP_NAME "widget"
#define APP_VERSION "1.7"
EOF
