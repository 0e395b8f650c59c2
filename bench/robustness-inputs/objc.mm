// Objective-C++ for the robustness sweep: classes, blocks, ARC, properties,
// fast enumeration and C++ moves and borrows side by side.
// FLAGS: -x objective-c++ -std=c++20 -fblocks -fobjc-runtime=gnustep-2.0 -fobjc-arc
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

@protocol Sink
- (void)take:(std::string)s;
@end

@interface Box <Sink> {
  std::string _name;
  std::vector<int> _items;
}
@property(nonatomic) int count;
@property(nonatomic, copy) void (^callback)(int);
- (instancetype)initWithName:(std::string)name;
- (const std::string &)name;
- (std::string_view)view;
@end

@implementation Box
- (instancetype)initWithName:(std::string)name {
  _name = std::move(name);
  _items.push_back(int(name.size()));
  return self;
}
- (const std::string &)name {
  return _name;
}
- (std::string_view)view {
  std::string local = _name + "!";
  return _name;
}
- (void)take:(std::string)s {
  std::string t = std::move(s);
  _name = s;
  self.callback = ^(int n) {
    std::string inner = t;
    std::string moved = std::move(inner);
    (void)moved;
    self.count = n;
  };
}
@end

void use(const std::string &);

void blocks(Box *box, id collection, std::unique_ptr<int> p) {
  std::string s = "x";
  __block std::string shared = "y";
  void (^b)(void) = ^{
    shared = s;
    use(shared);
  };
  b();
  std::unique_ptr<int> q = std::move(p);
  [box take:std::move(s)];
  use(s);
  for (id item in collection) {
    (void)item;
    use(shared);
  }
  @autoreleasepool {
    std::string_view v = [box name];
    const std::string &r = [box name];
    use(std::string(v));
    use(r);
  }
  int n = *p;
  (void)n;
}

std::string_view dangling(Box *box) {
  std::string copy = [box name];
  return copy;
}
