// Touch tracking (SPEC §4): one test per rule of what a change touches and how that reaches the
// review's findings, on data/minimal (F01 works, about KLF.IT.001; F02 doesn't work, about
// KLF.IT and IT.CHEF; C01 a cause about KLF.IT; C02 a cause about KLF and STF).
#include "reorg/scenario/trace.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "scenario/scenario_support.hpp"

using Catch::Contains;
using namespace reorg;
using reorg::test::changes;
using reorg::test::input_error;
using reorg::test::minimal;

namespace {

std::vector<std::string> ids(const std::vector<model::FindingId>& findings) {
    std::vector<std::string> list;
    for (const auto f : findings) list.emplace_back(minimal()[f].id);
    return list;
}

scenario::Traceability trace_of(const std::string& yaml) {
    const auto s = reorg::test::scenario_of(yaml);
    return scenario::trace(minimal(), s, scenario::apply(minimal(), s));
}

scenario::Traceability trace_changes(const std::string& list) {
    return trace_of("name: t\nchanges:\n" + list);
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a finding about a moved post is touched, and so is one about the unit that held it",
          "[scenario][trace]") {
    const auto t = trace_changes("  - move_post: {post: KLF.IT.001, unit: STF}\n");
    // F01 names the post; F02 and C01 name KLF.IT, which held it.
    CHECK(ids(t.touched) == Ids{"F01", "F02", "C01"});
    CHECK(ids(t.addressed) == Ids{"F02"});
    CHECK(ids(t.at_risk) == Ids{"F01"});
}

TEST_CASE("a finding about the unit a post moves into is not touched by the move",
          "[scenario][trace]") {
    // STF receives KLF.IT.002, but only the unit that held it in the base counts, so C02 (about
    // KLF and STF) is not touched; EKO.CHEF moving out of KLF does touch it.
    CHECK(ids(trace_changes("  - move_post: {post: KLF.IT.002, unit: STF}\n").touched) ==
          Ids{"F02", "C01"});
    CHECK(ids(trace_changes("  - move_post: {post: EKO.CHEF, unit: STF}\n").touched) == Ids{"C02"});
}

TEST_CASE("a new reporting line touches the post, not its new manager", "[scenario][trace]") {
    const auto t = trace_changes("  - set_reports_to: {post: STF.003, reports_to: IT.CHEF}\n");
    CHECK(ids(t.touched) == Ids{"C02"});  // STF held STF.003; IT.CHEF is not touched
}

TEST_CASE("renaming or re-parenting a unit touches findings about it", "[scenario][trace]") {
    CHECK(ids(trace_changes("  - rename_unit: {unit: KLF.IT, name: Digit}\n").touched) ==
          Ids{"F02", "C01"});
    CHECK(ids(trace_changes("  - move_unit: {unit: KLF.IT, parent: STF}\n").addressed) ==
          Ids{"F02"});
}

TEST_CASE("a merge touches the merged units, their posts and their sub-units",
          "[scenario][trace]") {
    const auto t = trace_changes(
        "  - merge: [KLF.IT, STF]\n    into: {id: SBF, name: S, parent: KLF}\n    head: "
        "STF.CHEF\n");
    CHECK(ids(t.touched) == Ids{"F01", "F02", "C01", "C02"});
}

TEST_CASE("filling a post, adding a post or a link touches no finding by itself",
          "[scenario][trace]") {
    const auto t = trace_changes(R"(  - fill_post: {post: KLF.IT.003, person: P04}
  - add_post: {id: NEW, title: N, unit: KLF.IT, reports_to: IT.CHEF}
  - add_link: {from: STF.001, to: KC, kind: dotted_line}
  - move_post: {post: STF.002, unit: KLF}
)");
    CHECK(t.changes_without_problem == std::vector<std::size_t>{1, 2, 3});
    REQUIRE(t.findings_of_change.size() == 4);
    CHECK(ids(t.findings_of_change[3]) == Ids{"C02"});
}

TEST_CASE("removing a post touches it and the reports that get a new manager",
          "[scenario][trace]") {
    const auto t = trace_changes("  - remove_post: {post: KLF.IT.001}\n");
    CHECK(ids(t.touched) == Ids{"F01", "F02", "C01"});
}

TEST_CASE("addresses the scenario does not touch are listed; unknown ids are input errors",
          "[scenario][trace]") {
    const auto t = trace_of(R"(name: t
addresses: [F02, C02]
changes:
  - rename_unit: {unit: KLF.IT, name: D}
)");
    CHECK(t.declared_not_touched == std::vector<std::string>{"C02"});
    CHECK_THAT(input_error([] { (void)trace_of("name: t\naddresses: [F99]\nchanges: []\n"); }),
               Contains("scenario.yaml:2: addresses: no finding 'F99' in the model"));
}

TEST_CASE("a problem no compared scenario addresses is unaddressed", "[scenario][trace]") {
    const auto none = trace_changes("  - rename_unit: {unit: STF, name: S}\n");
    const auto it = trace_changes("  - rename_unit: {unit: KLF.IT, name: D}\n");
    CHECK(ids(scenario::unaddressed(minimal(), std::vector{none})) == Ids{"F02"});
    CHECK(scenario::unaddressed(minimal(), std::vector{none, it}).empty());
}
