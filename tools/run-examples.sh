#!/usr/bin/env bash
# The main job: set up, build, and run every borrow-* check over examples/.
# Prints the warnings with their notes; exits 0 (the examples are meant to
# be flagged).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

cd "$BORROW_ROOT/examples"
mapfile -t files < <(ls ./*.cpp)
echo "borrow-tidy: checking ${files[*]}"
clang-tidy-22 --quiet --load="$BORROW_PLUGIN" --checks='-*,borrow-*' \
  --header-filter='.*' "${files[@]}" -- -std=c++17 -I. 2>&1 |
  grep -v '^[0-9]* warnings\? generated\.$' || true
