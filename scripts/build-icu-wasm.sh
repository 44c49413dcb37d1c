#!/usr/bin/env bash
# Cross-compiles ICU's common + i18n libraries to wasm32 with Debian's emscripten, into the cache.
# About 12 minutes on 2 cores, once per machine; later runs find the stamp and return at once.
# Recipe: ICU needs a host "cross buildroot" only for config/icucross.mk; the data library is a
# stub because Mirsad links its own small data package (build-icu-data.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib/env.sh"
log() { printf '\033[1m[icu-wasm]\033[0m %s\n' "$*" >&2; }

STAMP="$ICU_WASM_PREFIX/.complete"
[ -f "$STAMP" ] && exit 0
[ -f "$ICU_SRC/source/configure" ] || { log "ICU source missing: run scripts/setup.sh"; exit 1; }

WORK="$MIRSAD_CACHE/icu-build-$(basename "$ICU_WASM_PREFIX")"
rm -rf "$WORK" "$ICU_WASM_PREFIX"
mkdir -p "$WORK/host" "$WORK/wasm/lib"
log "host configure for the cross buildroot"
(cd "$WORK/host" && "$ICU_SRC/source/configure" --disable-tests --disable-samples --disable-extras >/dev/null \
   && make -s config/icucross.mk config/icucross.inc >/dev/null)

log "wasm configure"
(cd "$WORK/wasm" && emconfigure "$ICU_SRC/source/configure" --host=wasm32 icu_cv_host_frag=mh-linux \
   --with-cross-build="$WORK/host" --enable-static --disable-shared --disable-tools \
   --disable-tests --disable-samples --disable-extras --disable-icuio --disable-layoutex \
   --with-data-packaging=archive --prefix="$ICU_WASM_PREFIX" \
   CFLAGS="-O2" CXXFLAGS="-O2" \
   CPPFLAGS="-DU_CHARSET_IS_UTF8=1 -DU_USING_ICU_NAMESPACE=0 -DU_NO_DEFAULT_INCLUDE_UTF_HEADERS=1" >/dev/null)

JOBS=$(nproc 2>/dev/null || echo 2)
for d in stubdata common i18n; do
  log "building $d (-j$JOBS)"
  (cd "$WORK/wasm" && emmake make -s -j"$JOBS" -C "$d" >/dev/null 2>"$WORK/$d.err" && emmake make -s -C "$d" install >/dev/null) \
    || { tail -30 "$WORK/$d.err" >&2; exit 1; }
done
touch "$STAMP"
rm -rf "$WORK"
log "done: $ICU_WASM_PREFIX"
