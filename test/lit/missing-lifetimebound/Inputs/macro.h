#include <string>
#include <vector>

// The project's spelling, like ABSL_ATTRIBUTE_LIFETIME_BOUND.
#define LIFETIME_BOUND [[clang::lifetimebound]]

const std::string &name(const std::string &s);

struct Box {
  std::vector<int> items;
  const int *at(unsigned i) const;
};

// Declared by a macro: there is no place to put the attribute.
#define DECLARE_GETTER(fn) const std::string &fn(const std::string &s);
DECLARE_GETTER(viaMacro)
