// The header the fix-its edit (a copy of it: the tests run on copies).
#include <string>
#include <string_view>
#include <vector>

const std::string &get(const std::string &s);

struct Container {
  std::vector<int> items;
  const int *at(unsigned i) const;
  const int &ref(unsigned i) const & noexcept;
  auto last() const -> const int &;
  const int *marked(unsigned i) const [[clang::lifetimebound]];
};

std::string_view trim(std::string_view v);
const char *skip(const char *p, char c);
const std::string &unnamed(const std::string &);
const std::string &longest(const std::string &a, const std::string &b);

template <class T> const T &identity(const T &x) { return x; }

// Negatives.
const std::string &annotated(const std::string &s [[clang::lifetimebound]]);
std::string copy(const std::string &s);
const std::string &globalName(const std::string &s);
const char *fromReference(const char *const &p);
struct Counter {
  int n = 0;
  Counter &operator=(const Counter &other);
  Counter &operator+=(int k);
};
template <class T> T passThrough(T value) { return value; }
// A reference member refers to what the object was given, not into it.
struct Location {
  const std::vector<std::string> &files;
  unsigned index;
  const std::string &file() const;
};
template <class T> struct NamedArg {
  const char *name;
  const T &value;
};
template <class T> const T &valueOf(const NamedArg<T> &a);
// A link read through a pointer parameter by a member call (cppcheck's
// tok->next()): the summary of next() says it borrows nothing.
struct Node {
  Node *next_;
  Node *next() const { return next_; }
};
Node *following(const Node *n);
// `*this`, and through a pointer to it.
struct Chain {
  Chain *parent_;
  const Chain &self() const;
};
const Chain *selfOf(const Chain *c);
