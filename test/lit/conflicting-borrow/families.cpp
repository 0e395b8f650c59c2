// Each std family invalidates exactly what the standard says it does.
// RUN: %check_borrow_tidy %s borrow-conflicting-borrow %t

#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <set>
#include <stack>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

void use(int);

// vector: any growth, erase, clear, assignment.
void vectorGrowth(std::vector<int> &v) {
  const int *first = &v[0];
  v.push_back(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'first' borrows 'v', which 'push_back' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: borrow of 'v' occurs here
  use(*first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void vectorReserve(std::vector<int> &v) {
  auto it = v.begin();
  v.reserve(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'it' borrows 'v', which 'reserve' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: borrow of 'v' occurs here
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void vectorClear(std::vector<int> &v) {
  int &back = v.back();
  v.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'back' borrows 'v', which 'clear' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: borrow of 'v' occurs here
  use(back);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void vectorAssign(std::vector<int> &v, const std::vector<int> &w) {
  int *data = v.data();
  v = w;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'data' borrows 'v', which is assigned here [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: borrow of 'v' occurs here
  use(data[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void vectorPointerAdvanced(std::vector<int> &v) {
  int *data = v.data();
  data = data + 1; // still points into v's buffer
  v.push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'data' borrows 'v', which 'push_back' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: borrow of 'v' occurs here
  use(*data);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void vectorNegatives(std::vector<int> &v) {
  int &a = v[0];
  v[1] = 2; // writing another element moves nothing
  use(a);
  std::vector<int> *self = &v;
  v.push_back(1); // a borrow of the vector object itself survives
  use(self->size());
  int *p = &v[0];
  v.push_back(2);
  p = &v[0]; // the borrow is taken again
  use(*p);
  int *q = &v[0];
  use(*q);
  v.push_back(3); // q is dead: nothing uses it later
}

// string: every non-const member but [], at, front, back, data, begin, end.
void stringAppend(std::string &s) {
  const char *p = s.c_str();
  s += "!";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' borrows 's', which 'operator+=' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: borrow of 's' occurs here
  use(*p);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void stringMove() {
  std::string s = "short";
  const char *p = s.data();
  std::string t = std::move(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'p' borrows 's', which is moved here [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: borrow of 's' occurs here
  use(*p);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void stringNegatives(std::string &s) {
  char &c = s[0];
  s[1] = 'x';
  s.at(2) = 'y';
  use(c);
}

// deque: push at either end invalidates iterators, never references.
void dequePush(std::deque<int> &d) {
  int &front = d.front();
  auto it = d.begin();
  d.push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'it' borrows 'd', which 'push_back' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: borrow of 'd' occurs here
  use(front);
  use(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

// list, map, set: only erasing the element borrowed.
void listNegatives(std::list<int> &l, std::map<int, int> &m, std::set<int> &s) {
  int &first = l.front();
  auto it = l.begin();
  l.push_back(1);
  l.push_front(0);
  int &value = m[1];
  auto pos = m.find(1);
  m[2] = 3;
  m.insert({4, 5});
  m.erase(7);
  auto in = s.begin();
  s.insert(3);
  use(first + *it + value + pos->second + *in);
}

void mapEraseLoop(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    if (it->second == 0)
      m.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'it' borrows 'm', which 'erase' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: borrow of 'm' occurs here
  // CHECK-MESSAGES: :[[@LINE-5]]:29: note: borrow later used here
}

void mapEraseReturnsNext(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();)
    if (it->second == 0)
      it = m.erase(it);
    else
      ++it;
}

// unordered: an insertion may rehash, which invalidates iterators only.
void unorderedInsert(std::unordered_map<int, int> &m) {
  int &value = m[1];
  auto it = m.find(1);
  m[2] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'it' borrows 'm', which 'operator[]' may rehash [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: borrow of 'm' occurs here
  use(value);
  use(it->second);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

// optional, variant: the held value is destroyed or replaced.
void optionalReset(std::optional<std::string> &o) {
  const std::string &s = *o;
  o.reset();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' borrows '*o', which 'reset' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: borrow of '*o' occurs here
  use(s.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void variantEmplace(std::variant<int, std::string> &v) {
  int &i = std::get<int>(v);
  v.emplace<std::string>("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'i' borrows 'v', which 'emplace' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: borrow of 'v' occurs here
  use(i);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

// unique_ptr: reset and assignment delete the pointee; release and a move
// hand it over alive.
void uniqueReset() {
  auto p = std::make_unique<int>(1);
  int &r = *p;
  p.reset();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'r' borrows '*p', which 'reset' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: borrow of '*p' occurs here
  use(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void uniqueHandedOver(std::vector<std::unique_ptr<int>> &owners) {
  auto p = std::make_unique<int>(1);
  int *raw = p.get();
  owners.push_back(std::move(p));
  use(*raw);
  auto q = std::make_unique<int>(2);
  int *kept = q.release();
  use(*kept);
  delete kept;
}

// adaptors: pop destroys the top; push into a deque-backed stack keeps it.
void stackPop(std::stack<int> &s) {
  int &top = s.top();
  s.push(1);
  use(top);
  s.pop();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'top' borrows 's', which 'pop' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-5]]:14: note: borrow of 's' occurs here
  use(top);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void vectorStack(std::stack<int, std::vector<int>> &s) {
  int &top = s.top();
  s.push(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'top' borrows 's', which 'push' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:14: note: borrow of 's' occurs here
  use(top);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

// delete destroys the object.
void deleted(int *q) {
  int &r = *q;
  delete q;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'r' borrows '*q', which is deleted here [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: borrow of '*q' occurs here
  use(r);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

// Only on some paths: still reported, the path exists.
void conditional(std::vector<int> &v, bool c) {
  int *p = &v[0];
  if (c)
    v.push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' borrows 'v', which 'push_back' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-4]]:13: note: borrow of 'v' occurs here
  use(*p);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}
