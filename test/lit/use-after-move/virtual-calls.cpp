// A virtual call may run any implementation the translation unit defines:
// its effect is all of theirs together, unless it cannot dispatch.
// RUN: %check_borrow_tidy %s borrow-use-after-move %t

#include <string>
#include <utility>
#include <vector>

void print(const std::string &);
std::string keep;

struct Sink {
  virtual ~Sink() = default;
  virtual void take(std::string &s) = 0;
  virtual void look(std::string &s) { print(s); }
  virtual void later(std::string &s);
};

struct Consumer : Sink {
  void take(std::string &s) override { keep = std::move(s); }
  void look(std::string &s) override { Sink::look(s); print(s); }
};

struct Printer : Sink {
  void take(std::string &s) override { print(s); }
};

struct Sealed final : Sink {
  void take(std::string &s) override { print(s); }
};

void throughBase(Sink &sink) {
  std::string s = "x";
  sink.take(s);
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' may be used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: moved here
  // CHECK-MESSAGES: :[[@LINE-18]]:47: note: inside 'Consumer::take', parameter 's' is moved here
}

void throughPointer(Sink *sink) {
  std::string s = "x";
  sink->take(s);
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' may be used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:14: note: moved here
  // CHECK-MESSAGES: :[[@LINE-27]]:47: note: inside 'Consumer::take', parameter 's' is moved here
}

void throughDerived(Consumer &c) {
  std::string s = "x";
  c.take(s);
  print(s);
  // Consumer has no overrider: its own take always moves.
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: moved here
  // CHECK-MESSAGES: :[[@LINE-37]]:47: note: inside 'Consumer::take', parameter 's' is moved here
}

// No implementation moves; Consumer::look calls Sink::look without
// dispatching.
void noOverrideMoves(Sink &sink) {
  std::string s = "x";
  sink.look(s);
  print(s);
}

// Sink::look itself, not Consumer::look.
void qualified(Sink &sink) {
  std::string s = "x";
  sink.Sink::look(s);
  print(s);
}

// Sealed::take has no overrider.
void finalClass(Sealed &sealed) {
  std::string s = "x";
  sealed.take(s);
  print(s);
}

// A local of class type: Printer::take is what runs.
void knownType() {
  Printer p;
  std::string s = "x";
  p.take(s);
  print(s);
}

// The implementation is defined after the caller.
void definedLater(Sink &sink) {
  std::string s = "x";
  sink.later(s);
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' may be used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:14: note: moved here
  // CHECK-MESSAGES: :[[@LINE+7]]:43: note: inside 'Late::later', parameter 's' is moved here
}

struct Late : Sink {
  void take(std::string &s) override { print(s); }
  void later(std::string &s) override;
};
void Late::later(std::string &s) { keep = std::move(s); }
void Sink::later(std::string &s) { print(s); }
