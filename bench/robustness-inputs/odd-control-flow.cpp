// Unusual control flow and GNU extensions for the robustness sweep: goto
// across scopes, computed goto, statement expressions, switch fall-through,
// try/catch, cleanup attributes, VLAs, noreturn calls, init-captures,
// structured bindings, default arguments and range-for over temporaries.
// FLAGS: -std=gnu++20
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

void use(const std::string &);
void use(std::string_view);
void release(std::string *s) { s->clear(); }

void gotos(int n) {
  std::string s = "x";
  std::string_view v = s;
again:
  {
    std::string inner = "in";
    v = inner;
    if (n-- > 0)
      goto again;
  }
  use(v);
  std::string t = std::move(s);
  if (n)
    goto done;
  use(s);
done:
  return;
}

void computed(int i) {
  static void *table[] = {&&first, &&second};
  std::string s = "x";
  goto *table[i & 1];
first:
  s = std::move(s);
second:
  use(s);
}

int statementExpression(std::string s) {
  int n = ({
    std::string t = std::move(s);
    int(t.size());
  });
  use(s);
  return n;
}

void fallthrough(int k, std::string s) {
  switch (k) {
  case 0: {
    std::string t = std::move(s);
    [[fallthrough]];
  }
  case 1:
    use(s);
    break;
  default:
    break;
  }
}

void exceptions(std::string s) {
  try {
    std::string t = std::move(s);
    throw std::runtime_error(t);
  } catch (const std::exception &e) {
    use(s);
    use(std::string_view(e.what()));
  } catch (...) {
    throw;
  }
}

void cleanup() {
  __attribute__((cleanup(release))) std::string s = "x";
  std::string t = std::move(s);
}

void vla(int n) {
  int values[n];
  values[0] = 1;
  std::string s = "x";
  std::string t = std::move(s);
  if (values[0])
    std::abort();
  use(s);
}

[[noreturn]] void fail(std::string why);

void noreturn(std::string s, bool b) {
  if (b)
    fail(std::move(s));
  use(s);
}

void captures(std::unique_ptr<int> p, std::string s) {
  auto f = [q = std::move(p), t = std::move(s)]() mutable {
    std::string u = std::move(t);
    return *q;
  };
  f();
  use(s);
  int x = *p;
  (void)x;
}

std::map<std::string, std::string> table();

void bindings() {
  for (const auto &[k, v] : table())
    use(k);
  auto [a, b] = std::pair<std::string, std::string>{"a", "b"};
  std::string c = std::move(a);
  use(a);
  const std::string &first = table().begin()->first;
  use(first);
}

void defaults(std::string s = std::string("d"), std::string_view v = "lit") {
  use(s);
  use(v);
}

std::string_view ternary(bool c, const std::string &keep) {
  std::string local = "l";
  return c ? std::string_view(keep) : std::string_view(local);
}
