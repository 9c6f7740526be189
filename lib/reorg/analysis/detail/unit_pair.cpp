#include "reorg/analysis/detail/unit_pair.hpp"

#include <string>

#include "reorg/base/error.hpp"

namespace reorg::analysis::detail {

void require_apart(const model::Model& model, const model::UnitForest& units, model::UnitId a,
                   model::UnitId b, std::string_view option) {
    if (!units.is_ancestor(a, b) && !units.is_ancestor(b, a)) return;
    const auto outer = units.is_ancestor(a, b) ? a : b;
    const auto inner = outer == a ? b : a;
    throw OptionError(std::string(option),
                      a == b ? "the two units are the same unit '" + std::string(model[a].id) +
                                   "'; name two different units"
                             : "unit '" + std::string(model[inner].id) + "' lies inside '" +
                                   std::string(model[outer].id) +
                                   "'; name two units that do not contain one another");
}

}  // namespace reorg::analysis::detail
