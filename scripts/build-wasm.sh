#!/bin/sh
# Builds the WASM modules (SIMD, scalar, threads and the digit reader) into web/generated/.
set -eu
. "$(dirname "$0")/env.sh"
if [ ! -f "$ROOT/build/wasm/CMakeCache.txt" ]; then
  emcmake cmake -S "$ROOT" -B "$ROOT/build/wasm" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$ROOT/build/wasm" -j "$JOBS"
