#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/model/model.hpp"

namespace reorg::model {

/// The largest FTE, cost, capacity or link weight a model may hold: a quadrillion, far above
/// any organisation's yearly budget, and low enough that no sum over a model overflows.
inline constexpr double kMaxFigure = 1e15;

/// A structural problem of a model, placed at a row of one of its tables; the caller knows where
/// that row came from (a file line, a scenario change) and turns it into a Diagnostic.
struct StructureIssue {
    Severity severity = Severity::Error;
    Table table = Table::Posts;
    std::uint32_t row = 0;
    std::string_view column;
    std::string message;
};

/// The checks that need the whole model (SPEC §3): errors for numbers out of range (FTE, cost,
/// weights from 0 to kMaxFigure, a capacity above 0; not a number is out of range too), for
/// reporting cycles and unit-parent
/// cycles (naming every member), head posts outside their unit and findings' checks that do not
/// parse or name unknown ids (model/condition.hpp); warnings for vacant head
/// posts, managers with a single report (not a group of staff: FTE above 1) and posts with no unit
/// head above them. Reference and value checks belong to whoever builds the model. O(posts + units
/// + links).
///
/// Only the first `listed_warnings` warnings are worded: the rest come with an empty message, to
/// be counted (a model of a million posts may have a warning for most of them).
[[nodiscard]] std::vector<StructureIssue> check_structure(
    const Model& model, std::size_t listed_warnings = std::numeric_limits<std::size_t>::max());

/// Only the reporting cycles and unit-parent cycles among check_structure()'s errors: what a
/// reader can still check of a model whose other references did not all resolve (a cycle among
/// those that did is one all the same). O(posts + units).
[[nodiscard]] std::vector<StructureIssue> check_cycles(const Model& model);

}  // namespace reorg::model
