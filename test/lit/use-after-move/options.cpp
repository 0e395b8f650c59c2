// RUN: %check_borrow_tidy %s borrow-use-after-move %t
// RUN: %check_borrow_tidy --check-suffix=OPT %s borrow-use-after-move %t.opt \
// RUN:   --config="{CheckOptions: {borrow-use-after-move.ReinitializationFunctions: 'Pool::recycle;::refill'}}"

#include <string>
#include <utility>

struct Pool {
  std::string buffer;
  void recycle();
  void inspect() const;
};
void refill(Pool &p, int n);
void look(const Pool &);

void method() {
  Pool p;
  Pool q = std::move(p);
  p.recycle();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: moved here
  p.inspect();
}

void freeFunction() {
  Pool p;
  Pool q = std::move(p);
  refill(p, 3); // a mutable reference parameter reinitialises anyway
  look(p);
}
