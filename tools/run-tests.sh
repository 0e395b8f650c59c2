#!/usr/bin/env bash
# The whole test suite: set up, build, then lit and GoogleTest through ctest.
# Fails unless every test ran and passed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

cd "$BORROW_BUILD"
ctest --output-on-failure -j"$(nproc)" "$@"
