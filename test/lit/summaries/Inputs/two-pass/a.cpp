#include "lib.h"
#include <utility>

void consume(std::string &s) { auto t = std::move(s); }

const std::string &get(const std::string &s) { return s; }

unsigned long seen;
void peek(std::string &&s) { seen = s.size(); }

void take(Box &b) { std::string keep = std::move(b.name); }

const int *Container::at(unsigned i) const { return &items[i]; }

void Container::add(int v) { items.push_back(v); }

void Index::add(std::string_view word) { words.push_back(word); }

void pick(std::string &s) { auto t = std::move(s); }
