// Comparing scenarios: every figure of a scenario's column is what stats and analyze compute on
// the applied model, the base column is the base's, and the post counts match the changes.
#include "reorg/scenario/compare.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <variant>

#include "reorg/analysis/analyze.hpp"
#include "reorg/analysis/structure.hpp"
#include "reorg/graph/views.hpp"
#include "scenario/scenario_support.hpp"

using namespace reorg;
using reorg::test::minimal;
using reorg::test::scenario_of;

namespace {

const char* const kScenario = R"(name: IT i projektform
addresses: [F02]
changes:
  - add_post: {id: IT.DRIFT, title: IT-driftschef, unit: KLF.IT, reports_to: KC, cost: 1150000}
  - remove_post: {post: IT.CHEF, successor: IT.DRIFT}
  - move_post: {post: STF.001, unit: KLF, reports_to: EKO.CHEF}
  - merge: [KLF.IT, STF]
    into: {id: SBF, name: Samhällsbygg, kind: administration, parent: ""}
    head: STF.CHEF
)";

std::map<std::string, std::vector<scenario::Cell>> rows_by_key(const scenario::Comparison& c) {
    std::map<std::string, std::vector<scenario::Cell>> rows;
    for (auto& row : scenario::comparison_rows(c)) rows[row.key] = row.cells;
    return rows;
}

double number(const scenario::Cell& cell) { return std::get<double>(cell); }
double number(std::size_t count) { return static_cast<double>(count); }

}  // namespace

TEST_CASE("each column's figures are what stats and analyze give for its model",
          "[scenario][compare]") {
    const std::vector scenarios{scenario_of(kScenario)};
    const auto comparison = scenario::compare(minimal(), scenarios);
    REQUIRE(comparison.scenarios.size() == 1);
    const auto rows = rows_by_key(comparison);
    const auto& result = comparison.scenarios[0].applied.model;

    std::size_t column = 0;
    for (const auto* model : {&minimal(), &result}) {
        INFO("column " << column);
        const auto structure = analysis::structure(*model);
        const graph::ModelGraphs graphs(*model);
        const auto bottlenecks = analysis::analyze(graphs, {});
        CHECK(number(rows.at("posts")[column]) == number(structure.posts));
        CHECK(number(rows.at("vacant")[column]) == number(structure.vacant));
        CHECK(number(rows.at("fte")[column]) == structure.fte);
        CHECK(number(rows.at("cost")[column]) == structure.cost);
        CHECK(number(rows.at("units")[column]) == number(structure.units));
        CHECK(number(rows.at("managers")[column]) == number(structure.managers));
        CHECK(number(rows.at("span_median")[column]) == structure.span.median);
        CHECK(number(rows.at("span_max")[column]) == structure.span.max);
        CHECK(number(rows.at("layers_max")[column]) == number(structure.layers_max));
        CHECK(number(rows.at("layers_mean")[column]) == structure.layers_mean);
        CHECK(number(rows.at("articulation_points")[column]) ==
              number(bottlenecks.single_points.articulation_points.size()));
        CHECK(number(rows.at("decision_distance_mean")[column]) ==
              bottlenecks.decision_distance.mean_to_top);
        const auto& values = bottlenecks.posts.value;
        const auto top = std::max_element(values.begin(), values.end()) - values.begin();
        CHECK(std::get<std::string>(rows.at("top_betweenness_post")[column]) ==
              model->posts()[static_cast<std::size_t>(top)].id);
        CHECK(number(rows.at("top_betweenness")[column]) == values[static_cast<std::size_t>(top)]);
        if (!bottlenecks.load.empty()) {
            CHECK(std::get<std::string>(rows.at("constraint_unit")[column]) ==
                  (*model)[bottlenecks.load.front().unit].id);
            CHECK(number(rows.at("constraint_load")[column]) == bottlenecks.load.front().load);
        }
        ++column;
    }
    CHECK(std::holds_alternative<std::monostate>(rows.at("addressed")[0]));
    CHECK(number(rows.at("cost_change")[1]) == Approx(1150000.0 - 1180000.0));
}

TEST_CASE("the post counts of a scenario follow its changes", "[scenario][compare]") {
    const std::vector scenarios{scenario_of(kScenario)};
    const auto comparison = scenario::compare(minimal(), scenarios);
    const auto& s = comparison.scenarios[0];
    CHECK(s.posts_added == 1);    // IT.DRIFT
    CHECK(s.posts_removed == 1);  // IT.CHEF
    // Into SBF: KLF.IT.001–.003 and STF.CHEF, STF.002, STF.003 (IT.DRIFT is new); STF.001
    // to KLF.
    CHECK(s.posts_moved == 7);
    // KLF.IT.001–.003 report to IT.DRIFT, STF.001 to EKO.CHEF.
    CHECK(s.new_manager == 4);
    CHECK(scenario::affected_posts(s.applied.affected) == 9);
    CHECK(s.trace.declared_not_touched.empty());
}

TEST_CASE("the budget per administration follows a merge into a new administration",
          "[scenario][compare]") {
    const std::vector scenarios{scenario_of(kScenario)};
    const auto comparison = scenario::compare(minimal(), scenarios);
    std::map<std::string, scenario::AdministrationBudget> budgets;
    for (const auto& b : comparison.scenarios[0].by_administration) budgets[b.unit] = b;
    REQUIRE(budgets.size() == 3);  // KLF and STF of the base, SBF new
    CHECK(budgets.at("STF").note == "merged into SBF");
    CHECK(budgets.at("STF").cost == 0);
    CHECK(budgets.at("SBF").note == "new");
    double change = 0;
    for (const auto& [id, b] : budgets) change += b.cost_change();
    // Every post sits under an administration, so the changes add up to the whole change.
    CHECK(change == Approx(1150000.0 - 1180000.0));
}
