#!/usr/bin/env bash
# Installs Debian's chromium when no Chromium or Chrome is on PATH: the browser test of `procrun
# report --html` (scripts/browser-check.py) drives it headless. (Ubuntu ships Chromium as a snap,
# through its `chromium-browser` package; a Google Chrome already installed serves as well.)
set -euo pipefail
for browser in chromium chromium-browser google-chrome; do
  if command -v "$browser" >/dev/null 2>&1; then exit 0; fi
done
echo "procrun: installing chromium (needed by the browser test of procrun report --html)" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Debian's package is chromium; Ubuntu's is chromium-browser. The package lists may be empty on
# a fresh machine, so the choice is made again after an update.
choose() {
  if apt-cache show chromium >/dev/null 2>&1 || ! apt-cache show chromium-browser >/dev/null 2>&1; then echo chromium; else echo chromium-browser; fi
}
if ! $sudo apt-get install -y --no-install-recommends "$(choose)" fonts-dejavu-core >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y --no-install-recommends "$(choose)" fonts-dejavu-core
fi
