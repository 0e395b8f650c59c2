// Template-heavy code for the robustness sweep: CRTP, variadic templates,
// fold expressions, concepts, SFINAE, perfect forwarding, generic lambdas,
// recursive instantiation, dependent moves and borrows.
// FLAGS: -std=c++20
#include <concepts>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

void use(const std::string &);

template <typename Derived> struct Base {
  void run() { static_cast<Derived *>(this)->step(); }
};
struct Impl : Base<Impl> {
  std::string state = "s";
  void step() {
    std::string t = std::move(state);
    use(state);
  }
};

template <typename... Ts> void sinkAll(Ts &&...ts) {
  (std::string(std::forward<Ts>(ts)), ...);
  (use(ts), ...);
}

template <typename T>
concept Stringish = requires(T t) { std::string_view(t); };

template <Stringish T> std::string_view viewOf(const T &t) { return t; }
template <Stringish T> std::string_view viewOfCopy(T t) { return t; }

template <typename T, typename = std::enable_if_t<std::is_class_v<T>>>
T relay(T &&t) {
  T local = std::forward<T>(t);
  return local;
}

template <int N> struct Fib {
  static constexpr int value = Fib<N - 1>::value + Fib<N - 2>::value;
};
template <> struct Fib<1> { static constexpr int value = 1; };
template <> struct Fib<0> { static constexpr int value = 0; };

template <typename T> struct Holder {
  T value;
  template <typename U> void assign(U &&u) { value = std::forward<U>(u); }
  T take() && { return std::move(value); }
  const T &get() const & { return value; }
};

template <typename T> void useAfterTake(Holder<T> h) {
  T moved = std::move(h).take();
  (void)moved;
  use(h.get());
}

template <template <typename> class C, typename T> void nested(C<T> c) {
  auto lambda = [&](auto &&x) { return std::forward<decltype(x)>(x); };
  T t = lambda(std::move(c.value));
  if constexpr (std::is_same_v<T, std::string>)
    use(c.value);
}

using Variant = std::variant<int, std::string>;
void visitIt(Variant v) {
  std::visit(
      [](auto &&x) {
        using X = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<X, std::string>) {
          X y = std::move(x);
          use(x);
        }
      },
      v);
}

template <typename... Ts> auto tupled(Ts... ts) {
  auto t = std::make_tuple(std::move(ts)...);
  auto &[a, b] = t;
  (void)a;
  return b;
}

void instantiate() {
  Impl i;
  i.run();
  std::string s = "x";
  sinkAll(std::string("a"), s);
  std::string owned = "o";
  viewOf(owned);
  viewOfCopy(std::string("tmp"));
  relay(std::string("r"));
  static_assert(Fib<20>::value == 6765);
  useAfterTake(Holder<std::string>{"h"});
  nested(Holder<std::string>{"n"});
  visitIt(std::string("v"));
  tupled(std::string("a"), std::string("b"));
  std::optional<std::unique_ptr<int>> o = std::make_unique<int>(1);
  auto p = std::move(*o);
  int n = **o;
  (void)n;
}
