#!/usr/bin/env bash
# setup-browser.sh installs what the browser tests in e2e/ need: Debian's
# chromium (no browser download) and axe-core from npm. It is idempotent and
# does nothing when both are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi

if [ ! -f node_modules/axe-core/axe.min.js ]; then
	npm ci --no-audit --no-fund --ignore-scripts
fi

echo "browser: $(/usr/bin/chromium --version 2>/dev/null || echo missing); axe-core: $(node -p 'require("./node_modules/axe-core/package.json").version')"
