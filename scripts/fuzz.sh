#!/usr/bin/env bash
# Builds the core with clang + ASan + UBSan (against Debian's ICU), runs the native unit tests
# under the sanitizers, then runs each libFuzzer target for a bounded time on its seed corpus in
# tests/fuzz/corpus/<name>/. New inputs go to a scratch copy, never into the repository; a crash
# input is kept under build/fuzz/crashes/ and fails the run.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib/env.sh"
SECONDS_PER_TARGET=${1:-30}
OUT="$BUILD_DIR/fuzz"

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$OUT" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIRSAD_FUZZ=ON -DMIRSAD_TESTS=ON >/dev/null
cmake --build "$OUT" -j"$(nproc)" >/dev/null

status=0
# halt_on_error: UBSan otherwise only prints; a finding must fail the run.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1
if ctest_out=$(cd "$OUT" && ctest -j"$(nproc)" 2>&1); then
  echo "sanitized unit tests: $(printf '%s\n' "$ctest_out" | grep -E 'tests passed' | tail -1)"
else
  printf '%s\n' "$ctest_out" | tail -40
  echo "sanitized unit tests: FAILED"
  status=1
fi
mkdir -p "$OUT/crashes"
for seeds in "$ROOT"/tests/fuzz/corpus/*/; do
  name=$(basename "$seeds")
  work="$OUT/corpus-$name"
  rm -rf "$work" && mkdir -p "$work" && cp "$seeds"* "$work/"
  log="$OUT/$name.log"
  if "$OUT/tests/fuzz/${name}_fuzzer" -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
       -artifact_prefix="$OUT/crashes/$name-" "$work" >"$log" 2>&1; then
    verdict=ok
  else
    verdict=CRASH; status=1; tail -40 "$log"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz $name: ${runs:-?} inputs in ${SECONDS_PER_TARGET}s, corpus $(ls "$work" | wc -l) files: $verdict"
done
exit $status
