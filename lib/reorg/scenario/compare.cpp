#include "reorg/scenario/compare.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <string_view>
#include <unordered_map>

#include "reorg/analysis/analyze.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::scenario {
namespace {

using model::Model;
using model::PostId;
using model::UnitId;

// Posts present in both models (by id), with what changed about them.
void count_post_changes(const Model& base, const Model& result, ScenarioResult& out) {
    for (const auto& post : result.posts()) {
        const auto before = base.find_post(post.id);
        if (!before) {
            ++out.posts_added;
            continue;
        }
        const auto& old = base[*before];
        if (base[old.unit].id != result[post.unit].id) ++out.posts_moved;
        const auto old_manager = old.reports_to ? base[*old.reports_to].id : std::string_view{};
        const auto manager = post.reports_to ? result[*post.reports_to].id : std::string_view{};
        if (old_manager != manager) ++out.new_manager;
    }
    for (const auto& post : base.posts()) {
        if (!result.find_post(post.id)) ++out.posts_removed;
    }
}

// The administrations of a model: its units of kind administration, or without any, its roots.
std::vector<UnitId> administrations(const Model& model) {
    std::vector<UnitId> found;
    for (std::size_t u = 0; u < model.units().size(); ++u) {
        if (model.units()[u].kind == model::UnitKind::Administration) {
            found.push_back(model::at<UnitId>(u));
        }
    }
    if (found.empty()) {
        for (std::size_t u = 0; u < model.units().size(); ++u) {
            if (!model.units()[u].parent) found.push_back(model::at<UnitId>(u));
        }
    }
    return found;
}

std::vector<AdministrationBudget> budgets(const Model& base, const ModelFigures& base_figures,
                                          const Model& result, const ModelFigures& figures,
                                          const Lineage& lineage) {
    const auto rollup = [](const Model& model, const ModelFigures& f) {
        std::unordered_map<std::string_view, analysis::UnitFigures> by_id;
        for (const auto& unit : f.structure.by_unit) by_id[model[unit.unit].id] = unit.rollup;
        return by_id;
    };
    const auto before = rollup(base, base_figures);
    const auto after = rollup(result, figures);
    // An administration's figures on either side, where a unit has its id (0 where none has).
    const auto budget_of = [&](std::string_view id, std::string_view name) {
        AdministrationBudget budget{std::string(id), std::string(name)};
        if (const auto it = before.find(id); it != before.end()) {
            budget.base_cost = it->second.cost;
            budget.base_fte = it->second.fte;
        }
        if (const auto it = after.find(id); it != after.end()) {
            budget.cost = it->second.cost;
            budget.fte = it->second.fte;
        }
        return budget;
    };
    std::vector<AdministrationBudget> list;
    const auto base_units = administrations(base);
    for (const auto u : base_units) {
        auto budget = budget_of(base[u].id, base[u].name);
        if (!result.find_unit(base[u].id)) {
            if (const auto went = lineage.unit(u)) {
                budget.note =
                    (lineage.fate(u) == Lineage::Fate::Merged ? "merged into " : "removed into ") +
                    std::string(result[*went].id);
            } else {
                budget.note = "removed";
            }
        }
        list.push_back(std::move(budget));
    }
    // The result's administrations not listed yet, and the units a base administration was
    // merged into: they carry its budget on.
    auto after_units = administrations(result);
    for (const auto u : base_units) {
        if (const auto went = lineage.unit(u); went && lineage.fate(u) == Lineage::Fate::Merged) {
            after_units.push_back(*went);
        }
    }
    for (const auto u : after_units) {
        const auto id = result[u].id;
        const bool listed = std::any_of(
            list.begin(), list.end(), [&](const AdministrationBudget& b) { return b.unit == id; });
        if (listed) continue;
        auto budget = budget_of(id, result[u].name);
        if (!base.find_unit(id)) budget.note = "new";
        list.push_back(std::move(budget));
    }
    return list;
}

Cell number(double value) { return value; }
Cell count(std::size_t value) { return static_cast<double>(value); }

}  // namespace

namespace {

// The figures of one model, then its findings' checks and rule violations on the same graphs
// (the checks' betweenness is the figures' own).
struct Evaluated {
    ModelFigures figures;
    std::vector<check::FindingCheck> checks;
    std::vector<check::Violation> violations;
};

Evaluated evaluate_model(const Model& base, const Model& model, const CompareOptions& options,
                         const check::Resolve& resolve, std::string_view name,
                         std::optional<check::Budget> budget, analysis::Structure structure) {
    Evaluated out;
    const graph::ModelGraphs graphs(model);
    out.figures.structure = std::move(structure);
    out.figures.betweenness = analysis::post_betweenness(graphs, options.betweenness);
    out.figures.single_points = analysis::single_points(model, graphs.work());
    out.figures.load = analysis::service_load(model);
    out.figures.decision_distance = analysis::decision_distance(model);
    check::Facts facts(graphs, options.betweenness);
    facts.provide(out.figures.betweenness);
    out.checks = check::evaluate_findings(base, facts, resolve);
    if (options.rules != nullptr) {
        out.violations = check::violations(*options.rules, facts, resolve, name, budget);
    }
    return out;
}

}  // namespace

ModelFigures figures_of(const Model& model, const CompareOptions& options) {
    CompareOptions figures_only = options;
    figures_only.rules = nullptr;
    return evaluate_model(model, model, figures_only, check::ids_in(model), "base", std::nullopt,
                          analysis::structure(model, options.thresholds))
        .figures;
}

Comparison compare(const Model& base, std::span<const Scenario> scenarios,
                   const CompareOptions& options) {
    Comparison comparison;
    comparison.base = &base;
    comparison.rules = options.rules;
    // Every scenario is applied first: one that does not apply stops the comparison at once.
    for (const auto& scenario : scenarios) {
        ScenarioResult result;
        result.scenario = &scenario;
        result.applied = apply(base, scenario);
        result.trace = trace(base, scenario, result.applied);
        comparison.scenarios.push_back(std::move(result));
    }
    // The rules hold each result to the base's cost and FTE.
    auto base_structure = analysis::structure(base, options.thresholds);
    const check::Budget budget{base_structure.cost, base_structure.fte};
    // The base's figures take as long as a result's, and much of either runs on one core (the
    // graphs, the cut points, the loads): the base is evaluated on a thread of its own while
    // the results are. Sampling depends on the seed alone, so every figure is what it would be
    // if they were evaluated one after the other.
    auto evaluated_base = std::async(std::launch::async, [&] {
        return evaluate_model(base, base, options, check::ids_in(base), "base", std::nullopt,
                              std::move(base_structure));
    });
    std::vector<Evaluated> evaluated_results;
    for (const auto& result : comparison.scenarios) {
        const auto& model = result.applied.model;
        evaluated_results.push_back(evaluate_model(
            base, model, options, through_lineage(base, result.applied.lineage),
            result.scenario->name, budget, analysis::structure(model, options.thresholds)));
    }
    auto evaluated = evaluated_base.get();
    comparison.base_figures = std::move(evaluated.figures);
    comparison.base_checks = std::move(evaluated.checks);
    comparison.base_violations = std::move(evaluated.violations);
    comparison.checks_holding_before = check::holding_before(base, comparison.base_checks);

    std::vector<Traceability> traces;
    for (std::size_t i = 0; i < comparison.scenarios.size(); ++i) {
        auto& result = comparison.scenarios[i];
        auto& after = evaluated_results[i];
        result.figures = std::move(after.figures);
        result.checks = std::move(after.checks);
        result.violations = std::move(after.violations);
        result.verdicts = verdicts(base, comparison.base_checks, result.checks, result.trace);
        count_post_changes(base, result.applied.model, result);
        result.by_administration = budgets(base, comparison.base_figures, result.applied.model,
                                           result.figures, result.applied.lineage);
        traces.push_back(result.trace);
    }
    comparison.unaddressed = unaddressed(base, traces);
    return comparison;
}

std::vector<Row> comparison_rows(const Comparison& comparison) {
    struct Column {
        const Model* model;
        const ModelFigures* figures;
        const ScenarioResult* scenario;  // nullptr for the base
    };
    std::vector<Column> columns{{comparison.base, &comparison.base_figures, nullptr}};
    for (const auto& s : comparison.scenarios) {
        columns.push_back({&s.applied.model, &s.figures, &s});
    }
    std::vector<Row> rows;
    const auto row = [&](std::string key, std::string label, int decimals, auto&& cell) {
        Row r{std::move(key), std::move(label), {}, decimals};
        for (const auto& column : columns) r.cells.push_back(cell(column));
        rows.push_back(std::move(r));
    };
    const auto for_scenario = [](auto&& value) {
        return [value](const Column& c) -> Cell {
            if (c.scenario == nullptr) return std::monostate{};
            return value(*c.scenario);
        };
    };
    const auto& base_structure = comparison.base_figures.structure;

    row("posts", "Posts", 0, [](const Column& c) { return count(c.figures->structure.posts); });
    row("vacant", "Vacant posts", 0,
        [](const Column& c) { return count(c.figures->structure.vacant); });
    row("fte", "FTE", 1, [](const Column& c) { return number(c.figures->structure.fte); });
    row("cost", "Cost", 0, [](const Column& c) { return number(c.figures->structure.cost); });
    row("cost_change", "Cost change", 0,
        [&](const Column& c) { return number(c.figures->structure.cost - base_structure.cost); });
    row("fte_change", "FTE change", 1,
        [&](const Column& c) { return number(c.figures->structure.fte - base_structure.fte); });
    row("units", "Units", 0, [](const Column& c) { return count(c.figures->structure.units); });
    row("managers", "Managers", 0,
        [](const Column& c) { return count(c.figures->structure.managers); });
    row("span_median", "Median span of control", 1,
        [](const Column& c) { return number(c.figures->structure.span.median); });
    row("span_max", "Widest span of control", 0,
        [](const Column& c) { return number(c.figures->structure.span.max); });
    row("narrow", "Narrow managers", 0,
        [](const Column& c) { return count(c.figures->structure.narrow.size()); });
    row("wide", "Wide managers", 0,
        [](const Column& c) { return count(c.figures->structure.wide.size()); });
    row("layers_max", "Layers (deepest)", 0,
        [](const Column& c) { return count(c.figures->structure.layers_max); });
    row("layers_mean", "Layers (mean)", 2,
        [](const Column& c) { return number(c.figures->structure.layers_mean); });
    // The post on most shortest paths; ties go to the first post in the model's order.
    const auto top = [](const Column& c) -> std::optional<std::size_t> {
        const auto& values = c.figures->betweenness.value;
        if (values.empty()) return std::nullopt;
        return static_cast<std::size_t>(std::max_element(values.begin(), values.end()) -
                                        values.begin());
    };
    row("top_betweenness_post", "Top betweenness post", 0, [&](const Column& c) -> Cell {
        if (const auto p = top(c)) return std::string(c.model->posts()[*p].id);
        return std::monostate{};
    });
    row("top_betweenness", "Top betweenness value", 4, [&](const Column& c) -> Cell {
        if (const auto p = top(c)) return c.figures->betweenness.value[*p];
        return std::monostate{};
    });
    row("articulation_points", "Single points of failure", 0,
        [](const Column& c) { return count(c.figures->single_points.articulation_points.size()); });
    row("constraint_unit", "Constraint unit", 0, [](const Column& c) -> Cell {
        if (c.figures->load.empty()) return std::monostate{};
        return std::string((*c.model)[c.figures->load.front().unit].id);
    });
    row("constraint_load", "Constraint load", 2, [](const Column& c) -> Cell {
        if (c.figures->load.empty()) return std::monostate{};
        return c.figures->load.front().load;
    });
    row("decision_distance_mean", "Mean decision distance", 2,
        [](const Column& c) { return number(c.figures->decision_distance.mean_to_top); });
    row("addressed", "Findings addressed", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.trace.addressed.size()); }));
    row("at_risk", "Findings at risk", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.trace.at_risk.size()); }));
    row("posts_moved", "Posts moved", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.posts_moved); }));
    row("new_manager", "Posts with a new manager", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.new_manager); }));
    row("posts_added", "Posts added", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.posts_added); }));
    row("posts_removed", "Posts removed", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.posts_removed); }));
    row("affected_posts", "Affected posts", 0, for_scenario([](const ScenarioResult& s) {
            return count(affected_posts(s.applied.affected));
        }));
    row("resolved", "Problems resolved (checked)", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.verdicts.resolved.size()); }));
    row("addressed_not_resolved", "Addressed, not resolved", 0,
        for_scenario([](const ScenarioResult& s) {
            return count(s.verdicts.addressed_not_resolved.size());
        }));
    row("broken", "Working things broken", 0,
        for_scenario([](const ScenarioResult& s) { return count(s.verdicts.broken.size()); }));
    row("rule_violations", "Rule violations", 0, [&](const Column& c) -> Cell {
        if (comparison.rules == nullptr) return std::monostate{};
        return count(c.scenario == nullptr ? comparison.base_violations.size()
                                           : c.scenario->violations.size());
    });
    return rows;
}

}  // namespace reorg::scenario
