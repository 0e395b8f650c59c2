// borrow-use-after-move, in one function and through a callee.
#include <string>
#include <utility>

void print(const std::string &);
std::string kept;

void consume(std::string &s) { kept = std::move(s); }

void greet() {
  std::string s1 = "hello";
  std::string s2 = std::move(s1);
  print(s1);
}

void through_a_call() {
  std::string name = "ferris";
  consume(name);
  print(name);
}
