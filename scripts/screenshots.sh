#!/bin/sh
# Refreshes the README's screenshots in docs/screenshots/ from a fresh demo, in the system's Chromium:
# orders, an order page, a product page with nested parts, the flow editor and a space's webhooks.
#   scripts/screenshots.sh            (after ./dev demo or ./dev test made .venv)
set -eu
cd "$(dirname "$0")/.."
FABFLOW_SCREENSHOTS="$(pwd)/docs/screenshots" exec .venv/bin/pytest -q tests/browser/test_screenshots.py "$@"
