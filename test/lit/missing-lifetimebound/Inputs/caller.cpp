// A caller in another translation unit, compiled by clang alone: once the
// header says [[clang::lifetimebound]], clang's -Wdangling protects it.
#include "lib.h"

void callers() {
  const std::string &r = get(std::string("temporary"));
  const int *p = Container{}.at(0);
  std::string_view v = trim(std::string("temporary"));
  (void)r, (void)p, (void)v;
}
