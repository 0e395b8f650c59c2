// Patterns from real projects that must stay silent (reduced from jsoncpp,
// cppcheck and borrow-tidy itself).
// RUN: %check_borrow_tidy %s borrow-dangling-reference %t

#include <list>
#include <optional>
#include <vector>

struct Context {
  Context *next = nullptr;
};

struct TestResult {
  Context root;
  Context *tail = &root;
  void pop(); // defined elsewhere: unhooks the tail
};

void assertions(TestResult *result) {
  // The macro links a local into the result and pops it before the scope
  // ends, through a call the analysis cannot see into.
  for (int i = 0; i < 3; ++i) {
    Context context;
    result->tail->next = &context;
    result->tail = &context;
    result->pop();
  }
  result->tail->next = nullptr;
}

bool isVirtual(const int *f);

void eraseWhileIterating(const std::vector<std::vector<int>> &scopes) {
  for (const std::vector<int> &scope : scopes) {
    std::list<const int *> functions;
    for (const int &f : scope)
      functions.push_back(&f);
    // Each outer iteration has its own list and its own iterator.
    for (auto it = functions.begin(); it != functions.end();) {
      if (isVirtual(*it))
        it = functions.erase(it);
      else
        ++it;
    }
  }
}

// From lib/FactBuilder.cpp: a method we cannot see into, called through an
// optional, returns a raw pointer to something the optional does not own
// (the CFG's construction context). Not guessed to point into the object.
struct Graph;
struct Element {
  const Graph *graph() const; // declared only: no body to summarise
};
void use(const Graph *);
void optionalElement(std::optional<Element> (*next)()) {
  const Graph *G = nullptr;
  if (std::optional<Element> E = next())
    G = E->graph();
  use(G);
}
