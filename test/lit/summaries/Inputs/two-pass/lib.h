// Declared here, defined in a.cpp: b.cpp only sees these declarations.
#include <string>
#include <string_view>
#include <vector>

void consume(std::string &s);
const std::string &get(const std::string &s);
void peek(std::string &&s);

struct Box {
  std::string name;
  int id = 0;
};
void take(Box &b);

struct Container {
  std::vector<int> items;
  const int *at(unsigned i) const;
  void add(int v);
};

struct Index {
  std::vector<std::string_view> words;
  void add(std::string_view word);
};

// Defined differently in a.cpp and other.cpp (two programs of one build):
// the merge cannot tell which one b.cpp's program links.
void pick(std::string &s);
