// LifetimeboundMacro spells the attribute the project's way, in the place
// the project's macro goes.
//
// RUN: rm -rf %t && mkdir -p %t && cp %S/Inputs/macro.h %t && cp %s %t/macro.cpp
// RUN: %clang_tidy --load=%plugin --checks='-*,borrow-missing-lifetimebound' \
// RUN:   --config="{CheckOptions: {borrow-missing-lifetimebound.LifetimeboundMacro: LIFETIME_BOUND}}" \
// RUN:   --header-filter='.*' --quiet --fix %t/macro.cpp -- -std=c++20 -I%t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck %s --input-file=%t/macro.h --check-prefix=FIXED \
// RUN:   --match-full-lines --strict-whitespace
// RUN: %clangxx -fsyntax-only -std=c++20 -I%t %t/macro.cpp

#include "macro.h"

const std::string &name(const std::string &s) { return s; }
// CHECK: macro.h:7:44: warning: the result of 'name' borrows from parameter 's', which is not marked LIFETIME_BOUND [borrow-missing-lifetimebound]
// CHECK: macro.h:7:45: note: FIX-IT applied suggested code changes
// CHECK: macro.cpp:[[@LINE-3]]:20: note: the result borrows it in this definition
// FIXED:const std::string &name(const std::string &s LIFETIME_BOUND);

const int *Box::at(unsigned i) const { return &items[i]; }
// CHECK: macro.h:11:14: warning: the result of 'at' borrows from '*this', but 'at' is not marked LIFETIME_BOUND [borrow-missing-lifetimebound]
// CHECK: macro.h:11:34: note: FIX-IT applied suggested code changes
// CHECK: macro.cpp:[[@LINE-3]]:48: note: borrowed here
// FIXED:  const int *at(unsigned i) const LIFETIME_BOUND;

const std::string &viaMacro(const std::string &s) { return s; }
