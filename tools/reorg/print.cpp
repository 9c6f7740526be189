#include "print.hpp"

#include <ostream>

namespace reorg::cli {

void print_diagnostics(std::ostream& out, std::span<const Diagnostic> diagnostics) {
    for (const auto& diagnostic : diagnostics) out << "reorg: " << to_string(diagnostic) << '\n';
}

void print_warnings(std::ostream& out, const Diagnostics& diagnostics) {
    print_diagnostics(out, diagnostics.warnings());
    if (diagnostics.warning_count() > diagnostics.warnings().size()) {
        out << "reorg: ... and " << diagnostics.warning_count() - diagnostics.warnings().size()
            << " more warnings\n";
    }
}

void print_warning_count(std::ostream& out, const Diagnostics& diagnostics) {
    if (diagnostics.warning_count() == 0) return;
    out << "reorg: " << diagnostics.warning_count()
        << (diagnostics.warning_count() == 1 ? " warning" : " warnings")
        << " about the model (reorg validate lists them)\n";
}

}  // namespace reorg::cli
