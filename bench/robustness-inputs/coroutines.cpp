// C++20 coroutines for the robustness sweep: a task and a generator with
// co_await, co_yield and co_return, moves and borrows across suspension
// points, coroutine lambdas and member coroutines.
// FLAGS: -std=c++20
#include <coroutine>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

template <typename T> struct Generator {
  struct promise_type {
    T current;
    Generator get_return_object() {
      return Generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T value) {
      current = std::move(value);
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit Generator(std::coroutine_handle<promise_type> h) : handle(h) {}
  Generator(Generator &&other) noexcept : handle(std::exchange(other.handle, {})) {}
  ~Generator() {
    if (handle)
      handle.destroy();
  }
  bool next() {
    handle.resume();
    return !handle.done();
  }
  T &value() { return handle.promise().current; }
  std::coroutine_handle<promise_type> handle;
};

struct Task {
  struct promise_type {
    std::string result;
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(std::string s) { result = std::move(s); }
    void unhandled_exception() {}
  };
};

struct Ready {
  std::string payload;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  std::string await_resume() { return std::move(payload); }
};

void use(const std::string &);
void use(std::string_view);

Generator<std::string> words(std::vector<std::string> in) {
  for (std::string &w : in)
    co_yield std::move(w);
  for (const std::string &w : in)
    use(w);
  std::string last = "end";
  co_yield std::move(last);
  use(last);
}

Generator<std::string_view> views(const std::string &owner) {
  std::string local = owner + "!";
  co_yield std::string_view(local);
  co_yield std::string_view(owner);
}

Task task(std::string s) {
  std::string t = std::move(s);
  std::string got = co_await Ready{t};
  use(s);
  std::string_view v = got;
  co_await std::suspend_never{};
  use(v);
  co_return std::move(got);
}

struct Service {
  std::string name;
  Task run() {
    std::string copy = name;
    co_await Ready{std::move(copy)};
    use(copy);
    co_return name;
  }
};

void drive() {
  auto lambda = [](std::unique_ptr<int> p) -> Task {
    std::unique_ptr<int> q = std::move(p);
    co_await std::suspend_never{};
    co_return std::to_string(*q);
  };
  lambda(std::make_unique<int>(1));
  Generator<std::string> g = words({"a", "b"});
  while (g.next())
    use(g.value());
  Service svc{"svc"};
  svc.run();
}
