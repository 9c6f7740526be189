#include "print.hpp"

#include <ostream>

namespace reorg::cli {

void print_diagnostics(std::ostream& out, std::span<const Diagnostic> diagnostics) {
    for (const auto& diagnostic : diagnostics) out << "reorg: " << to_string(diagnostic) << '\n';
}

void print_warnings(std::ostream& out, const Diagnostics& diagnostics) {
    print_warnings(out, diagnostics.warnings(),
                   diagnostics.warning_count() - diagnostics.warnings().size());
}

void print_warnings(std::ostream& out, std::span<const Diagnostic> listed, std::size_t not_listed) {
    print_diagnostics(out, listed);
    if (not_listed > 0) {
        out << "reorg: ... and " << not_listed
            << (not_listed == 1 ? " more warning\n" : " more warnings\n");
    }
}

void print_warning_count(std::ostream& out, const Diagnostics& diagnostics) {
    if (diagnostics.warning_count() == 0) return;
    out << "reorg: " << diagnostics.warning_count()
        << (diagnostics.warning_count() == 1 ? " warning" : " warnings")
        << " about the model (reorg validate lists them)\n";
}

}  // namespace reorg::cli
