// Mutating a container while a range-for loop iterates over it.
// RUN: %check_borrow_tidy %s borrow-conflicting-borrow %t

#include <map>
#include <string>
#include <vector>

void use(int);

void pushWhileIterating(std::vector<int> &v) {
  for (int x : v)
    if (x > 0)
      v.push_back(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'push_back' may reallocate 'v' while the range-for loop iterates over it [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-4]]:16: note: borrow of 'v' occurs here
}

void eraseWhileIterating(std::vector<std::string> &names) {
  for (const std::string &n : names)
    if (n.empty())
      names.erase(names.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'erase' invalidates 'names' while the range-for loop iterates over it [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: borrow of 'names' occurs here
}

struct Registry {
  std::vector<int> ids;
  void add(int id) { ids.push_back(id); }
  void addAll() {
    for (int id : ids)
      add(id + 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'add' may reallocate 'ids' while the range-for loop iterates over it [borrow-conflicting-borrow]
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: borrow of 'ids' occurs here
    // CHECK-MESSAGES: :[[@LINE-6]]:22: note: 'add' may reallocate it through this call to 'push_back'
  }
};

// Silent: the loop stops right after the mutation, or mutates something
// else, or only writes elements.
void pushThenBreak(std::vector<int> &v) {
  for (int x : v)
    if (x == 0) {
      v.push_back(1);
      break;
    }
  for (int x : v)
    if (x == 0) {
      v.push_back(1);
      return;
    }
}

void otherContainer(const std::vector<int> &in, std::vector<int> &out) {
  for (int x : in)
    out.push_back(x);
}

void writeElements(std::vector<int> &v) {
  for (int &x : v)
    x = 0;
  for (auto &x : v)
    v[0] += x;
}

void mapInsertInLoop(std::map<int, int> &m) {
  for (auto &[k, v] : m)
    m[k + 1000] = v; // node-based: iterators stay valid
}

void iterateCopy(std::vector<int> &v) {
  std::vector<int> copy = v;
  for (int x : copy)
    v.push_back(x);
}
