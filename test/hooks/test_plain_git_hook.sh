#!/usr/bin/env bash
# tools/pre-commit/borrow-tidy-hook as a plain git hook (.git/hooks/pre-commit)
# on a throw-away repository, driven by real `git commit`s.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

repo="$WORK/project"
new_repo "$repo"
ln -s "$HOOK" "$repo/.git/hooks/pre-commit"
compile_commands "$repo" moved.cpp clean.cpp "sub dir/my file.cpp"
echo build/ >"$repo/.gitignore"
git -C "$repo" add .gitignore
expect_accepted "$repo" "start" "a commit without C++ files"
expect_no_output "checking" "a commit without C++ files"
pass "a commit without C++ files does not run clang-tidy"

clean_source "$repo/clean.cpp"
git -C "$repo" add clean.cpp
expect_accepted "$repo" "clean" "a clean file"
expect_output "borrow-tidy: checking 1 file with build/compile_commands.json" \
  "a clean file"
pass "a clean commit passes"

moved_source "$repo/moved.cpp"
git -C "$repo" add moved.cpp
expect_refused "$repo" "moved" "a use-after-move"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved [borrow-use-after-move]" \
  "a use-after-move"
expect_output "moved.cpp:8:20: note: moved here" "a use-after-move"
expect_output "borrow-tidy: 1 finding in moved.cpp; commit refused." \
  "a use-after-move"
pass "a commit introducing a use-after-move is refused, with the diagnostic"

# The staged content is what is checked, not the working copy.
clean_source "$repo/moved.cpp"
expect_refused "$repo" "moved" "a staged bug fixed only in the working copy"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved" \
  "a staged bug fixed only in the working copy"
expect_no_output "staged-" "a staged bug fixed only in the working copy"
git -C "$repo" add moved.cpp
moved_source "$repo/moved.cpp"
expect_accepted "$repo" "fixed" "a staged fix with the bug back in the working copy"
git -C "$repo" checkout -q moved.cpp
pass "the staged version of a file is checked, not its working copy"

moved_source "$repo/sub dir/my file.cpp"
git -C "$repo" add "sub dir/my file.cpp"
expect_refused "$repo" "spaces" "a file name with spaces"
expect_output "sub dir/my file.cpp:9:9: warning: 's1' used after it was moved" \
  "a file name with spaces"
clean_source "$repo/sub dir/my file.cpp"
git -C "$repo" add "sub dir/my file.cpp"
expect_accepted "$repo" "spaces" "a fixed file name with spaces"
pass "file names with spaces"

# Headers have no entry of their own: checked with inferred flags.
moved_source "$repo/include/moves.h"
git -C "$repo" add include/moves.h
expect_refused "$repo" "header" "a header with a use-after-move"
expect_output "include/moves.h:9:9: warning: 's1' used after it was moved" \
  "a header with a use-after-move"
git -C "$repo" rm -q --cached include/moves.h
printf 'inline void part() { std::string s; }\n' >"$repo/include/part.h"
git -C "$repo" add include/part.h
expect_accepted "$repo" "part" "a header that does not compile alone"
expect_output "borrow-tidy: skipped include/part.h" \
  "a header that does not compile alone"
pass "headers: checked on their own, skipped when they do not compile alone"

# A file with its own entry that does not compile cannot be vouched for.
printf 'void broken() { undeclared(); }\n' >"$repo/clean.cpp"
git -C "$repo" add clean.cpp
expect_refused "$repo" "broken" "a file that does not compile"
expect_output "borrow-tidy: could not check clean.cpp" \
  "a file that does not compile"
git -C "$repo" reset -q HEAD clean.cpp
git -C "$repo" checkout -q clean.cpp
pass "a file that does not compile with its own entry fails the hook"

mv "$repo/build" "$repo/elsewhere"
moved_source "$repo/moved.cpp"
git -C "$repo" add moved.cpp
expect_refused "$repo" "no database" "no compile_commands.json"
expect_output "borrow-tidy: no compile_commands.json found" \
  "no compile_commands.json"
expect_output "BORROW_TIDY_BUILD_PATH" "no compile_commands.json"
BORROW_TIDY_BUILD_PATH="$repo/elsewhere" \
  expect_refused "$repo" "database elsewhere" "BORROW_TIDY_BUILD_PATH"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved" \
  "BORROW_TIDY_BUILD_PATH"
pass "a missing compile_commands.json gives a clear message; BORROW_TIDY_BUILD_PATH finds it"

echo "$PASSED passed, 0 failed"
