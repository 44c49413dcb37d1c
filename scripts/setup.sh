#!/usr/bin/env bash
# Installs everything Mirsad needs on a fresh Debian bookworm machine and builds the slow,
# rarely-changing artefacts (ICU for wasm, its data subset) into a cache outside the clone.
# Idempotent: each step checks before it acts, so a second run takes seconds.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/env.sh
source "$ROOT/scripts/lib/env.sh"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

APT_PACKAGES=(emscripten cmake nlohmann-json3-dev libicu-dev icu-devtools dpkg-dev googletest libgtest-dev hunspell-ar
              chromium clang libclang-rt-14-dev python3 pkg-config unzip)

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# A deb-src entry for bookworm main, copied from the machine's own deb entry so no mirror
# address is written into the repository.
ensure_deb_src() {
  grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && return 0
  grep -qs '^deb-src' /etc/apt/sources.list 2>/dev/null && return 0
  local src=/etc/apt/sources.list.d/debian.sources
  [ -f "$src" ] || { log "no $src to derive a deb-src entry from"; return 1; }
  log "adding a deb-src entry for bookworm main"
  awk 'BEGIN{RS=""; ORS="\n\n"} /Suites:[^\n]*bookworm( |\n|$)/ && !done {
         sub(/Types: deb/, "Types: deb-src"); sub(/Suites:[^\n]*/, "Suites: bookworm"); print; done=1 }' "$src" \
    | $SUDO tee /etc/apt/sources.list.d/mirsad-deb-src.sources >/dev/null
  $SUDO apt-get update -qq
}

fetch_icu_source() {
  [ -f "$ICU_SRC/source/configure" ] && return 0
  ensure_deb_src
  log "fetching Debian's ICU $ICU_VERSION source package"
  mkdir -p "$MIRSAD_CACHE/src"
  (cd "$MIRSAD_CACHE/src" && apt-get source -qq "icu=$ICU_DEB_VERSION" >/dev/null 2>&1 || \
     (cd "$MIRSAD_CACHE/src" && apt-get source -qq icu))
  [ -f "$ICU_SRC/source/configure" ] || { log "ICU source not found at $ICU_SRC"; exit 1; }
}

# npm ci whenever node_modules was not installed from this exact package-lock.json.
install_npm_packages() {
  local stamp="$ROOT/node_modules/.mirsad-lock.sha1" want
  want=$(sha1sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing npm packages (package-lock.json)"
    (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
}

install_apt_packages
fetch_icu_source
"$ROOT/scripts/build-icu-wasm.sh"
"$ROOT/scripts/build-icu-data.sh"
"$ROOT/scripts/build-icu-data.sh" query
install_npm_packages
log "toolchain ready (cache: $MIRSAD_CACHE)"
