// Macro-heavy code for the robustness sweep: X-macros, token pasting,
// variadic macros, macros that open and close blocks, moves and borrows
// spelled inside macro arguments and bodies.
// FLAGS: -std=c++20
#include <string>
#include <string_view>
#include <utility>
#include <vector>

void use(const std::string &);
void use(std::string_view);

#define FIELDS(X) X(first) X(second) X(third)
#define DECLARE(name) std::string name = #name;
#define MOVE_ALL(name) std::string moved_##name = std::move(name);
#define USE_ALL(name) use(name);
#define MOVE(x) std::move(x)
#define BORROW(x) std::string_view(x)
#define BEGIN_SCOPE {
#define END_SCOPE }
#define FOR_EACH(v, body) for (auto &item : v) { body; }
#define CALL(f, ...) f(__VA_ARGS__)
#define TWICE(stmt) stmt; stmt
#define CONCAT_(a, b) a##b
#define CONCAT(a, b) CONCAT_(a, b)
#define UNIQUE(name) CONCAT(name, __LINE__)
#define DEFINE_GETTER(type, name) \
  const type &get_##name() const { return name; } \
  type take_##name() { return std::move(name); }

struct Record {
  std::string title;
  std::vector<std::string> tags;
  DEFINE_GETTER(std::string, title)
  DEFINE_GETTER(std::vector<std::string>, tags)
};

void xmacros() {
  FIELDS(DECLARE)
  FIELDS(MOVE_ALL)
  FIELDS(USE_ALL)
}

void scopes() {
  std::string_view v;
  BEGIN_SCOPE
    std::string s = "scoped";
    v = BORROW(s);
  END_SCOPE
  use(v);
}

void statements(std::vector<std::string> names) {
  std::string UNIQUE(tmp) = "a";
  std::string s = "x";
  TWICE(use(s));
  CALL(use, MOVE(s));
  std::string t = MOVE(s);
  CALL(use, s);
  FOR_EACH(names, use(item));
  FOR_EACH(names, std::string x = MOVE(item); use(item));
}

std::string_view leak(Record r) {
  return BORROW(r.get_title());
}

#define STRINGIFY(x) #x
#define PASTE_CALL(prefix, n) prefix##n()
void f1() {}
void f2() {}
void pasted() {
  PASTE_CALL(f, 1);
  PASTE_CALL(f, 2);
  use(std::string(STRINGIFY(done)));
}

#if defined(__clang__)
#define IF_CLANG(x) x
#else
#define IF_CLANG(x)
#endif
void conditional(Record &r) {
  IF_CLANG(std::string a = r.take_title();)
  IF_CLANG(use(r.title);)
}
