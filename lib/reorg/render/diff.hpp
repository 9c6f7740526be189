#pragma once
#include <optional>
#include <string>
#include <vector>

#include "reorg/model/ids.hpp"

/// What a scenario changed, as the diff view marks it on the chart of the scenario's result
/// (SPEC §6, `--view diff`). Plain data in the result's terms, built by whoever applied the
/// scenario (report/diff_marks.hpp), so that the renderer knows nothing of scenarios.
namespace reorg::render {

/// How a post of the result differs from the base.
struct PostMark {
    bool added = false;         ///< no post of the base had its id
    std::string moved_from{};   ///< the base unit's id, when its unit changed
    bool new_manager = false;   ///< its manager changed (or it became or stopped being a top post)
    std::string old_manager{};  ///< the base manager's id ("" when it was a top post)
};

/// How a unit of the result differs from the base.
struct UnitMark {
    bool added = false;                      ///< made by the scenario from no base unit
    std::vector<std::string> merged_from{};  ///< the base units merged into it
    std::string split_from{};                ///< the base unit a split made it from
    std::string moved_from{};                ///< the base parent's id, when re-parented ("" a root)
    bool moved = false;
    std::string old_name{};  ///< the base name, when renamed
};

/// A base post the scenario removed, drawn in red beneath the post that took over from it.
struct RemovedPost {
    std::string id;
    std::string title;
    std::string unit;                      ///< the base unit's name
    std::optional<model::PostId> under{};  ///< result post to draw it under (successor, manager)
    std::string successor{};               ///< its successor's id, if any
};

/// A base unit the scenario removed (not merged): drawn in red beneath where its posts went.
struct RemovedUnit {
    std::string id;
    std::string name;
    std::optional<model::UnitId> under{};  ///< result unit to draw it under
    std::string went_to{};                 ///< the unit that received its posts, if any
};

struct DiffMarks {
    std::string scenario;         ///< the scenario's name, for the heading
    std::vector<PostMark> posts;  ///< per post of the result
    std::vector<UnitMark> units;  ///< per unit of the result
    std::vector<RemovedPost> removed_posts;
    std::vector<RemovedUnit> removed_units;
};

}  // namespace reorg::render
