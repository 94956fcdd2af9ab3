#!/usr/bin/env bash
# Installs the system libyaml (Debian/Ubuntu: libyaml-dev) and pkg-config when they are missing.
set -euo pipefail
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists yaml-0.1; then
  exit 0
fi
echo "procrun: installing libyaml-dev and pkg-config (needed to build procrun)" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends libyaml-dev pkg-config >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y --no-install-recommends libyaml-dev pkg-config
fi
