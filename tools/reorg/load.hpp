#pragma once
#include <string>

#include "reorg/model/model.hpp"

namespace reorg::cli {

/// Loads a model for any command but `validate`, printing the count of warnings on stderr.
/// Throws InputError as io::load_model() does.
[[nodiscard]] model::Model load_model(const std::string& path);

}  // namespace reorg::cli
