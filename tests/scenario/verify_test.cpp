#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "reorg/scenario/compare.hpp"
#include "reorg/scenario/verify.hpp"
#include "scenario/scenario_support.hpp"
#include "support/model_fixture.hpp"

namespace {

using namespace reorg;
using check::State;
using test::changes;

// data/minimal with findings that carry checks instead of its own.
const model::Model& checked() {
    static const model::Model model = [] {
        std::ifstream in(REORG_DATA_DIR "/minimal/model.yaml");
        std::stringstream text;
        text << in.rdbuf();
        auto yaml = text.str();
        yaml = yaml.substr(0, yaml.find("findings:"));
        yaml += R"(findings:
  - {id: VAKANS, kind: doesnt_work, statement: A vacancy in IT, about: [KLF.IT],
     check: "vacant(KLF.IT) == 0"}
  - {id: LAST, kind: doesnt_work, statement: IT cannot keep up, about: [KLF.IT],
     check: "load(KLF.IT) <= 1.0"}
  - {id: AVSTAND, kind: doesnt_work, statement: Far from the top, about: [KLF.IT],
     check: "distance(KLF.IT.001) <= 1"}
  - {id: STORT, kind: doesnt_work, statement: STF is too big, about: [STF],
     check: "posts(STF) <= 2"}
  - {id: NAT, kind: doesnt_work, statement: The network post is empty, about: [KLF.IT.003],
     check: "vacant(KLF.IT.003) == 0"}
  - {id: ITCHEF, kind: works, statement: The IT manager leads a team, about: [IT.CHEF],
     check: "span(IT.CHEF) >= 3"}
  - {id: STFCHEF, kind: works, statement: STF's head is close to staff, about: [STF.CHEF],
     check: "span(STF.CHEF) <= 3"}
  - {id: UTAN, kind: works, statement: No check here, about: [KLF]}
)";
        return test::load_yaml(yaml);
    }();
    return model;
}

// A finding id per line of a verdict list.
std::vector<std::string> ids(const std::vector<model::FindingId>& findings) {
    std::vector<std::string> out;
    for (const auto f : findings) out.emplace_back(checked()[f].id);
    return out;
}

using Ids = std::vector<std::string>;

scenario::Verdicts verdicts_of(std::string_view list) {
    const auto s = changes(list);
    const auto comparison = scenario::compare(checked(), std::span(&s, 1));
    return comparison.scenarios.front().verdicts;
}

// The state of `finding`'s check on the scenario's result.
State state_after(std::string_view list, std::string_view finding) {
    const auto s = changes(list);
    const auto comparison = scenario::compare(checked(), std::span(&s, 1));
    for (const auto& c : comparison.scenarios.front().checks) {
        if (checked()[c.finding].id == finding) return c.outcome.state;
    }
    FAIL("no check for " << finding);
    return State::Unknown;
}

}  // namespace

TEST_CASE("verify: on the base, every check is evaluated and none of the problems holds",
          "[scenario][verify]") {
    const auto s = changes("  - vacate_post: KC\n");
    const auto comparison = scenario::compare(checked(), std::span(&s, 1));
    REQUIRE(comparison.base_checks.size() == 7);  // UTAN has none
    for (const auto& c : comparison.base_checks) {
        INFO(checked()[c.finding].id);
        const bool works = checked()[c.finding].kind == model::FindingKind::Works;
        CHECK(c.outcome.state == (works ? State::Holds : State::Fails));
    }
    CHECK(comparison.checks_holding_before.empty());
}

TEST_CASE("verify: a merge is followed through lineage to the merged unit", "[scenario][verify]") {
    // KLF.IT and STF become SBF, headed by STF.CHEF: KLF.IT's flow to STF is now internal and
    // gone, so SBF's load is 1200 / 3000; STF.CHEF gains IT.CHEF as a report; KLF.IT.001 is
    // one step further from the top; SBF has 8 posts.
    const auto v = verdicts_of(R"(  - merge: [KLF.IT, STF]
    into: {id: SBF, name: Samhällsbygg, parent: KLF}
    head: STF.CHEF
)");
    CHECK(ids(v.resolved) == Ids{"LAST"});
    CHECK(ids(v.addressed_not_resolved) == Ids{"VAKANS", "AVSTAND", "STORT", "NAT"});
    CHECK(ids(v.broken) == Ids{"STFCHEF"});
    CHECK(v.unknown.empty());
}

TEST_CASE("verify: a split keeps the split unit's id for what stays in it", "[scenario][verify]") {
    const auto v = verdicts_of(R"(  - split_unit:
      unit: STF
      into:
        - {id: STF.FAST, name: Fastighet, head: STF.002, posts: [STF.002, STF.003]}
)");
    CHECK(ids(v.resolved) == Ids{"STORT"});  // STF keeps STF.CHEF and STF.001
    CHECK(ids(v.broken).empty());            // STF.CHEF's span is still at most 3
}

TEST_CASE("verify: a removed post is followed to its successor, and a removed unit to posts_to",
          "[scenario][verify]") {
    // KLF.IT.001 succeeds IT.CHEF and keeps the other two as reports: span 2 < 3.
    const auto succeeded = verdicts_of("  - remove_post: {post: IT.CHEF, successor: KLF.IT.001}\n");
    CHECK(ids(succeeded.broken) == Ids{"ITCHEF"});
    CHECK(ids(succeeded.resolved) == Ids{"AVSTAND"});  // KLF.IT.001 now reports to KC
    // KLF.IT's posts go to KLF, which has no capacity: load 0.
    CHECK(state_after("  - remove_unit: {unit: KLF.IT, posts_to: KLF}\n", "LAST") == State::Holds);
}

TEST_CASE("verify: an id that left without lineage makes the check unknown", "[scenario][verify]") {
    const auto v = verdicts_of("  - remove_post: {post: KLF.IT.003}\n");
    CHECK(ids(v.unknown) == Ids{"NAT"});
    CHECK(ids(v.resolved) == Ids{"VAKANS"});  // the vacancy is gone with its post
    CHECK_FALSE(std::count(v.resolved.begin(), v.resolved.end(), v.unknown.front()));
}

TEST_CASE("verify: filling a post resolves without touching, and nothing breaks",
          "[scenario][verify]") {
    const auto v = verdicts_of("  - fill_post: {post: KLF.IT.003, person: P10}\n");
    CHECK(ids(v.resolved) == Ids{"VAKANS", "NAT"});
    CHECK(v.addressed_not_resolved.empty());  // nothing it touches fails still
    CHECK(v.broken.empty());
}

TEST_CASE("verify: a problem whose check already holds on the base is a warning",
          "[scenario][verify]") {
    const auto model = test::load_yaml(R"(
units: [{id: A, name: A}]
posts: [{id: A1, unit: A, reports_to: "", person: P1}]
findings: [{id: F1, kind: doesnt_work, statement: x, about: [A], check: "posts(A) == 1"}]
)");
    const auto s = changes("  - vacate_post: A1\n");
    const auto comparison = scenario::compare(model, std::span(&s, 1));
    REQUIRE(comparison.checks_holding_before.size() == 1);
    // It can be neither resolved nor addressed-not-resolved.
    CHECK(comparison.scenarios.front().verdicts.resolved.empty());
    CHECK(comparison.scenarios.front().verdicts.addressed_not_resolved.empty());
}

TEST_CASE("verify: through_lineage resolves base ids in the result", "[scenario][verify]") {
    const auto applied = scenario::apply(
        checked(),
        changes("  - merge: [KLF.IT, STF]\n    into: {id: SBF, name: S}\n    head: STF.CHEF\n"
                "  - remove_post: {post: KLF.IT.003}\n"));
    const auto resolve = scenario::through_lineage(checked(), applied.lineage);
    const auto& m = applied.model;
    CHECK(resolve("KLF.IT", model::CheckArgument::Unit) == model::Ref(*m.find_unit("SBF")));
    CHECK(resolve("STF", model::CheckArgument::PostOrUnit) == model::Ref(*m.find_unit("SBF")));
    CHECK(resolve("KC", model::CheckArgument::Post) == model::Ref(*m.find_post("KC")));
    CHECK_FALSE(resolve("KLF.IT.003", model::CheckArgument::Post));
    CHECK_FALSE(resolve("NOPE", model::CheckArgument::Unit));
}

TEST_CASE("verify: check_rules holds the base and each scenario against the rules",
          "[scenario][verify]") {
    check::Rules rules;
    rules.budget_cost = 0;
    rules.load_max = 1.0;
    rules.checks.push_back(
        {"IT keeps its team", "span(IT.CHEF) >= 3", model::parse_condition("span(IT.CHEF) >= 3")});
    const std::vector<scenario::Scenario> scenarios{
        test::scenario_of("name: Dyrare\nchanges:\n  - add_post: {id: X, title: X, unit: STF, "
                          "cost: 100}\n"),
        test::scenario_of("name: Efterträdare\nchanges:\n  - remove_post: {post: IT.CHEF, "
                          "successor: KLF.IT.001}\n")};
    const auto models = scenario::check_rules(checked(), scenarios, rules);
    REQUIRE(models.size() == 3);
    CHECK(models[0].name == "base");
    REQUIRE(models[0].violations.size() == 1);  // KLF.IT's load of 1.2
    CHECK(models[0].violations[0].rule == "load");
    CHECK(models[1].name == "Dyrare");
    REQUIRE(models[1].violations.size() == 2);
    CHECK(models[1].violations[1].rule == "budget");
    CHECK(models[1].violations[1].subject == "Dyrare");
    CHECK(*models[1].violations[1].value - *models[1].violations[1].limit == Approx(100));
    REQUIRE(models[2].violations.size() == 2);  // load and the check; the budget is saved
    CHECK(models[2].violations[1].rule == "IT keeps its team");
    CHECK(models[2].violations[1].subject == "IT.CHEF");
    CHECK(*models[2].violations[1].value == 2);
}
