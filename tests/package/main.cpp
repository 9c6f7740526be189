// Loads a model and prints its post count through the installed reorg package.
#include <iostream>
#include <reorg/analysis/structure.hpp>
#include <reorg/io/load.hpp>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto model = reorg::io::load_model(argv[1]);
    std::cout << "posts " << reorg::analysis::structure(model).posts << '\n';
}
