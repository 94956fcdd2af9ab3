#!/usr/bin/env bash
# Sets up what procrun needs, builds it, and runs every test (unit and end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-libyaml.sh
# The report page is checked in a headless browser (scripts/browser-check.py).
bash scripts/ensure-chromium.sh
# The folders of ProcrunKit depend one way (the order is in scripts/layers.py): fail early otherwise.
python3 scripts/layers.py
# The MCP server test drives `procrun mcp` with the official Python client (PyPI's `mcp`).
python3 -c 'import mcp' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check mcp
# The schema tests validate with PyPI's `check-jsonschema`; the --junit tests read reports with `junitparser`.
python3 -c 'import check_jsonschema' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check check-jsonschema
python3 -c 'import junitparser' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check junitparser
# The report tests read procrun's Markdown with a CommonMark renderer, PyPI's `markdown-it-py`.
python3 -c 'import markdown_it' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check markdown-it-py
swift build --build-tests
swift test --skip-build "$@"
