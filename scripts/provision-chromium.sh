#!/usr/bin/env bash
# Makes the browser test of GET /docs possible here: Debian's chromium at /usr/bin/chromium,
# installed with apt-get where it is missing (CI runs as root). Progress goes to stderr.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "installing chromium (for the browser test of /docs)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
[ -x "$CHROMIUM" ] || { echo "chromium did not install at $CHROMIUM" >&2; exit 1; }
