// Objective-C++: messages, blocks and properties beside C++ moves.
// RUN: %check_borrow_tidy %s borrow-use-after-move %t -- -std=c++17 -fblocks

#include <string>
#include <utility>

@interface Logger
- (void)log:(const char *)message;
@property int level;
@end

void print(const std::string &);

void mixed(Logger *logger, std::string s) {
  void (^block)(void) = ^{ [logger log:"block"]; };
  block();
  std::string t = std::move(s);
  [logger log:s.c_str()];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
  logger.level = 2;
}

// Objective-C method bodies are not analysed (a documented limitation).
@implementation Logger
- (void)log:(const char *)message {
  std::string m = message;
  std::string n = std::move(m);
  print(m);
}
@end
