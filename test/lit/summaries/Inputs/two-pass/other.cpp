#include "lib.h"

void pick(std::string &s) { s += "!"; }
