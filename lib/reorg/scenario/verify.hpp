#pragma once
#include <span>
#include <string>
#include <vector>

#include "reorg/analysis/centrality.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/check/rules.hpp"
#include "reorg/model/model.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario.hpp"
#include "reorg/scenario/trace.hpp"

/// Whether a scenario fixes what it claims (SPEC §4.1) and keeps the guardrails (§4.2): the
/// findings' checks on the base and on the result, followed through lineage.
namespace reorg::scenario {

/// Resolves the base model's ids in a scenario's result: the base element of the id, followed
/// through `lineage` (merged into, removed into, succeeded by). `base` and `lineage` must
/// outlive the result.
[[nodiscard]] check::Resolve through_lineage(const model::Model& base, const Lineage& lineage);

/// What a scenario does to the findings that carry a check. Each list in finding order.
struct Verdicts {
    /// doesnt_work: the check fails on the base and holds after.
    std::vector<model::FindingId> resolved;
    /// doesnt_work, touched by the scenario: the check fails before and after.
    std::vector<model::FindingId> addressed_not_resolved;
    /// works: the check holds on the base and fails after.
    std::vector<model::FindingId> broken;
    /// The check is unknown after: an id it names left without lineage.
    std::vector<model::FindingId> unknown;
};

/// The verdicts from the checks on the base (`before`) and on the result (`after`), both from
/// check::evaluate_findings() over the same base findings, and what the scenario touched.
[[nodiscard]] Verdicts verdicts(const model::Model& base,
                                std::span<const check::FindingCheck> before,
                                std::span<const check::FindingCheck> after,
                                const Traceability& trace);

/// The rule violations of one model: the base or a scenario's result.
struct ModelViolations {
    std::string name;  ///< "base" or the scenario's name
    std::vector<check::Violation> violations;
};

/// `reorg check`: the violations of the base (named "base") and of each scenario's result, the
/// result's budget held against the base. Throws InputError as apply() does.
[[nodiscard]] std::vector<ModelViolations> check_rules(
    const model::Model& base, std::span<const Scenario> scenarios, const check::Rules& rules,
    const analysis::BetweennessOptions& betweenness = {});

}  // namespace reorg::scenario
