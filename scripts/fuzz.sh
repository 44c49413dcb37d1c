#!/usr/bin/env bash
# Builds the libFuzzer targets (clang + ASan + UBSan, against Debian's ICU) and runs each for a
# bounded time on its seed corpus in tests/fuzz/corpus/<name>/. New inputs go to a scratch copy,
# never into the repository. Any crash input is kept under build/fuzz/crashes/ and fails the run.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib/env.sh"
SECONDS_PER_TARGET=${1:-30}
OUT="$BUILD_DIR/fuzz"

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$OUT" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIRSAD_FUZZ=ON -DMIRSAD_TESTS=OFF >/dev/null
cmake --build "$OUT" -j"$(nproc)" >/dev/null

status=0
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
