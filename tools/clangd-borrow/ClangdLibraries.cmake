# Finds what clangd-borrow is linked from: Debian's own clangd, as static
# libraries (libclang-22-dev ships them), plus the shared libraries Debian's
# clangd binary (clangd-22) needs. Sets
#   BORROW_CLANGD_FOUND     whether everything is there
#   BORROW_CLANGD_MISSING   what is not, for the message
#   BORROW_CLANGD_TWEAKS    the code actions archive (registered statically,
#                           so it is linked whole)
#   BORROW_CLANGD_ARCHIVES  the other static archives, linked as one group
#   BORROW_CLANGD_SHARED    -l:<soname> for the grpc, protobuf, absl, ...
#                           libraries Debian's clangd itself is linked with
#
# The imported targets of ClangConfig are not used: some of them pull in the
# static clang libraries, and clang's globals must exist only once, in the
# shared libclang-cpp.

set(BORROW_CLANGD_MISSING "")
set(BORROW_CLANGD_ARCHIVES "")

set(_borrow_clangd_names
  clangdMain clangDaemon clangdSupport clangdRemoteIndex
  clangdRemoteIndexProto clangdRemoteMarshalling clangdRemoteIndexServiceProto
  clangdMonitoringServiceProto clangTidy clangTidyUtils clangIncludeCleaner
  clangQuery)
foreach(_name ${_borrow_clangd_names})
  set(_archive ${LLVM_LIBRARY_DIR}/lib${_name}.a)
  if(EXISTS ${_archive})
    list(APPEND BORROW_CLANGD_ARCHIVES ${_archive})
  else()
    list(APPEND BORROW_CLANGD_MISSING ${_archive})
  endif()
endforeach()

# Every clang-tidy module: clangd's ParsedAST references all their anchors.
file(GLOB _borrow_tidy_modules ${LLVM_LIBRARY_DIR}/libclangTidy*Module.a)
if(_borrow_tidy_modules)
  list(APPEND BORROW_CLANGD_ARCHIVES ${_borrow_tidy_modules})
else()
  list(APPEND BORROW_CLANGD_MISSING ${LLVM_LIBRARY_DIR}/libclangTidy*Module.a)
endif()

set(BORROW_CLANGD_TWEAKS ${LLVM_LIBRARY_DIR}/libclangDaemonTweaks.a)
if(NOT EXISTS ${BORROW_CLANGD_TWEAKS})
  list(APPEND BORROW_CLANGD_MISSING ${BORROW_CLANGD_TWEAKS})
endif()

# The shared libraries: exactly those Debian's clangd binary needs, read from
# its dynamic section, so that a Debian update of grpc or absl cannot leave
# a stale list here. libclang-cpp and libLLVM come from their CMake targets;
# the C and C++ runtimes are linked anyway.
set(BORROW_CLANGD_SHARED "")
set(_borrow_clangd_binary ${LLVM_TOOLS_BINARY_DIR}/clangd)
find_program(BORROW_READELF NAMES readelf llvm-readelf
             HINTS ${LLVM_TOOLS_BINARY_DIR})
if(NOT EXISTS ${_borrow_clangd_binary})
  list(APPEND BORROW_CLANGD_MISSING "${_borrow_clangd_binary} (clangd-22)")
elseif(NOT BORROW_READELF)
  list(APPEND BORROW_CLANGD_MISSING "readelf (binutils)")
else()
  execute_process(COMMAND ${BORROW_READELF} -d ${_borrow_clangd_binary}
                  OUTPUT_VARIABLE _borrow_dynamic RESULT_VARIABLE _borrow_rc)
  string(REGEX MATCHALL "\\(NEEDED\\)[^[]*\\[[^]]+\\]" _borrow_needed
         "${_borrow_dynamic}")
  foreach(_entry ${_borrow_needed})
    string(REGEX REPLACE ".*\\[(.*)\\]" "\\1" _soname "${_entry}")
    if(NOT _soname MATCHES
       "^(libclang-cpp|libLLVM|libc|libm|libstdc\\+\\+|libgcc_s|ld-linux.*)\\.so")
      list(APPEND BORROW_CLANGD_SHARED "-l:${_soname}")
    endif()
  endforeach()
  if(NOT _borrow_rc EQUAL 0 OR NOT _borrow_needed)
    list(APPEND BORROW_CLANGD_MISSING
         "the shared libraries of ${_borrow_clangd_binary}")
  endif()
endif()

if(BORROW_CLANGD_MISSING)
  set(BORROW_CLANGD_FOUND OFF)
else()
  set(BORROW_CLANGD_FOUND ON)
endif()
