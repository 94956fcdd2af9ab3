#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p config
cat > config/app.conf.tmpl <<'EOF'
# app configuration, rendered from config/app.conf.tmpl
environment = @ENV@
listen_port = @PORT@
log_file = /var/log/app/@ENV@.log
database_url = postgres://db.@ENV@.internal:5432/app
EOF
