#include "command_table.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return hallctl::runHallctl(args, std::cout, std::cerr);
}
