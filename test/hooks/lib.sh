# Shared by the hook tests (sourced): throw-away git repositories with a
# compilation database, C++ files with and without a use-after-move, and
# assertions. Needs BORROW_TIDY_PLUGIN and BORROW_TIDY_CLANG_TIDY (ctest sets
# them) and BORROW_SOURCE_DIR (the checkout under test).
set -euo pipefail

: "${BORROW_TIDY_PLUGIN:?set it to the built libBorrowTidy.so}"
: "${BORROW_TIDY_CLANG_TIDY:?set it to clang-tidy 22}"
: "${BORROW_SOURCE_DIR:?set it to the borrow-tidy checkout}"
export BORROW_TIDY_PLUGIN BORROW_TIDY_CLANG_TIDY
HOOK="$BORROW_SOURCE_DIR/tools/pre-commit/borrow-tidy-hook"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/borrow-hooks.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Nothing from the user's git or pre-commit set-up leaks in.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config"
export GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_HOME="$WORK/pre-commit-cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
unset BORROW_TIDY_BUILD_PATH BORROW_TIDY_CHECKS GIT_DIR GIT_INDEX_FILE
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

PASSED=0
pass() { PASSED=$((PASSED + 1)); echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; echo "--- output ---" >&2; cat "$WORK/out" >&2; exit 1; }

# new_repo DIR: an empty repository whose first commit holds a README.
new_repo() {
  mkdir -p "$1"
  git -C "$1" init -q
  echo "test project" >"$1/README"
  git -C "$1" add README
}

# compile_commands REPO FILE...: build/compile_commands.json with one entry
# per FILE (relative to REPO, spaces allowed).
compile_commands() {
  local repo=$1
  shift
  mkdir -p "$repo/build"
  python3 - "$repo" "$@" >"$repo/build/compile_commands.json" <<'EOF'
import json, sys
repo, files = sys.argv[1], sys.argv[2:]
json.dump([{'directory': repo, 'file': f,
            'arguments': ['clang++', '-std=c++17', '-c', f]} for f in files],
          sys.stdout, indent=1)
EOF
}

# moved_source FILE: a use-after-move, flagged at 9:9 with a note at 8:20.
moved_source() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<'EOF'
#include <string>
#include <utility>

void print(const std::string &);

void greet() {
  std::string s1 = "hello";
  std::string s2 = std::move(s1);
  print(s1);
}
EOF
}

# clean_source FILE: the same function, fixed.
clean_source() {
  moved_source "$1"
  sed -i 's/print(s1);/print(s2);/' "$1"
}

# commit REPO MESSAGE: git commit, output in $WORK/out; returns git's status.
commit() {
  local status=0
  git -C "$1" commit -q -m "$2" >"$WORK/out" 2>&1 || status=$?
  return $status
}

expect_refused() { # REPO MESSAGE WHAT
  local before
  before=$(git -C "$1" rev-parse -q --verify HEAD || true)
  if commit "$1" "$2"; then fail "$3: the commit was accepted"; fi
  [ "$(git -C "$1" rev-parse -q --verify HEAD || true)" = "$before" ] ||
    fail "$3: HEAD moved"
}

expect_accepted() { # REPO MESSAGE WHAT
  commit "$1" "$2" || fail "$3: the commit was refused"
}

expect_output() { # TEXT WHAT
  grep -qF -- "$1" "$WORK/out" || fail "$2: output lacks: $1"
}

expect_no_output() { # TEXT WHAT
  if grep -qF -- "$1" "$WORK/out"; then fail "$2: output has: $1"; fi
}
