# Shared paths and versions for the build scripts. Sourced, not executed.
# The cache lives outside the clone so a fresh clone on the same machine reuses the slow
# ICU build; its key holds every input that changes the output.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}   # Debian's emscripten needs Debian's acorn
ICU_VERSION=72.1
ICU_DEB_VERSION=72.1-3+deb12u1
ICU_WASM_FLAGS="-O2 -DU_CHARSET_IS_UTF8=1 -DU_USING_ICU_NAMESPACE=0 -DU_NO_DEFAULT_INCLUDE_UTF_HEADERS=1"
MIRSAD_CACHE=${MIRSAD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mirsad}
ICU_SRC="$MIRSAD_CACHE/src/icu-$ICU_VERSION"
EMSCRIPTEN_DEB_VERSION=3.1.6   # bookworm's; part of the cache key
_icu_key=$(printf '%s|%s|%s' "$ICU_DEB_VERSION" "$ICU_WASM_FLAGS" "$EMSCRIPTEN_DEB_VERSION" | sha1sum | cut -c1-10)
ICU_WASM_PREFIX="$MIRSAD_CACHE/icu-wasm-$ICU_VERSION-$_icu_key"
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
