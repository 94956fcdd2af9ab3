#!/usr/bin/env bash
# Installs Debian's chromium when it is missing: the browser test of `procrun report --html`
# (scripts/browser-check.py) drives it headless.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
echo "procrun: installing chromium (needed by the browser test of procrun report --html)" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi
