// The Rust Book, 10.3 "Validating References with Lifetimes":
//
//   let result;
//   {
//       let string2 = String::from("xyz");
//       result = longest(string1.as_str(), string2.as_str());
//   }                           // error[E0597]: `string2` does not live long enough
//   println!("{result}");
#include <iostream>
#include <string>

static const std::string &longest(const std::string &x, const std::string &y) {
  return x.size() > y.size() ? x : y;
}

int main() {
  std::string string1 = "long string is long";
  // The temporary std::string dies at the end of the statement, and
  // `result` may refer to it.
  const std::string &result = longest(string1, std::string("xyz"));
  std::cout << "The longest string is " << result << '\n';

  const std::string *inner;
  {
    std::string string2 = "xyz";
    inner = &longest(string1, string2);
  }
  std::cout << *inner << '\n'; // string2 is gone
}
