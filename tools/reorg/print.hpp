#pragma once
#include <cstddef>
#include <iosfwd>
#include <span>

#include "reorg/base/error.hpp"

namespace reorg::cli {

/// Prints each diagnostic as `reorg: file:line: column: message`, one per line.
void print_diagnostics(std::ostream& out, std::span<const Diagnostic> diagnostics);

/// Each warning as print_diagnostics() does (up to the listing cap), then how many more there were.
void print_warnings(std::ostream& out, const Diagnostics& diagnostics);
/// The `listed` warnings, then a line counting the `not_listed` ones, if any.
void print_warnings(std::ostream& out, std::span<const Diagnostic> listed, std::size_t not_listed);

/// After loading for any command but `validate`: one line telling how many warnings there were.
void print_warning_count(std::ostream& out, const Diagnostics& diagnostics);

}  // namespace reorg::cli
