#include "reorg/scenario/verify.hpp"

#include <algorithm>

#include "reorg/graph/views.hpp"

namespace reorg::scenario {

check::Resolve through_lineage(const model::Model& base, const Lineage& lineage) {
    return
        [in_base = check::ids_in(base), &lineage](std::string_view id, model::CheckArgument kind) {
            const auto ref = in_base(id, kind);
            return ref ? lineage.follow(*ref) : std::nullopt;
        };
}

Verdicts verdicts(const model::Model& base, std::span<const check::FindingCheck> before,
                  std::span<const check::FindingCheck> after, const Traceability& trace) {
    using check::State;
    Verdicts result;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        const auto finding = before[i].finding;
        const auto was = before[i].outcome.state;
        const auto now = after[i].outcome.state;
        if (now == State::Unknown) {
            result.unknown.push_back(finding);
            continue;
        }
        switch (base[finding].kind) {
            case model::FindingKind::DoesntWork:
                if (was != State::Fails) break;  // a check that holds already describes no problem
                if (now == State::Holds) {
                    result.resolved.push_back(finding);
                } else if (std::binary_search(trace.addressed.begin(), trace.addressed.end(),
                                              finding)) {
                    result.addressed_not_resolved.push_back(finding);
                }
                break;
            case model::FindingKind::Works:
                if (was == State::Holds && now == State::Fails) result.broken.push_back(finding);
                break;
            case model::FindingKind::Cause:
                break;
        }
    }
    return result;
}

std::vector<ModelViolations> check_rules(const model::Model& base,
                                         std::span<const Scenario> scenarios,
                                         const check::Rules& rules,
                                         const analysis::BetweennessOptions& betweenness) {
    std::vector<ModelViolations> result;
    {
        const graph::ModelGraphs graphs(base);
        const check::Facts facts(graphs, betweenness);
        result.push_back({"base", check::violations(rules, facts, check::ids_in(base), "base")});
    }
    const auto budget = check::budget_of(base);
    for (const auto& scenario : scenarios) {
        const auto applied = apply(base, scenario);
        const graph::ModelGraphs graphs(applied.model);
        const check::Facts facts(graphs, betweenness);
        result.push_back(
            {scenario.name, check::violations(rules, facts, through_lineage(base, applied.lineage),
                                              scenario.name, budget)});
    }
    return result;
}

}  // namespace reorg::scenario
