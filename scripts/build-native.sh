#!/bin/sh
# Builds the native core, its Catch2 tests, the CLI and the benchmark.
set -eu
. "$(dirname "$0")/env.sh"
if [ ! -f "$ROOT/build/native/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$ROOT/build/native" -j "$JOBS"
