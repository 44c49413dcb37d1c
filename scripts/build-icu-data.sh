#!/usr/bin/env bash
# Builds the small ICU data package linked into the wasm module: only what the core uses.
#   normalization  nfkc.nrm, nfkc_cf.nrm (NFC and properties are compiled into libicuuc)
#   word breaks    brkitr/word.brk
#   locale data    ar, en and the Arabic variants whose month names news uses: ar_SY (Levantine
#                  كانون الثاني، آذار…), ar_DZ/ar_TN (Maghreb جانفي، أفريل…), ar_MA; territory names
#                  in region/ar, region/en
#   transliterator Arabic<->Latin only (translit/root subset)
# Output: $ICU_DATA_OBJ, a wasm object defining icudt72_dat. About 15 s.
#   scripts/build-icu-data.sh query   the query-side module's package instead: the one normalization
#                                     the analyzer uses (nfkc_cf) and word breaks, nothing else (it
#                                     analyses queries and fragments; no locale data), linked as
#                                     icu-data-query-current
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/lib/env.sh"
log() { printf '\033[1m[icu-data]\033[0m %s\n' "$*" >&2; }

ITEMS=(icuver.res nfkc.nrm nfkc_cf.nrm res_index.res pool.res root.res
       ar.res ar_SY.res ar_DZ.res ar_TN.res ar_MA.res en.res
       likelySubtags.res metadata.res supplementalData.res numberingSystems.res keyTypeData.res
       brkitr/res_index.res brkitr/root.res brkitr/word.brk translit/root.res)
for tree in lang region; do for f in res_index pool root ar en; do ITEMS+=("$tree/$f.res"); done; done
TRANSLITERATORS="Arab-Latn,Arabic-Latin,Latn-Arab,Latin-Arabic"
VARIANT=""
if [ "${1:-}" = query ]; then
  VARIANT="-query"
  ITEMS=(icuver.res nfkc_cf.nrm brkitr/res_index.res brkitr/root.res brkitr/word.brk)
  TRANSLITERATORS=""
fi

key=$(printf '%s|%s|%s|%s' "$ICU_DEB_VERSION" "${ITEMS[*]}" "$TRANSLITERATORS" "$(sha1sum "$0" | cut -c1-8)" | sha1sum | cut -c1-10)
OUT="$MIRSAD_CACHE/icu-data$VARIANT-$ICU_VERSION-$key"
[ -f "$OUT/icudt72_dat.o" ] && { ln -sfn "$OUT" "$MIRSAD_CACHE/icu-data$VARIANT-current"; exit 0; }

[ -f "$ICU_WASM_PREFIX/.complete" ] || { log "ICU wasm build missing: run scripts/setup.sh"; exit 1; }
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
mkdir -p "$W/all" "$W/txt/out" "$W/gen"
icupkg -x '*' -d "$W/all" "$ICU_SRC/source/data/in/icudt72l.dat"
printf '%s\n' "${ITEMS[@]}" > "$W/keep.txt"
if [ -n "$TRANSLITERATORS" ]; then
  derb -d "$W/txt" -i "$W/all/translit" root >/dev/null 2>&1 || derb -d "$W/txt" -i "$W/all/translit" root
  python3 "$ROOT/scripts/lib/subset_translit.py" "$W/txt/root.txt" "$W/txt/out/root.txt" "$TRANSLITERATORS"
  genrb -q -s "$W/txt/out" -d "$W/all/translit" root.txt
fi
(cd "$W" && icupkg -tl --ignore-deps -s all -a keep.txt new icudt72l.dat)
cp "$W/icudt72l.dat" "$W/gen/icudt72.dat"   # genccode names the C symbol after its input file
genccode -q -d "$W/gen" "$W/gen/icudt72.dat"
mkdir -p "$OUT.tmp"
emcc -O2 -c "$W/gen/icudt72_dat.c" -I"$ICU_WASM_PREFIX/include" -o "$OUT.tmp/icudt72_dat.o"
cp "$W/icudt72l.dat" "$OUT.tmp/"
rm -rf "$OUT"; mv "$OUT.tmp" "$OUT"
ln -sfn "$OUT" "$MIRSAD_CACHE/icu-data$VARIANT-current"
log "$(stat -c %s "$OUT/icudt72l.dat") bytes of ICU data → $OUT"
