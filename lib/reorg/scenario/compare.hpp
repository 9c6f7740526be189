#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/cut_points.hpp"
#include "reorg/analysis/flows.hpp"
#include "reorg/analysis/structure.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/check/rules.hpp"
#include "reorg/model/model.hpp"
#include "reorg/scenario/apply.hpp"
#include "reorg/scenario/scenario.hpp"
#include "reorg/scenario/trace.hpp"
#include "reorg/scenario/verify.hpp"

/// Comparing scenarios (SPEC §7): the base and each scenario's result on the same figures,
/// computed by the same analyses `stats` and `analyze` use, and what each scenario does to the
/// review's findings and to the people in its posts.
namespace reorg::scenario {

struct CompareOptions {
    analysis::SpanThresholds thresholds{};
    /// For the posts' betweenness of every column (the same seed for all): exact or sampled as
    /// `analyze` would choose for each model.
    analysis::BetweennessOptions betweenness{};
    /// The guardrails every column is held against (SPEC §4.2); none when null. Must outlive
    /// the comparison.
    const check::Rules* rules = nullptr;
};

/// The figures of one model: base or a scenario's result.
struct ModelFigures {
    analysis::Structure structure;
    analysis::Betweenness betweenness;  ///< of the posts, on the work graph
    analysis::SinglePoints single_points;
    std::vector<analysis::UnitLoad> load;  ///< highest first: the first is the constraint
    analysis::DecisionDistance decision_distance;
};

/// Computes the figures of one model. O(the analyses).
[[nodiscard]] ModelFigures figures_of(const model::Model& model, const CompareOptions& options);

/// The change in cost and FTE of one administration (a unit of kind administration; in a model
/// without any, a root unit), rolled up over its sub-units, by unit id: an administration the
/// scenario removes or merges away goes to 0, one it creates comes from 0.
struct AdministrationBudget {
    std::string unit;
    std::string name;
    double base_cost = 0;
    double cost = 0;  ///< after the scenario
    double base_fte = 0;
    double fte = 0;
    std::string note{};  ///< "new", "merged into SBF", "removed", or empty

    [[nodiscard]] double cost_change() const noexcept { return cost - base_cost; }
    [[nodiscard]] double fte_change() const noexcept { return fte - base_fte; }
};

/// One scenario, applied and traced.
struct ScenarioResult {
    const Scenario* scenario = nullptr;
    Applied applied;
    Traceability trace;
    ModelFigures figures;
    std::size_t posts_moved = 0;    ///< posts in both models whose unit id changed
    std::size_t new_manager = 0;    ///< posts in both models whose manager's id changed
    std::size_t posts_added = 0;    ///< post ids only in the result
    std::size_t posts_removed = 0;  ///< post ids only in the base
    std::vector<AdministrationBudget> by_administration;  ///< in the base's unit order, then new
    std::vector<check::FindingCheck> checks;  ///< the base findings' checks on the result
    Verdicts verdicts;
    std::vector<check::Violation> violations;  ///< of the rules, when there are rules
};

struct Comparison {
    const model::Model* base = nullptr;
    ModelFigures base_figures;
    std::vector<ScenarioResult> scenarios;
    /// doesnt_work findings of the base that no compared scenario addresses.
    std::vector<model::FindingId> unaddressed;
    std::vector<check::FindingCheck> base_checks;  ///< every check of the base, on the base
    /// doesnt_work findings whose check already holds on the base: a warning (SPEC §4.1).
    std::vector<model::FindingId> checks_holding_before;
    const check::Rules* rules = nullptr;            ///< as the options gave them
    std::vector<check::Violation> base_violations;  ///< of the rules by the base
};

/// Applies each scenario to `base` and computes every figure of SPEC §7 for the base and each
/// result. Throws InputError as apply() and trace() do. `base` and `scenarios` must outlive
/// the result.
[[nodiscard]] Comparison compare(const model::Model& base, std::span<const Scenario> scenarios,
                                 const CompareOptions& options = {});

/// A cell of the comparison table: a number, a text (an id), or nothing.
using Cell = std::variant<std::monostate, double, std::string>;

/// One row of the comparison: its JSON key, its label for people, and one cell per column
/// (the base first). Whole numbers are marked so that tables print them without decimals.
struct Row {
    std::string key;
    std::string label;
    std::vector<Cell> cells;
    int decimals = 0;  ///< how a table rounds its numbers
};

/// The rows of SPEC §7 in the order a reader meets them: size, spans, layers, bottlenecks,
/// findings, posts. Keys as `compare --json` documents them.
[[nodiscard]] std::vector<Row> comparison_rows(const Comparison& comparison);

}  // namespace reorg::scenario
