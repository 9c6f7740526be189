#pragma once
#include <iosfwd>
#include <span>

#include "reorg/model/error.hpp"

namespace reorg::cli {

/// Prints each diagnostic as `reorg: file:line: column: message`, one per line.
void print_diagnostics(std::ostream& out, std::span<const Diagnostic> diagnostics);

/// After loading for any command but `validate`: one line telling how many warnings there were.
void print_warning_count(std::ostream& out, const Diagnostics& diagnostics);

}  // namespace reorg::cli
