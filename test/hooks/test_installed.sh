#!/usr/bin/env bash
# What `cmake --install` puts in <prefix>: the hook finds the plugin in
# <prefix>/lib by itself, borrow-sarif carries the project's version and the
# installed check pages.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${BORROW_BINARY_DIR:?set it to the build folder}"

prefix="$WORK/prefix with space"
cmake --install "$BORROW_BINARY_DIR" --prefix "$prefix" >"$WORK/out" 2>&1 ||
  fail "cmake --install"
for file in bin/borrow-tidy-hook bin/borrow-sarif lib/libBorrowTidy.so \
  share/doc/borrow-tidy/checks/borrow-use-after-move.md; do
  [ -e "$prefix/$file" ] || fail "not installed: $file"
done
pass "cmake --install puts the hook, borrow-sarif, the plugin and the docs in <prefix>"

repo="$WORK/project"
new_repo "$repo"
ln -s "$prefix/bin/borrow-tidy-hook" "$repo/.git/hooks/pre-commit"
compile_commands "$repo" moved.cpp
moved_source "$repo/moved.cpp"
git -C "$repo" add moved.cpp
BORROW_TIDY_PLUGIN='' expect_refused "$repo" "moved" "the installed hook"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved [borrow-use-after-move]" \
  "the installed hook"
pass "the installed hook finds <prefix>/lib/libBorrowTidy.so"

if [ ! -e /usr/local/lib/libBorrowTidy.so ] && [ ! -e /usr/lib/libBorrowTidy.so ]; then
  mkdir -p "$WORK/alone"
  cp "$HOOK" "$WORK/alone/"
  (cd "$repo" && BORROW_TIDY_PLUGIN='' "$WORK/alone/borrow-tidy-hook") \
    >"$WORK/out" 2>&1 && fail "the hook ran without a plugin"
  expect_output "borrow-tidy: libBorrowTidy.so not found; set BORROW_TIDY_PLUGIN" \
    "no plugin anywhere"
  pass "without a plugin the hook says where it looked and how to set it"
fi

version=$(sed -n 's/^project(borrow-tidy VERSION \([0-9.]*\).*/\1/p' \
  "$BORROW_SOURCE_DIR/CMakeLists.txt")
echo "$repo/moved.cpp:9:9: warning: 's1' used after it was moved [borrow-use-after-move]" |
  "$prefix/bin/borrow-sarif" --base-dir "$repo" >"$WORK/out"
python3 - "$WORK/out" "$version" "$prefix" <<'EOF' || fail "installed borrow-sarif"
import json, pathlib, sys
log, version, prefix = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
driver = log['runs'][0]['tool']['driver']
docs = pathlib.Path(prefix, 'share', 'doc', 'borrow-tidy').as_uri()
assert driver['version'] == version, driver['version']
assert driver['informationUri'] == docs + '/README.md', driver['informationUri']
rule = [r for r in driver['rules'] if r['id'] == 'borrow-use-after-move'][0]
assert rule['helpUri'] == docs + '/checks/borrow-use-after-move.md', rule['helpUri']
assert 'E0382' in rule['fullDescription']['text']
assert log['runs'][0]['results'][0]['ruleId'] == 'borrow-use-after-move'
EOF
pass "the installed borrow-sarif has version $version and the installed check pages"

echo "$PASSED passed, 0 failed"
