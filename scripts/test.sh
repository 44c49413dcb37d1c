#!/usr/bin/env bash
# README command two: builds what is missing, then runs every test layer and ends with one
# summary line the CI can read: "N passed, N failed".
#   native   GoogleTest via CTest, against Debian's ICU
#   node     node:test against the same wasm module the page loads
#   browser  playwright-core driving Debian's Chromium on the page from file://
#   sanitize the unit tests again under ASan + UBSan, and the libFuzzer targets for a bounded time
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib/env.sh"
log() { printf '\033[1m[test]\033[0m %s\n' "$*" >&2; }

"$ROOT/scripts/build.sh" --no-demo || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0
count_node() {  # reads node --test TAP output on stdin, adds to the totals
  local out; out=$(cat); printf '%s\n' "$out"
  local p f
  p=$(printf '%s\n' "$out" | sed -n 's/^# pass \([0-9]*\)$/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^# fail \([0-9]*\)$/\1/p' | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
}

log "native unit tests (ctest)"
ctest_out=$(cd "$BUILD_DIR/native" && ctest --output-on-failure -j"$(nproc)" 2>&1)
printf '%s\n' "$ctest_out" | tail -25
total=$(printf '%s\n' "$ctest_out" | sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2/p')
nfail=$(printf '%s\n' "$ctest_out" | sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\1/p')
if [ -n "$total" ]; then passed=$((passed + total - nfail)); failed=$((failed + nfail)); else failed=$((failed + 1)); fi

log "wasm module tests (node:test)"
count_node < <(node --test "$ROOT"/tests/node/*.test.js 2>&1)

log "browser tests (playwright-core + Debian Chromium)"
count_node < <(node --test --test-concurrency=1 "$ROOT"/tests/browser/*.test.js 2>&1)

log "native unit tests under ASan + UBSan, then libFuzzer for ${MIRSAD_FUZZ_SECONDS:-30} s per target"
if bash "$ROOT/scripts/fuzz.sh" "${MIRSAD_FUZZ_SECONDS:-30}"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
