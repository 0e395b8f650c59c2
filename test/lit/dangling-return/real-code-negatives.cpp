// Patterns from real projects that must stay silent (reduced from leveldb,
// re2, cppcheck and googletest).
// RUN: %check_borrow_tidy %s borrow-dangling-return,borrow-dangling-reference %t

#include <deque>
#include <set>
#include <string>
#include <vector>

struct Writer {
  bool done = false;
};

struct DB {
  std::deque<Writer *> writers_;
  const int *manual_ = nullptr;
  std::set<const int *> cache_;
  void wait();

  void write() {
    // Queued here, popped by whoever finishes the batch (another call).
    Writer w;
    writers_.push_back(&w);
    while (!w.done)
      wait();
  }

  void compact() {
    // Cleared here on one path, by a background thread on the other.
    int manual = 0;
    if (manual_ == nullptr)
      manual_ = &manual;
    wait();
    if (manual_ == &manual)
      manual_ = nullptr;
  }

  const int *cached(int key) {
    // find() only compares: the local never enters the set.
    int probe = key;
    auto it = cache_.find(&probe);
    return it == cache_.end() ? nullptr : *it;
  }
};

struct Result {
  const char *token = nullptr;
};
Result check(int depth);

Result copyOfExtendedTemporary(int depth) {
  // The reference extends the temporary; returning copies the value.
  const Result &result = check(depth);
  return result;
}

std::vector<const char *> flatten(const std::vector<const char *> &in) {
  std::vector<const char *> result;
  for (const char *tok : in) {
    std::vector<const char *> sub = flatten({tok});
    // A range insert copies the elements, not the iterators.
    result.insert(result.end(), sub.cbegin(), sub.cend());
    result.push_back(tok);
  }
  return result;
}

struct Value {
  const char *name = nullptr;
};
Value evaluate(const Value &lhs, const Value &rhs) {
  return lhs.name ? lhs : rhs;
}
Value execute(int i);
Value compute() {
  // evaluate returns a copy of its arguments' values, not a borrow of them.
  Value lhs = execute(1);
  Value rhs = execute(2);
  return evaluate(lhs, rhs);
}

// leveldb's WriteBatchInternal::InsertInto returns b->Iterate(&inserter), a
// Status (which owns a `const char *`): a method called through a pointer
// returns what its summary says, and an unknown one returning a class that
// is not a view is no borrow of the object.
struct Status {
  Status() : state_(nullptr) {}
  ~Status() { delete[] state_; }
  Status(const Status &o) : state_(o.state_ ? new char[1] : nullptr) {}
  const char *state_;
};
struct Batch {
  Status Iterate(int *handler) const;
};
Status Batch::Iterate(int *handler) const { return Status(); }
Status insertInto(const Batch *b) {
  int inserter = 0;
  return b->Iterate(&inserter);
}
Status write() {
  Batch batch;
  Status s = insertInto(&batch);
  return s;
}
struct Unknown {
  Status Iterate(int *handler) const;
};
Status viaUnknown(const Unknown *u) {
  int inserter = 0;
  return u->Iterate(&inserter);
}
Status writeUnknown() {
  Unknown u;
  Status s = viaUnknown(&u);
  return s;
}

std::vector<std::string> *events = nullptr;
int main() {
  // main's locals outlive everything that could use the global.
  std::vector<std::string> recorded;
  events = &recorded;
  return 0;
}
