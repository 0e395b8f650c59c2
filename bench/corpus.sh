#!/usr/bin/env bash
# Prepare a corpus of real C++ projects from Debian source packages, for
# running borrow-tidy (and reference checks) over real code.
#
# Everything lives OUTSIDE the repo, in
#   ${BORROW_CORPUS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/borrow-tidy/corpus}
# with one directory per source package:
#   <corpus>/<pkg>/<pkg>-<version>/     unpacked + patched Debian source
#   <corpus>/<pkg>/build/               cmake build dir with compile_commands.json
#   <corpus>/<pkg>/.done                stamp: configured successfully
#
# Idempotent: a second run only prints the summary. Delete <corpus>/<pkg>
# (or the whole corpus dir) to redo a project. Needs root (or sudo) only the
# first time, for the deb-src entry, `apt-get update` and small -dev packages.
#
# Usage: bench/corpus.sh [pkg ...]     (default: all packages below)
set -euo pipefail

CORPUS="${BORROW_CORPUS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/borrow-tidy/corpus}"
CC_BIN="${CC:-clang-22}"
CXX_BIN="${CXX:-clang++-22}"

# Debian source package -> extra cmake flags (tests ON where the test code is
# real C++ and only needs googletest/benchmark; optional deps OFF).
declare -A FLAGS=(
  [yaml-cpp]="-DYAML_CPP_BUILD_TESTS=ON -DYAML_USE_SYSTEM_GTEST=ON -DYAML_CPP_BUILD_TOOLS=ON"
  [re2]="-DRE2_BUILD_TESTING=ON -DUSEPCRE=OFF"
  [snappy]="-DSNAPPY_BUILD_TESTS=ON -DSNAPPY_BUILD_BENCHMARKS=OFF"
  [libjsoncpp]="-DJSONCPP_WITH_TESTS=ON -DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF -DBUILD_OBJECT_LIBS=OFF -DBUILD_STATIC_LIBS=OFF"
  [spdlog]="-DSPDLOG_FMT_EXTERNAL=ON -DSPDLOG_BUILD_TESTS=ON -DSPDLOG_BUILD_EXAMPLE=ON"
  [tinyxml2]="-Dtinyxml2_BUILD_TESTING=ON"
  [cppcheck]="-DUSE_MATCHCOMPILER=Off -DBUILD_TESTS=ON -DBUILD_GUI=OFF -DHAVE_RULES=OFF -DUSE_BUNDLED_TINYXML2=ON"
  [fmtlib]="-DFMT_TEST=ON -DFMT_DOC=OFF"
  [leveldb]="-DLEVELDB_BUILD_TESTS=ON -DLEVELDB_BUILD_BENCHMARKS=OFF"
  [googletest]="-DBUILD_GMOCK=ON -Dgtest_build_tests=ON -Dgmock_build_tests=ON"
)
DEFAULT_PKGS=(yaml-cpp re2 snappy libjsoncpp spdlog tinyxml2 cppcheck fmtlib leveldb googletest)
# Small build dependencies (headers) some of the projects above need.
BUILD_DEPS=(libgtest-dev libgmock-dev libbenchmark-dev libfmt-dev catch2)

if [ $# -gt 0 ]; then PKGS=("$@"); else PKGS=("${DEFAULT_PKGS[@]}"); fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
log() { echo "corpus: $*" >&2; }

# Number of TUs in a (finalized) compile database.
count_tus() {
  python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$1"
}

all_done() {
  local p
  for p in "${PKGS[@]}"; do [ -f "$CORPUS/$p/.done" ] || return 1; done
}

# ---------------------------------------------------------------- apt setup
setup_apt() {
  # 1. deb-src entry: mirror the existing deb822 "Types: deb" stanzas.
  if ! grep -Eqs '^[[:space:]]*(Types:.*deb-src|deb-src[[:space:]])' \
       /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; then
    local src=/etc/apt/sources.list.d/debian.sources
    [ -f "$src" ] || { log "no deb-src entry and no $src to copy it from"; exit 1; }
    log "adding deb-src entry /etc/apt/sources.list.d/borrow-tidy-src.sources"
    sed -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb-src/' "$src" |
      $SUDO tee /etc/apt/sources.list.d/borrow-tidy-src.sources >/dev/null
  fi
  # 2. apt-get update only if the source index is not there yet.
  if ! apt-cache showsrc "${PKGS[0]}" 2>/dev/null | grep -q '^Package:'; then
    log "apt-get update"
    $SUDO apt-get update -q >/dev/null
  fi
  # 3. tools and small build deps.
  local need=()
  apt-get source --help >/dev/null 2>&1 && command -v dpkg-source >/dev/null || need+=(dpkg-dev)
  command -v cmake >/dev/null || need+=(cmake)
  command -v ninja >/dev/null || need+=(ninja-build)
  local d
  for d in "${BUILD_DEPS[@]}"; do
    dpkg -s "$d" >/dev/null 2>&1 || need+=("$d")
  done
  if [ ${#need[@]} -gt 0 ]; then
    log "apt-get install ${need[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
  fi
}

# ---------------------------------------------------------------- per package
# Optional per-package hook: pre_configure_<pkg> <srcdir> runs before cmake.

# re2's +dfsg tarball drops the generated Unicode/Perl table sources (Debian
# regenerates them from unicode-data). They are only big constant tables, so
# create empty stand-ins to satisfy CMakeLists.txt (dropped from the compile
# database again via DROP below).
RE2_TABLES=(re2/perl_groups.cc re2/unicode_casefold.cc re2/unicode_groups.cc)
pre_configure_re2() {
  local f
  for f in "${RE2_TABLES[@]}"; do
    [ -e "$1/$f" ] || echo "// borrow-tidy corpus: stand-in for a generated table" >"$1/$f"
  done
}
# Regexes (Python re.search on the file path) of entries to drop from a
# project's compile database.
declare -A DROP=(
  [re2]='/re2/(perl_groups|unicode_casefold|unicode_groups)\.cc$'
)

# Rewrite <builddir>/compile_commands.json (original kept as
# compile_commands.orig.json): only C++ files, each file once (cmake lists a
# file once per target that compiles it, and clang-tidy -p would analyse every
# entry), minus the DROP regex, and without -Werror (snappy, leveldb): clang 22
# has warnings that the authors' compilers did not.
finalize_db() {
  python3 - "$1" "${2:-}" <<'EOF'
import json, re, shlex, sys, os
build, drop = sys.argv[1], sys.argv[2]
orig, path = build + "/compile_commands.orig.json", build + "/compile_commands.json"
if not os.path.exists(orig):
    os.rename(path, orig)
seen, out = set(), []
for e in json.load(open(orig)):
    f = e["file"]
    if not f.endswith((".cpp", ".cc", ".cxx")) or f in seen or (drop and re.search(drop, f)):
        continue
    seen.add(f)
    args = [a for a in shlex.split(e.pop("command")) if not a.startswith("-Werror")]
    out.append(dict(e, command=shlex.join(args)))
json.dump(out, open(path, "w"), indent=2)
EOF
}

prepare() {
  local p=$1 dir="$CORPUS/$1"
  [ -f "$dir/.done" ] && return 0
  mkdir -p "$dir"
  local srcdir
  srcdir=$(find "$dir" -mindepth 2 -maxdepth 2 -name debian -type d -printf '%h\n' | head -1)
  if [ -z "$srcdir" ]; then
    log "$p: apt-get source"
    (cd "$dir" && apt-get source -q "$p" >"$dir/source.log" 2>&1) ||
      { log "$p: apt-get source FAILED (see $dir/source.log)"; return 1; }
    srcdir=$(find "$dir" -mindepth 2 -maxdepth 2 -name debian -type d -printf '%h\n' | head -1)
  fi
  if declare -F "pre_configure_$p" >/dev/null; then "pre_configure_$p" "$srcdir"; fi
  log "$p: cmake configure ($srcdir)"
  rm -rf "$dir/build"
  # shellcheck disable=SC2086  # FLAGS are word lists on purpose
  if ! CC="$CC_BIN" CXX="$CXX_BIN" cmake -S "$srcdir" -B "$dir/build" -G Ninja \
       -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_BUILD_TYPE=Release \
       -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON \
       ${FLAGS[$p]:-} >"$dir/cmake.log" 2>&1; then
    log "$p: cmake FAILED (see $dir/cmake.log)"; return 1
  fi
  # Some TUs include headers generated at build time (e.g. export headers,
  # config.h); build only the custom-command outputs, not the objects.
  local gen
  gen=$(ninja -C "$dir/build" -t targets all 2>/dev/null |
        awk -F': ' '$2 == "CUSTOM_COMMAND" && $1 ~ /\.(h|hpp|hh|inc)$/ {print $1}')
  if [ -n "$gen" ]; then
    # shellcheck disable=SC2086
    ninja -C "$dir/build" $gen >"$dir/gen.log" 2>&1 ||
      log "$p: generating headers failed (see $dir/gen.log)"
  fi
  finalize_db "$dir/build" "${DROP[$p]:-}"
  touch "$dir/.done"
}

summary() {
  local total=0 p n
  printf '%-12s %6s  %s\n' project TUs compile_commands.json
  for p in "${PKGS[@]}"; do
    local db="$CORPUS/$p/build/compile_commands.json"
    if [ -f "$CORPUS/$p/.done" ] && [ -f "$db" ]; then
      n=$(count_tus "$db"); total=$((total + n))
      printf '%-12s %6d  %s\n' "$p" "$n" "$db"
    else
      printf '%-12s %6s  %s\n' "$p" FAILED "-"
    fi
  done
  printf '%-12s %6d\n' total "$total"
}

mkdir -p "$CORPUS"
if ! all_done; then
  setup_apt
  for p in "${PKGS[@]}"; do prepare "$p" || true; done
fi
summary
