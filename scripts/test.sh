#!/bin/sh
# npm test: sets up what is missing, builds native and WASM, and runs the
# three test floors. Every floor runs even if an earlier one failed; the last
# line sums up, and the exit code is non-zero if anything failed.
#   1. Catch2, native and WASM build/native/mlp-tests, build/wasm/mlp-tests-wasm.js (under Node),
#      and a 10-second libFuzzer run of each tests/fuzz/ target (scripts/fuzz.sh)
#   2. Node (node --test)      tests/node/   (the WASM builds vs native)
#   3. Browser (Chromium)      tests/browser/ (served from 127.0.0.1)
# One floor alone: MLP_FLOORS="node" npm test   (any of: catch2 node browser)
set -u
. "$(dirname "$0")/env.sh"
cd "$ROOT"
FLOORS=${MLP_FLOORS:-"catch2 node browser"}
summary=""
failed=0

step() {  # step NAME COMMAND...: run, time, and record the outcome
  name=$1; shift
  printf '\n== %s ==\n' "$name"
  start=$(date +%s)
  if "$@"; then
    summary="$summary $name:ok($(( $(date +%s) - start ))s)"
  else
    summary="$summary $name:FAILED"
    failed=1
  fi
}

step setup sh scripts/setup.sh || true
[ $failed -eq 0 ] || { echo "npm test: setup failed; nothing else can run"; exit 1; }

wants() { case " $FLOORS " in *" $1 "*) return 0;; esac; return 1; }

if wants catch2; then
  step build-native sh scripts/build-native.sh
  step catch2 build/native/mlp-tests
fi
if wants catch2 || wants node || wants browser; then
  step build-wasm sh scripts/build-wasm.sh
fi
if wants catch2; then
  step build-catch2-wasm cmake --build build/wasm --target mlp-tests-wasm -j "$JOBS"
  # --no-experimental-fetch: Node 20's fetch cannot load the .wasm from a path.
  step catch2-wasm node --no-experimental-fetch build/wasm/mlp-tests-wasm.js
  step fuzz-smoke sh scripts/fuzz.sh 10
fi
if wants node || wants browser; then
  step typecheck npx tsc --noEmit -p tsconfig.json
  step pack-mnist node scripts/pack-mnist.mjs
fi
if wants node; then
  [ -x build/native/mlp-cli ] || step build-native sh scripts/build-native.sh
  step node node --test tests/node/
fi
if wants browser; then
  step vite-build npx vite build --config vite.config.mjs --logLevel warn
  step browser node --test --test-concurrency=1 tests/browser/
fi

printf '\nnpm test:%s\n' "$summary"
if [ $failed -eq 0 ]; then echo "npm test: all floors passed"; else echo "npm test: FAILED"; fi
exit $failed
