#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "reorg/analysis/analyze.hpp"
#include "reorg/check/evaluate.hpp"
#include "reorg/io/load.hpp"
#include "reorg/model/condition.hpp"
#include "support/model_fixture.hpp"

namespace {

using namespace reorg;
using check::State;

/*
 * data/minimal: KC heads KLF (reports EKO.CHEF, IT.CHEF, STF.CHEF); IT.CHEF heads KLF.IT with
 * three reports (KLF.IT.003 vacant); STF.CHEF heads STF with three. IT.STYR is a group of KC and
 * STF.CHEF. KLF.IT (capacity 3000) serves 2400 + 1200. STF.001 has a dotted line to EKO.CHEF and
 * IT.CHEF collaborates with STF.CHEF.
 */
const model::Model& minimal() {
    static const model::Model model = io::load_model(REORG_DATA_DIR "/minimal/model.yaml");
    return model;
}

// The check evaluated on data/minimal.
check::Outcome on_minimal(const std::string& text) {
    static const graph::ModelGraphs graphs(minimal());
    static const check::Facts facts(graphs);
    return check::evaluate(model::parse_condition(text), facts, check::ids_in(minimal()));
}

// The value of the left side of `function == 0`.
double value_of(const std::string& call) {
    const auto outcome = on_minimal(call + " == 0");
    REQUIRE(outcome.value);
    return *outcome.value;
}

}  // namespace

TEST_CASE("check: unit figures are rolled up over sub-units", "[check]") {
    CHECK(value_of("posts(KLF)") == 6);  // KC, EKO.CHEF and the four of KLF.IT
    CHECK(value_of("posts(KLF.IT)") == 4);
    CHECK(value_of("posts(IT.STYR)") == 0);
    CHECK(value_of("vacant(KLF)") == 1);
    CHECK(value_of("vacant(STF)") == 0);
    CHECK(value_of("fte(STF)") == Approx(3.75));
    CHECK(value_of("cost(KLF.IT)") == 1180000 + 590000 + 730000 + 700000);
    CHECK(value_of("managers(KLF)") == 2);  // KC and IT.CHEF; STF.CHEF is in STF
    CHECK(value_of("managers(STF)") == 1);
}

TEST_CASE("check: spans and layers", "[check]") {
    CHECK(value_of("span(KC)") == 3);
    CHECK(value_of("span(IT.CHEF)") == 3);
    CHECK(value_of("span(EKO.CHEF)") == 0);
    CHECK(value_of("max_span(KLF)") == 3);
    CHECK(value_of("min_span(KLF)") == 3);
    CHECK(value_of("max_span(IT.STYR)") == 0);  // no managers: 0
    CHECK(value_of("min_span(IT.STYR)") == 0);
    CHECK(value_of("layers(KLF)") == 3);
    CHECK(value_of("layers(KLF.IT)") == 3);
    CHECK(value_of("layers(IT.STYR)") == 0);
}

TEST_CASE("check: load, cut-off and single points come from analyze", "[check]") {
    CHECK(value_of("load(KLF.IT)") == Approx(1.2));  // (2400 + 1200) / 3000
    CHECK(value_of("load(STF)") == 0);               // no capacity
    // Losing IT.CHEF cuts off its three reports; losing STF.CHEF two (STF.001 keeps its dotted
    // line to EKO.CHEF); KC is no single point (IT.CHEF collaborates with STF.CHEF).
    CHECK(value_of("cut_off(IT.CHEF)") == 3);
    CHECK(value_of("cut_off(STF.CHEF)") == 2);
    CHECK(value_of("cut_off(KC)") == 0);
    CHECK(value_of("single_points(KLF)") == 1);
    CHECK(value_of("single_points(STF)") == 1);
    CHECK(value_of("single_points(KLF.IT)") == 1);

    const graph::ModelGraphs graphs(minimal());
    const auto points = analysis::single_points(minimal(), graphs.work());
    for (const auto& point : points.articulation_points) {
        const std::string id(minimal().posts()[point.vertex].id);
        CHECK(value_of("cut_off(" + id + ")") == static_cast<double>(point.cut_off));
    }
}

TEST_CASE("check: decision distance to the top and to a group", "[check]") {
    CHECK(value_of("distance(KC)") == 0);
    CHECK(value_of("distance(KLF.IT.001)") == 2);
    CHECK(value_of("distance(KLF.IT.001, IT.STYR)") == 2);  // up to KC, a member
    CHECK(value_of("distance(STF.001, IT.STYR)") == 1);
    CHECK(value_of("distance(STF.CHEF, IT.STYR)") == 0);  // a member itself
    CHECK(value_of("distance(KLF.IT, IT.STYR)") == 2);    // the largest over its posts
    CHECK(value_of("distance(KLF)") == 2);
}

TEST_CASE("check: betweenness is analyze's own", "[check]") {
    const graph::ModelGraphs graphs(minimal());
    const auto betweenness = analysis::post_betweenness(graphs);
    for (std::size_t p = 0; p < minimal().posts().size(); ++p) {
        const std::string id(minimal().posts()[p].id);
        INFO(id);
        CHECK(value_of("betweenness(" + id + ")") == betweenness.value[p]);
    }
    CHECK(value_of("betweenness(IT.CHEF)") > 0.4);
}

TEST_CASE("check: members, exists and vacant of a post", "[check]") {
    CHECK(value_of("members(IT.STYR)") == 2);
    CHECK(value_of("exists(KC)") == 1);
    CHECK(value_of("exists(KLF.IT)") == 1);
    CHECK(value_of("exists(P01)") == 1);  // a person
    CHECK(value_of("exists(F02)") == 1);  // a finding
    CHECK(value_of("exists(NOPE)") == 0);
    CHECK(value_of("vacant(KLF.IT.003)") == 1);
    CHECK(value_of("vacant(KC)") == 0);
}

TEST_CASE("check: holds, fails, and what it rests on", "[check]") {
    const auto overloaded = on_minimal("load(KLF.IT) <= 1.0");
    CHECK(overloaded.state == State::Fails);
    CHECK(overloaded.reason == "load(KLF.IT) = 1.2");
    CHECK(*overloaded.value == Approx(1.2));
    CHECK(*overloaded.limit == 1.0);

    CHECK(on_minimal("cut_off(KC) == 0 and vacant(KC) == 0").state == State::Holds);
    CHECK(on_minimal("cut_off(IT.CHEF) == 0 and vacant(KC) == 0").state == State::Fails);
    CHECK(on_minimal("cut_off(IT.CHEF) == 0 or vacant(KC) == 0").state == State::Holds);
    CHECK(on_minimal("not load(KLF.IT) <= 1").state == State::Holds);
    CHECK(on_minimal("not (posts(KLF) == 6 and posts(STF) == 4)").state == State::Fails);
    CHECK(on_minimal("fte(STF) == 3.75").state == State::Holds);
    CHECK(on_minimal("2 > 1").state == State::Holds);
    CHECK(on_minimal("distance(KLF.IT.001, IT.STYR) < 2").state == State::Fails);
    const auto both = on_minimal("posts(KLF) >= 6 and vacant(KLF) == 0");
    CHECK(both.reason == "posts(KLF) = 6; vacant(KLF) = 1");
    CHECK(*both.value == 6);  // the first comparison's sides
    CHECK(*both.limit == 6);
}

TEST_CASE("check: comparisons are equal within 1e-9 relative", "[check]") {
    using model::Comparison;
    CHECK(check::compare(0.1 + 0.2, Comparison::Equal, 0.3));
    CHECK_FALSE(check::compare(0.1 + 0.2, Comparison::Less, 0.3));
    CHECK(check::compare(0.1 + 0.2, Comparison::LessEqual, 0.3));
    CHECK(check::compare(1e6, Comparison::Equal, 1e6 + 1e-4));
    CHECK_FALSE(check::compare(1e6, Comparison::Equal, 1e6 + 1.0));
    CHECK(check::compare(2, Comparison::NotEqual, 3));
    CHECK(check::compare(3, Comparison::Greater, 2));
    CHECK(check::compare(3, Comparison::GreaterEqual, 3));
    const double never = INFINITY;
    CHECK_FALSE(check::compare(never, Comparison::LessEqual, 2));
    CHECK(check::compare(never, Comparison::Equal, never));
}

TEST_CASE("check: an id that is gone makes the check unknown", "[check]") {
    const graph::ModelGraphs graphs(minimal());
    const check::Facts facts(graphs);
    const auto in_base = check::ids_in(minimal());
    // As in a scenario where IT.CHEF left with nobody in its place.
    const check::Resolve without_it_chef = [&](std::string_view id, model::CheckArgument kind) {
        return id == "IT.CHEF" ? std::nullopt : in_base(id, kind);
    };
    const auto gone = check::evaluate(model::parse_condition("posts(KLF) > 0 or span(IT.CHEF) > 2"),
                                      facts, without_it_chef);
    CHECK(gone.state == State::Unknown);
    CHECK(gone.reason == "`IT.CHEF` left the model with nothing in its place");
    CHECK_FALSE(gone.value);
    // exists() asks about the id itself and is never unknown.
    CHECK(check::evaluate(model::parse_condition("exists(IT.CHEF) == 1"), facts, without_it_chef)
              .state == State::Holds);
}

TEST_CASE("check: the findings' checks and the warning for one that already holds", "[check]") {
    const auto model = test::load_yaml(R"(
units: [{id: A, name: A, head: A1, capacity: 10}]
posts:
  - {id: A1, unit: A, reports_to: ""}
  - {id: A2, unit: A, reports_to: A1}
links: [{from: A, to: A, kind: serves, weight: 20}]
findings:
  - {id: F1, kind: doesnt_work, statement: overloaded, about: [A], check: "load(A) <= 1"}
  - {id: F2, kind: doesnt_work, statement: too small, about: [A], check: "posts(A) >= 2"}
  - {id: F3, kind: works, statement: fine, about: [A]}
)");
    const graph::ModelGraphs graphs(model);
    const check::Facts facts(graphs);
    const auto checks = check::evaluate_findings(model, facts, check::ids_in(model));
    REQUIRE(checks.size() == 2);
    CHECK(model[checks[0].finding].id == "F1");
    CHECK(checks[0].outcome.state == State::Fails);
    CHECK(model[checks[1].finding].id == "F2");
    CHECK(checks[1].outcome.state == State::Holds);
    const auto warned = check::holding_before(model, checks);
    REQUIRE(warned.size() == 1);
    CHECK(model[warned[0]].id == "F2");
}
