// The Rust Book, 15.5 "RefCell<T> and the Interior Mutability Pattern":
// a MockMessenger records sent messages through `&self`. Borrowing the
// RefCell mutably while it is borrowed panics with BorrowMutError; the C++
// version appends to the vector it is iterating over.
#include <iostream>
#include <string>
#include <vector>

class MockMessenger {
public:
  void send(const std::string &message) const {
    sent_messages.push_back(message);
  }
  const std::vector<std::string> &messages() const { return sent_messages; }

private:
  mutable std::vector<std::string> sent_messages; // RefCell<Vec<String>>
};

int main() {
  MockMessenger messenger;
  messenger.send("over 75% of quota");
  for (const std::string &m : messenger.messages()) {
    std::cout << m << '\n';
    messenger.send("echo: " + m); // appends while iterating: invalidates m
  }
  std::string last = std::move(const_cast<std::string &>(messenger.messages().back()));
  std::cout << last << messenger.messages().size() << '\n';
}
