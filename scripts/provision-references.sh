#!/usr/bin/env bash
# Installs the reference tools the prime count's tests and benchmarks compare against:
# primecount and primesieve from Debian (primecount-bin, primesieve-bin), only when missing.
set -euo pipefail

if command -v primecount >/dev/null 2>&1 && command -v primesieve >/dev/null 2>&1; then exit 0; fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq primecount-bin primesieve-bin >&2
