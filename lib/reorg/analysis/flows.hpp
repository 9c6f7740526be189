#pragma once
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/model/hierarchy.hpp"
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

/// Every unit with a capacity (above zero), highest load first, equal loads in unit order; the
/// first is the constraint of the flow network. The volume is the unit's own `serves` links
/// (not its sub-units'); a `serves` link without a weight counts 0. O(units + links).
[[nodiscard]] std::vector<UnitLoad> service_load(const model::Model& model);

/// Hops of a post that does not reach the target.
inline constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

/// Reporting-line hops from each post up to a target, summarised per unit.
struct DistanceSummary {
    model::UnitId unit{};
    std::size_t posts = 0;  ///< posts of the unit (not its sub-units) that reach the target
    std::size_t min = 0;
    double median = 0;
    std::size_t max = 0;
    double mean = 0;
};
struct DecisionDistance {
    /// Hops to the top post of each post's reporting tree (layer − 1), per unit with posts, in
    /// unit order.
    std::vector<DistanceSummary> to_top;
    /// With a group: hops from each post up its reporting line to the nearest post (itself: 0)
    /// with a member_of link to the group, per unit in unit order; posts with no member above
    /// them are left out, and so are units none of whose posts reach a member.
    std::vector<DistanceSummary> to_group;
    double mean_to_top = 0;  ///< over all posts
};
/// Per post (PostId order): reporting-line hops to the top of its reporting tree (layer − 1), or
/// kUnreached for a post on or under a reporting cycle. O(posts).
[[nodiscard]] std::vector<std::size_t> hops_to_top(const model::Model& model,
                                                   const model::ReportingForest& forest);

/// Per post: hops up its reporting line to the nearest post (itself: 0) with a member_of link to
/// `group`, or kUnreached when none is above it. O(posts + links). Throws reorg::OptionError
/// (option "to_group") if `group` is not a unit of kind group.
[[nodiscard]] std::vector<std::size_t> hops_to_group(const model::Model& model,
                                                     const model::ReportingForest& forest,
                                                     model::UnitId group);

/// O(posts + links). Throws reorg::OptionError (option "to_group") if `group` is not a unit of kind
/// group.
[[nodiscard]] DecisionDistance decision_distance(const model::Model& model,
                                                 std::optional<model::UnitId> group = {});

/// Posts of two units (with their sub-units) doing the same thing: the same function, or
/// lacking functions the same normalised title (case, blanks and digits ignored).
struct OverlapGroup {
    std::string key;                  ///< the shared function or normalised title
    std::vector<model::PostId> in_a;  ///< ascending
    std::vector<model::PostId> in_b;  ///< ascending
    double fte = 0;                   ///< of all posts in the group
    double cost = 0;
    bool by_title = false;  ///< keyed by normalised title (the posts have no function)
    std::string label;      ///< the function or title as the first post of A spells it (trimmed)
};
/// Every group with posts on both sides, highest cost first, then by key (function groups before
/// title groups with the same key). Posts with a function are grouped by normalised_function(),
/// posts without one by normalised_title(); a function group and a title group never merge.
/// Posts with neither are left out. O(posts log posts). Throws reorg::OptionError (option
/// "merge") when one unit contains the other.
[[nodiscard]] std::vector<OverlapGroup> merger_overlap(const model::Model& model, model::UnitId a,
                                                       model::UnitId b);

/// A function as merger_overlap compares it: trimmed, letters lower-cased (ASCII, and the
/// Latin-1 capitals À–Þ in UTF-8, so Å, Ä and Ö fold too; other bytes are kept as they are).
[[nodiscard]] std::string normalised_function(std::string_view function);
/// A title as merger_overlap compares it: letters lower-cased as normalised_function() does,
/// ASCII digits and punctuation removed, runs of blanks collapsed to one space, no blanks at
/// either end.
[[nodiscard]] std::string normalised_title(std::string_view title);

}  // namespace reorg::analysis
