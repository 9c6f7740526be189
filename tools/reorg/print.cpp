#include "print.hpp"

#include <iostream>
#include <ostream>

#include "reorg/io/load.hpp"

namespace reorg::cli {

void print_diagnostics(std::ostream& out, std::span<const Diagnostic> diagnostics) {
    for (const auto& diagnostic : diagnostics) out << "reorg: " << to_string(diagnostic) << '\n';
}

void print_warning_count(std::ostream& out, const Diagnostics& diagnostics) {
    if (diagnostics.warning_count() == 0) return;
    out << "reorg: " << diagnostics.warning_count()
        << (diagnostics.warning_count() == 1 ? " warning" : " warnings")
        << " about the model (reorg validate lists them)\n";
}

model::Model load_model(const std::string& path) {
    Diagnostics diagnostics;
    auto model = io::load_model(path, diagnostics);
    print_warning_count(std::cerr, diagnostics);
    return model;
}

}  // namespace reorg::cli
