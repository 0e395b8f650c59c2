// borrow-dangling-return and borrow-dangling-reference; the file name has a
// space.
#include <string>
#include <string_view>

void show(std::string_view);

std::string_view greeting() {
  std::string s = "hello";
  return s;
}

void inner_scope() {
  std::string_view view;
  {
    std::string owner = "temporary";
    view = owner;
  }
  show(view);
}
