# Sourced by the other scripts: the environment Debian's Emscripten 3.1.6 needs.
# Without NODE_PATH its optimizing link step fails with "Cannot find module 'acorn'".
export NODE_PATH=/usr/share/nodejs:/usr/lib/nodejs${NODE_PATH:+:$NODE_PATH}
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=$(nproc 2>/dev/null || echo 2)
