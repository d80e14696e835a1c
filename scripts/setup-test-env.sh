#!/usr/bin/env bash
# Installs what the full test suite needs beyond `npm ci`: Debian packages (Chromium for the
# browser and real-VS-Code tests, Kerberos headers for code-server's native modules, packaged Rust
# crates used as third-party code for the clippy comparison) and the offline VS Code (code-server)
# in .cache/e2e. Idempotent: installed pieces are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium libkrb5-dev unzip)
if [ -f test/clippy/apt-packages.txt ]; then
  while read -r p; do
    p="${p%%#*}"; p="$(echo "$p" | xargs)"
    [ -n "$p" ] && packages+=("$p")
  done < test/clippy/apt-packages.txt
fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -x scripts/e2e-setup.sh ] || [ -f scripts/e2e-setup.sh ]; then
  bash scripts/e2e-setup.sh
fi
echo "setup: test environment ready"
