#pragma once
#include "reorg/model/model.hpp"
#include "reorg/render/diff.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario.hpp"

/// The diff view's marks from an applied scenario: where the scenario module's lineage and the
/// renderer's marks meet, for `reorg render --view diff` and the report.
namespace reorg::report {

/// What `applied` (`scenario` applied to `base`) changed, on `applied.model`: posts added, moved
/// (unit id changed) or given a new manager; units added, merged (naming their origins), split,
/// moved or renamed; and the base posts and units that left, each placed under where it went
/// (a post under its successor or, without one, its manager's; a unit under the unit that
/// received its posts). O(posts + units).
[[nodiscard]] render::DiffMarks diff_marks(const model::Model& base,
                                           const scenario::Scenario& scenario,
                                           const scenario::Applied& applied);

}  // namespace reorg::report
