#!/usr/bin/env bash
# Installs what borrow-tidy needs on Debian 12 (as root, or through sudo) and
# builds it. Sourced by run-examples.sh and run-tests.sh; idempotent, and
# a no-op apart from an up-to-date check when everything is in place.
set -euo pipefail

BORROW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BORROW_BUILD=${BORROW_BUILD_DIR:-$BORROW_ROOT/build}
export BORROW_ROOT BORROW_BUILD

BORROW_PACKAGES=(
  clang-22 clang-tidy-22 clangd-22 libclang-22-dev llvm-22-dev llvm-22-tools
  libgtest-dev libgmock-dev cmake ninja-build python3
  git pre-commit
)
# The SARIF tests validate with Ajv from npm (test/sarif/package.json). Debian
# has nodejs and npm; a machine with another Node.js (which bundles npm) keeps
# it.
command -v npm >/dev/null 2>&1 || BORROW_PACKAGES+=(nodejs npm)

borrow_install_packages() {
  local missing=() pkg
  for pkg in "${BORROW_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
      grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "borrow-tidy: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q \
    --no-install-recommends "${missing[@]}"
}

borrow_build() {
  if [ ! -f "$BORROW_BUILD/build.ninja" ]; then
    CXX=clang++-22 CC=clang-22 cmake -S "$BORROW_ROOT" -B "$BORROW_BUILD" \
      -G Ninja -DCMAKE_BUILD_TYPE=Release
  fi
  cmake --build "$BORROW_BUILD"
}

# test/sarif/node_modules from its package-lock.json, again only when the
# lock changed; the tests then run offline.
borrow_install_node_modules() {
  local dir="$BORROW_ROOT/test/sarif"
  cmp -s "$dir/package-lock.json" "$dir/node_modules/.borrow-lock" && return 0
  echo "borrow-tidy: npm ci in test/sarif"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$dir/node_modules/.borrow-lock"
}

borrow_install_packages
borrow_build
borrow_install_node_modules
BORROW_PLUGIN="$BORROW_BUILD/plugin/libBorrowTidy.so"
export BORROW_PLUGIN
