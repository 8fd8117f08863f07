#!/usr/bin/env bash
# Makes Debian's chromium available for the browser tests (test/review-console). Playwright's own browser
# download cannot work on these machines, so the tests drive the distribution's binary instead.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  echo "ensure-chromium: found $(command -v chromium) ($(chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  # Not root: installing is someone else's call; the browser tests will say chromium is missing.
  echo "ensure-chromium: chromium is not installed and this user cannot install it; run as root: apt-get install -y chromium" >&2
  exit 0
fi

echo "ensure-chromium: chromium missing; installing Debian's chromium package (about a minute)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "ensure-chromium: installed $(command -v chromium) ($(chromium --version 2>/dev/null || echo 'version unknown'))"
