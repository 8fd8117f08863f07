#!/usr/bin/env bash
# Makes promtool available for test/observability/metrics-format.int.test.ts (`promtool check metrics`).
# Debian ships it in the prometheus package; without it the test applies the same naming rules itself.
set -euo pipefail

if command -v promtool >/dev/null 2>&1; then
  echo "ensure-promtool: found $(command -v promtool)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-promtool: promtool is not installed and this user cannot install it; the metrics test lints by its own rules" >&2
  exit 0
fi

echo "ensure-promtool: installing Debian's prometheus package for promtool"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || true
apt-get install -y -qq --no-install-recommends prometheus >/dev/null \
  || echo "ensure-promtool: could not install prometheus; the metrics test lints by its own rules" >&2
