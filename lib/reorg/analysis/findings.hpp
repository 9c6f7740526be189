#pragma once
#include <cstddef>
#include <vector>

#include "reorg/model/model.hpp"

/// The review's findings as answers: per unit what works, what does not and why; the root
/// causes at the ends of the why-chains; every loop (SPEC §5 "Findings").
namespace reorg::analysis {

/// Σ severity × count of a unit's `works` findings minus that of its `doesnt_work` ones.
struct UnitFindings {
    model::UnitId unit{};
    long long net = 0;         ///< findings about the unit or one of its posts
    long long net_rollup = 0;  ///< the same over the unit and every unit below it
    std::vector<model::FindingId> works;
    std::vector<model::FindingId> doesnt_work;
    /// Why: the causes the unit's doesnt_work findings lead to through `because`, nearest
    /// first.
    std::vector<model::FindingId> why;
};

/// A root cause: a cause with no further `because`, or a loop of causes that explain one
/// another and point to nothing outside the loop (one root).
struct RootCause {
    std::vector<model::FindingId> causes;  ///< one, or the members of the loop
    long long weight = 0;  ///< Σ severity × count of the doesnt_work findings that reach it
    std::vector<model::FindingId> reached_from;  ///< those doesnt_work findings
};

/// The why-chain of a doesnt_work finding: every path through `because` from it to a root
/// cause (a path stops where it would repeat a finding).
struct WhyChain {
    model::FindingId finding{};
    std::vector<std::vector<model::FindingId>> paths;
};

struct FindingsAnalysis {
    std::vector<UnitFindings> units;     ///< units with findings (own or below), tree order
    std::vector<RootCause> root_causes;  ///< heaviest first
    std::vector<WhyChain> chains;        ///< one per doesnt_work finding, in file order
    std::vector<std::vector<model::FindingId>> loops;  ///< every elementary cycle of `because`
};

/// O(findings + because) apart from the chains and loops, which are capped in number.
[[nodiscard]] FindingsAnalysis analyse_findings(const model::Model& model);

}  // namespace reorg::analysis
