#pragma once
#include <string_view>

#include "reorg/model/hierarchy.hpp"
#include "reorg/model/model.hpp"

namespace reorg::analysis::detail {

/// Analyses of two units (min cut, merger overlap) need units that do not contain one another:
/// throws OptionError (naming `option`) when `a` and `b` are the same unit or one lies inside
/// the other. O(1) given the unit forest.
void require_apart(const model::Model& model, const model::UnitForest& units, model::UnitId a,
                   model::UnitId b, std::string_view option);

}  // namespace reorg::analysis::detail
