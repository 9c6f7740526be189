#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "reorg/model/model.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario.hpp"

/// Traceability (SPEC §4): which known problems a scenario addresses, which working things it
/// puts at risk, which of its changes answer no known problem, and which of the addresses it
/// declares it does not touch. The rules live here, once.
namespace reorg::scenario {

/// A finding is touched by a change when its `about` names a unit or post the change touched,
/// or names a unit that held (in the base model) a post the change touched.
struct Traceability {
    /// Per change (in order): the findings it touched, ascending.
    std::vector<std::vector<model::FindingId>> findings_of_change;
    std::vector<model::FindingId> touched;    ///< by any change, ascending
    std::vector<model::FindingId> addressed;  ///< the touched doesnt_work findings
    std::vector<model::FindingId> at_risk;    ///< the touched works findings
    /// Ids in the scenario's `addresses` that it does not touch, as written.
    std::vector<std::string> declared_not_touched;
    /// 1-based indices of the changes that touch no finding: a solution to no known problem.
    std::vector<std::size_t> changes_without_problem;
};

/// Traces what `applied` (the scenario applied to `base`) touched to the base's findings.
/// Throws InputError at the `addresses` line when it names an id that is no finding of `base`.
/// O(Σ touched elements + the findings they reach).
[[nodiscard]] Traceability trace(const model::Model& base, const Scenario& scenario,
                                 const Applied& applied);

/// The doesnt_work findings of `base` that none of the scenarios addresses, ascending.
[[nodiscard]] std::vector<model::FindingId> unaddressed(const model::Model& base,
                                                        std::span<const Traceability> scenarios);

}  // namespace reorg::scenario
