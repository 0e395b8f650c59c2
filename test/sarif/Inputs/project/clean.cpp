// Nothing to report.
#include <string>
#include <utility>

void print(const std::string &);

void greet() {
  std::string s1 = "hello";
  std::string s2 = std::move(s1);
  print(s2);
}
