#include "reorg/model/hierarchy.hpp"

namespace reorg::model {

ReportingForest reporting_forest(const Model& model) {
    const auto posts = model.posts();
    return ReportingForest::build(posts.size(),
                                  [posts](std::size_t i) { return posts[i].reports_to; });
}

UnitForest unit_forest(const Model& model) {
    const auto units = model.units();
    return UnitForest::build(units.size(), [units](std::size_t i) { return units[i].parent; });
}

}  // namespace reorg::model
