#pragma once
#include <iosfwd>
#include <span>

#include <string>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"

namespace reorg::cli {

/// Prints each diagnostic as `reorg: file:line: column: message`, one per line.
void print_diagnostics(std::ostream& out, std::span<const Diagnostic> diagnostics);

/// After loading for any command but `validate`: one line telling how many warnings there were.
void print_warning_count(std::ostream& out, const Diagnostics& diagnostics);

/// Loads a model for any command but `validate`, printing the count of warnings on stderr.
/// Throws InputError as io::load_model() does.
[[nodiscard]] model::Model load_model(const std::string& path);

}  // namespace reorg::cli
