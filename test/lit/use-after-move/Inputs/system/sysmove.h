#pragma clang system_header
#include <string>
#include <utility>
inline void systemCode(std::string s) {
  std::string t = std::move(s);
  (void)s.size();
}
