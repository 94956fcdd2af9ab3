#!/usr/bin/env bash
# Makes the fresh starting state in the current (empty) folder.
set -euo pipefail
mkdir -p archive
for spec in api:1 worker:2 cron:5 mail:10 search:20 billing:40 auth:60; do
  name=${spec%%:*}; age=${spec##*:}
  for i in $(seq 1 40); do echo "$name line $i: request handled"; done > "archive/$name.log"
  touch -d "$age days ago" "archive/$name.log"
done
