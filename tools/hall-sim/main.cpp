// hall-sim: drives a hall server over the real protocol. Everything but the entry point is in hall_sim_core.
#include "sim_main.h"

#include <iostream>

int main(int argc, char** argv) {
    return hall::sim::runHallSim(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
