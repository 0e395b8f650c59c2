// RUN: %check_borrow_tidy %s borrow-use-after-move %t

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

void print(const std::string &);
std::pair<std::string, int> make();

void assignment() {
  std::string s = "x";
  std::string t = std::move(s);
  s = "fresh";
  print(s);
}

void clearAndAssign() {
  std::string s = "x";
  std::vector<int> v{1, 2};
  std::string t = std::move(s);
  std::vector<int> w = std::move(v);
  s.clear();
  v.assign(3, 0);
  print(s);
  (void)v.size();
}

void optionalAndSmartPointers() {
  std::optional<std::string> o = "x";
  std::unique_ptr<int> p = std::make_unique<int>(1);
  auto o2 = std::move(o);
  auto p2 = std::move(p);
  o.emplace("y");
  p.reset(new int(2));
  (void)o->size();
  (void)*p;
}

void swapReinitialises() {
  std::string a = "a", b = "b";
  std::string t = std::move(a);
  a.swap(b);
  print(a);
  std::string u = std::move(b);
  std::swap(a, b);
  print(b);
}

void tieReinitialises() {
  std::string s = "x";
  int n = 0;
  std::string t = std::move(s);
  std::tie(s, n) = make();
  print(s);
}

void outParameterReinitialises(std::string &(*read)(std::string &)) {
  std::string s = "x";
  std::string t = std::move(s);
  read(s);
  print(s);
}

struct Buffer {
  std::string data;
  [[clang::reinitializes]] void restart() { data.clear(); }
  void flush() const;
};

void reinitializesAttribute() {
  Buffer b;
  Buffer c = std::move(b);
  b.restart();
  b.flush();
}

void notAReinit() {
  Buffer b;
  Buffer c = std::move(b);
  b.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'b' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:14: note: moved here
}

void pushBackIsAUse() {
  std::vector<int> v{1};
  std::vector<int> w = std::move(v);
  v.push_back(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:24: note: moved here
}

void reinitOnOnePath(bool c) {
  std::string s = "x";
  std::string t = std::move(s);
  if (c)
    s = "y";
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' may be used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-5]]:19: note: moved here
}

struct Pair {
  std::string first, second;
};

void memberAssignmentRestoresTheMember(Pair p) {
  std::string t = std::move(p.first);
  p.first = "again";
  print(p.first);
}

void moveLoopWithClear(const std::string &text, std::vector<std::string> &out) {
  std::string cur;
  for (char c : text) {
    if (c == ',') {
      out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(std::move(cur));
}

void mapReinit(std::map<int, std::string> m) {
  auto n = std::move(m);
  m.clear();
  m[1] = "x";
}
