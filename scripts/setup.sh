#!/bin/sh
# Installs whatever MLP Lab needs and is missing, says exactly what it
# installs, and takes about a second when everything is already there.
#   Debian packages: emscripten (3.1.6), libxsimd-dev, catch2, chromium, ccache, cmake, g++,
#                    clang-14 + libclang-rt-14-dev (libFuzzer, for tests/fuzz/; the
#                    fuzzer runtime is only "recommended" by clang's packages)
#   npm packages:    package-lock.json, via `npm ci`
set -eu
. "$(dirname "$0")/env.sh"
cd "$ROOT"

say() { printf 'setup: %s\n' "$*"; }

node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.stdout.write(String(a>20||(a===20&&b>=19)))')
if [ "$node_ok" != true ]; then
  say "Node.js >= 20.19 is required (Vite 8); found $(node --version)."
  exit 1
fi

DEBS="emscripten libxsimd-dev catch2 chromium ccache cmake g++ clang-14 libclang-rt-14-dev"
missing=""
for p in $DEBS; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
  else
    say "missing Debian packages:$missing"
    say "run as root: apt-get update && apt-get install -y$missing"
    exit 1
  fi
  say "installing Debian packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  say "installed:$missing"
fi

# npm ci when node_modules is absent or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
