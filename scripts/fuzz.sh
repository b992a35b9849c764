#!/bin/sh
# npm run fuzz: builds the libFuzzer targets in tests/fuzz/ (clang-14, ASan
# and UBSan) and runs each for a while from a copy of its committed seed
# corpus (tests/fuzz/corpus/<target>/), one after the other (2 cores, shared).
#   sh scripts/fuzz.sh            60 s per target
#   sh scripts/fuzz.sh 600        600 s per target (or MLP_FUZZ_SECONDS=600)
# Prints each target's execution count. A finding fails the run and leaves
# the input that triggered it in artifacts/fuzz/<target>/ (replay it with
# build/fuzz/fuzz_<target> <file>).
set -eu
. "$(dirname "$0")/env.sh"
cd "$ROOT"
TIME=${1:-${MLP_FUZZ_SECONDS:-60}}
case "$TIME" in ''|*[!0-9]*) echo "fuzz: seconds must be a whole number, got '$TIME'" >&2; exit 2 ;; esac

if [ ! -f build/fuzz/CMakeCache.txt ]; then
  cmake -S . -B build/fuzz -DMLP_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build/fuzz -j "$JOBS" >/dev/null

status=0
for target in idx model preprocess; do
  out="artifacts/fuzz/$target"
  rm -rf "$out"
  mkdir -p "$out/corpus"
  cp tests/fuzz/corpus/"$target"/* "$out/corpus/"
  if build/fuzz/fuzz_"$target" -max_total_time="$TIME" -print_final_stats=1 -artifact_prefix="$out/" \
      "$out/corpus" >"$out/log.txt" 2>&1; then
    result=ok
  else
    result="FINDING (see $out/)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log.txt" | tail -1)
  printf 'fuzz: %-10s %s executions in %s s: %s\n' "$target" "${runs:-?}" "$TIME" "$result"
  [ "$result" = ok ] || tail -30 "$out/log.txt" >&2
done
exit $status
