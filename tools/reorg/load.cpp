#include "load.hpp"

#include <iostream>

#include "print.hpp"
#include "reorg/io/load.hpp"

namespace reorg::cli {

model::Model load_model(const std::string& path) {
    Diagnostics diagnostics;
    auto model = io::load_model(path, diagnostics);
    print_warning_count(std::cerr, diagnostics);
    return model;
}

}  // namespace reorg::cli
