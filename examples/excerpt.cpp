// The Rust Book, 10.3 "Lifetime Annotations in Struct Definitions":
//
//   struct ImportantExcerpt<'a> { part: &'a str }
//
// An excerpt must not outlive the novel it points into.
#include <iostream>
#include <string>
#include <string_view>

struct ImportantExcerpt {
  std::string_view part;
};

static std::string make_novel() {
  return "Call me Ishmael. Some years ago...";
}

int main() {
  std::string novel = make_novel();
  ImportantExcerpt fine{std::string_view(novel).substr(0, 16)};
  std::cout << fine.part << '\n';

  ImportantExcerpt excerpt;
  {
    std::string chapter = make_novel();
    excerpt = ImportantExcerpt{std::string_view(chapter).substr(0, 16)};
  } // chapter is destroyed here
  std::cout << excerpt.part << '\n';

  ImportantExcerpt temp{make_novel()}; // view of a temporary string
  std::cout << temp.part << '\n';
}
