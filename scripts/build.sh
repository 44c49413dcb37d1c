#!/usr/bin/env bash
# README command one: installs what is missing, builds the core natively and to WebAssembly,
# assembles the page in build/web/, then shows the CLI searching the bundled corpus.
#   scripts/build.sh            everything
#   scripts/build.sh --no-demo  build only (used by scripts/test.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib/env.sh"
log() { printf '\033[1m[build]\033[0m %s\n' "$*" >&2; }
DEMO=1; [ "${1:-}" = "--no-demo" ] && DEMO=0
JOBS=$(nproc 2>/dev/null || echo 2)

"$ROOT/scripts/setup.sh"

log "native build (g++, Debian ICU) → $BUILD_DIR/native"
cmake -S "$ROOT" -B "$BUILD_DIR/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR/native" -j"$JOBS"

log "wasm build (emscripten, ICU $ICU_VERSION for wasm) → $BUILD_DIR/wasm"
emcmake cmake -S "$ROOT" -B "$BUILD_DIR/wasm" -DCMAKE_BUILD_TYPE=Release \
  -DMIRSAD_ICU_PREFIX="$ICU_WASM_PREFIX" -DMIRSAD_ICU_DATA_OBJECT="$MIRSAD_CACHE/icu-data-current/icudt72_dat.o" \
  -DMIRSAD_ICU_QUERY_DATA_OBJECT="$MIRSAD_CACHE/icu-data-query-current/icudt72_dat.o" \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
cmake --build "$BUILD_DIR/wasm" -j"$JOBS"

log "assembling the page → $BUILD_DIR/web"
WEB="$BUILD_DIR/web"
rm -rf "$WEB.tmp" && mkdir -p "$WEB.tmp/fonts"
cp -r "$ROOT/web/." "$WEB.tmp/"
cp "$BUILD_DIR/wasm/mirsad-core.js" "$WEB.tmp/mirsad-core.js"
FONTS="$ROOT/node_modules/@fontsource/noto-naskh-arabic/files"
for w in 400 700; do cp "$FONTS/noto-naskh-arabic-arabic-$w-normal.woff2" "$WEB.tmp/fonts/"; done
node "$ROOT/scripts/lib/bundle-corpus.js" "$ROOT/seeds" "$BUILD_DIR/wasm/mirsad-core.js" > "$WEB.tmp/corpus.js"
# The embeddable widget is one script: the core, its JS face, the DOM helpers, the load reports in
# Arabic and the element.
# The same file is the widget's worker: worker-host.js runs the worker's side when the bundle is
# loaded by `new Worker(...)` (the flag tells it so).
{ printf 'var MIRSAD_WIDGET_BUNDLE = true;\n'
  cat "$BUILD_DIR/wasm/mirsad-core.js" "$ROOT/web/js/mirsad.js" "$ROOT/web/js/ui/common.js" "$ROOT/web/js/ui/counts.js" "$ROOT/web/js/ui/load-notes.js" \
    "$ROOT/web/js/worker-host.js" "$ROOT/web/widget/widget.js"; } > "$WEB.tmp/mirsad-widget.js"
# The light widget, for static indexes (index="…"): the query-side module (its wasm beside it),
# the JS face, the DOM helpers and the element; no worker, no corpus loading.
cp "$BUILD_DIR/wasm/mirsad-query.wasm" "$WEB.tmp/mirsad-query.wasm"
cat "$BUILD_DIR/wasm/mirsad-query.js" "$ROOT/web/js/mirsad.js" "$ROOT/web/js/ui/common.js" "$ROOT/web/js/ui/counts.js" \
  "$ROOT/web/js/ui/load-notes.js" "$ROOT/web/widget/widget.js" > "$WEB.tmp/mirsad-search-static.js"
rm -rf "$WEB" && mv "$WEB.tmp" "$WEB"

if [ "$DEMO" = 1 ]; then
  log "the page: file://$WEB/index.html"
  log "CLI: scripts/mirsad search ليبيا"
  "$ROOT/scripts/mirsad" search --limit 5 ليبيا
  printf '\nOpen the page (no server needed):\n  file://%s/index.html\n' "$WEB"
fi
