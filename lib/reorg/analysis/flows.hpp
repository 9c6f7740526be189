#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "reorg/model/model.hpp"

/// Service load, decision distance and merger overlap (SPEC §5 "Bottlenecks").
namespace reorg::analysis {

/// A service unit's yearly volume (the weights of its `serves` links) against its capacity.
struct UnitLoad {
    model::UnitId unit{};
    double volume = 0;
    double capacity = 0;
    double load = 0;  ///< volume / capacity; above 1 the unit is overloaded
};

/// Every unit with a capacity, highest load first; the first is the constraint of the flow
/// network.
[[nodiscard]] std::vector<UnitLoad> service_load(const model::Model& model);

/// Reporting-line hops from each post up to a target, summarised per unit.
struct DistanceSummary {
    model::UnitId unit{};
    std::size_t posts = 0;  ///< posts of the unit that reach the target
    std::size_t min = 0;
    double median = 0;
    std::size_t max = 0;
    double mean = 0;
};
struct DecisionDistance {
    /// Hops to the top post of each post's reporting tree (layer − 1), per unit with posts.
    std::vector<DistanceSummary> to_top;
    /// With a group: hops from each post to the nearest post above it (or itself: 0) that is a
    /// member of the group, per unit; posts with no member above them are left out.
    std::vector<DistanceSummary> to_group;
    double mean_to_top = 0;  ///< over all posts
};
[[nodiscard]] DecisionDistance decision_distance(const model::Model& model,
                                                 std::optional<model::UnitId> group = {});

/// Posts of two units (with their sub-units) doing the same thing: the same function, or
/// lacking functions the same normalised title (case, blanks and digits ignored).
struct OverlapGroup {
    std::string key;  ///< the shared function or normalised title
    std::vector<model::PostId> in_a;
    std::vector<model::PostId> in_b;
    double fte = 0;  ///< of all posts in the group
    double cost = 0;
};
[[nodiscard]] std::vector<OverlapGroup> merger_overlap(const model::Model& model, model::UnitId a,
                                                       model::UnitId b);

}  // namespace reorg::analysis
