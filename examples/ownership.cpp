// The Rust Book, 4.1 "What Is Ownership?": moving a String.
//
//   let s1 = String::from("hello");
//   let s2 = s1;
//   println!("{s1}, world!");   // error[E0382]: borrow of moved value: `s1`
//
// C++ compiles it; `s1` is left in a valid but unspecified state.
#include <iostream>
#include <string>
#include <utility>

static void takes_ownership(std::string some_string) {
  std::cout << some_string << '\n';
}

static std::string gives_back(std::string a_string) { return a_string; }

int main() {
  std::string s1 = "hello";
  std::string s2 = std::move(s1);
  std::cout << s1 << ", world!\n"; // flagged: s1 was moved into s2

  std::string s = "hello";
  takes_ownership(std::move(s));
  std::cout << s.size() << '\n'; // flagged: s was moved into the call

  std::string kept = "kept";
  std::string copy = kept; // a copy (Rust's clone): fine
  std::string back = gives_back(std::move(copy));
  copy = "fresh"; // reinitialised: using it again is fine
  std::cout << kept << copy << back << s2 << '\n';
}
