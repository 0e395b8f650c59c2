#!/usr/bin/env bash
# The hook through Debian's pre-commit framework, offline: once from a hook
# repository (a file:// clone of this checkout's .pre-commit-hooks.yaml and
# hook script, as `repo: <url>` users get it), once as `repo: local`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v pre-commit >/dev/null ||
  { echo "FAIL: pre-commit is not installed (tools/setup.sh installs it)" >&2; exit 1; }

# The hook repository: what this checkout would publish.
hooks="$WORK/borrow-tidy"
mkdir -p "$hooks/tools/pre-commit"
cp "$BORROW_SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks/"
cp "$HOOK" "$hooks/tools/pre-commit/"
git -C "$hooks" init -q
git -C "$hooks" add .
git -C "$hooks" commit -q -m "hooks"
rev=$(git -C "$hooks" rev-parse HEAD)

repo="$WORK/project"
new_repo "$repo"
compile_commands "$repo" moved.cpp clean.cpp "sub dir/my file.cpp"
echo build/ >"$repo/.gitignore"
cat >"$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: file://$hooks
    rev: $rev
    hooks:
      - id: borrow-tidy
EOF
git -C "$repo" add .gitignore .pre-commit-config.yaml
(cd "$repo" && pre-commit install) >"$WORK/out" 2>&1 || fail "pre-commit install"
expect_accepted "$repo" "start" "a commit without C++ files"
pass "pre-commit installs the hook from a file:// repository"

clean_source "$repo/clean.cpp"
git -C "$repo" add clean.cpp
expect_accepted "$repo" "clean" "a clean file"
expect_output "borrow-tidy" "a clean file"
expect_output "Passed" "a clean file"
pass "a clean commit passes"

moved_source "$repo/moved.cpp"
git -C "$repo" add moved.cpp
expect_refused "$repo" "moved" "a use-after-move"
expect_output "Failed" "a use-after-move"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved [borrow-use-after-move]" \
  "a use-after-move"
expect_output "moved.cpp:8:20: note: moved here" "a use-after-move"
pass "a commit introducing a use-after-move is refused, with the diagnostic"

# pre-commit hides unstaged edits while the hook runs, and brings them back.
clean_source "$repo/moved.cpp"
expect_refused "$repo" "moved" "a staged bug fixed only in the working copy"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved" \
  "a staged bug fixed only in the working copy"
grep -q 'print(s2);' "$repo/moved.cpp" || fail "the working copy was not restored"
git -C "$repo" add moved.cpp
expect_accepted "$repo" "fixed" "the fix staged"
pass "the staged version is checked; the working copy is left as it was"

moved_source "$repo/sub dir/my file.cpp"
git -C "$repo" add "sub dir/my file.cpp"
expect_refused "$repo" "spaces" "a file name with spaces"
expect_output "sub dir/my file.cpp:9:9: warning: 's1' used after it was moved" \
  "a file name with spaces"
clean_source "$repo/sub dir/my file.cpp"
git -C "$repo" add "sub dir/my file.cpp"
expect_accepted "$repo" "spaces" "a fixed file name with spaces"
pass "file names with spaces"

mv "$repo/build" "$repo/elsewhere"
moved_source "$repo/moved.cpp"
git -C "$repo" add moved.cpp
expect_refused "$repo" "no database" "no compile_commands.json"
expect_output "borrow-tidy: no compile_commands.json found" \
  "no compile_commands.json"
pass "a missing compile_commands.json gives a clear message"

# args: in the configuration point the hook at the database.
sed -i 's/- id: borrow-tidy/- id: borrow-tidy\n        args: [-p, elsewhere]/' \
  "$repo/.pre-commit-config.yaml"
git -C "$repo" add .pre-commit-config.yaml
expect_refused "$repo" "database elsewhere" "args: [-p, elsewhere]"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved" \
  "args: [-p, elsewhere]"
pass "args: [-p, DIR] points the hook at the database"

# repo: local, the hook script of this checkout run as a system command.
local_repo="$WORK/local project"
new_repo "$local_repo"
compile_commands "$local_repo" moved.cpp
echo build/ >"$local_repo/.gitignore"
cat >"$local_repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: local
    hooks:
      - id: borrow-tidy
        name: borrow-tidy
        entry: "'$HOOK'"
        language: system
        files: '(?i)\.(c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|h\+\+|inl|ipp|tpp|tcc)$'
        require_serial: true
EOF
git -C "$local_repo" add .gitignore .pre-commit-config.yaml
(cd "$local_repo" && pre-commit install) >"$WORK/out" 2>&1 ||
  fail "pre-commit install (local)"
expect_accepted "$local_repo" "start" "repo: local, no C++ files"
moved_source "$local_repo/moved.cpp"
git -C "$local_repo" add moved.cpp
expect_refused "$local_repo" "moved" "repo: local, a use-after-move"
expect_output "moved.cpp:9:9: warning: 's1' used after it was moved [borrow-use-after-move]" \
  "repo: local, a use-after-move"
pass "repo: local refuses a use-after-move too"

echo "$PASSED passed, 0 failed"
