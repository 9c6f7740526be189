// Reading scenario files: every change kind and its fields, and every mistake a person makes
// writing one, each reported at its line with the nearest spelling where one is close.
#include "reorg/scenario/scenario_file.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <variant>

#include "reorg/base/text.hpp"
#include "scenario/scenario_support.hpp"
#include "support/fifo.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using namespace reorg;
using reorg::test::changes;
using reorg::test::input_error;
using reorg::test::scenario_of;

TEST_CASE("a scenario file gives its name, description, addresses, base and changes in order",
          "[scenario][file]") {
    const auto s = scenario_of(R"(name: Samhällsbyggnadsförvaltning
description: Merge planning with STF.
addresses: [F03, F07]
base: ../kommun
changes:
  - merge: [KLF.PLAN, STF]
    into: {id: SBF, name: Samhällsbyggnadsförvaltningen, kind: administration, parent: KS}
    head: STF.CHEF
  - move_unit: {unit: KLF.IT, parent: KS}
  - add_post: {id: IT.DRIFT, title: IT-driftschef, unit: KLF.IT, reports_to: KC, cost: 1150000}
  - remove_post: {post: IT.CHEF, successor: IT.DRIFT}
)");
    CHECK(s.name == "Samhällsbyggnadsförvaltning");
    CHECK(s.description == "Merge planning with STF.");
    CHECK(s.addresses == std::vector<std::string>{"F03", "F07"});
    CHECK(s.base == "../kommun");
    REQUIRE(s.changes.size() == 4);
    const auto& merge = std::get<scenario::Merge>(s.changes[0].what);
    CHECK(merge.units == std::vector<std::string>{"KLF.PLAN", "STF"});
    CHECK(merge.into.id == "SBF");
    CHECK(merge.into.kind == model::UnitKind::Administration);
    CHECK(merge.into.parent == "KS");
    CHECK(merge.head == "STF.CHEF");
    CHECK(s.changes[0].line == 6);
    CHECK(s.changes[1].line == 9);
    const auto& add = std::get<scenario::AddPost>(s.changes[2].what);
    CHECK(add.cost == 1150000);
    CHECK(add.fte == 1.0);  // the default
    CHECK(add.person.empty());
    CHECK(std::get<scenario::RemovePost>(s.changes[3].what).successor == "IT.DRIFT");
}

TEST_CASE("every change kind of SPEC §4 reads with its fields", "[scenario][file]") {
    const auto s = changes(
        R"(  - split_unit: {unit: STF, into: [{id: STF.A, name: A, head: STF.001, posts: [STF.001, STF.002]}]}
  - add_unit: {id: NEW, name: Ny enhet, kind: team, parent: KLF, head: "", capacity: 500}
  - remove_unit: {unit: NEW, posts_to: KLF}
  - rename_unit: {unit: KLF, name: Kommunkontoret}
  - move_unit: {unit: KLF.IT, parent: ""}
  - move_post: {post: KLF.IT.001, unit: STF}
  - move_post: {post: KLF.IT.002, unit: STF, reports_to: STF.CHEF}
  - set_reports_to: {post: KLF.IT.003, reports_to: ""}
  - vacate_post: {post: KLF.IT.001}
  - fill_post: {post: KLF.IT.003, person: P99}
  - add_link: {from: STF, to: KLF, kind: serves, weight: 12.5}
  - remove_link: {from: KLF.IT, to: STF, kind: serves}
  - reroute: {kind: serves, from: KLF.IT, to: STF}
  - add_member: {post: EKO.CHEF, group: IT.STYR}
  - remove_member: {post: KC, group: IT.STYR}
  - vacate_post: KLF.IT.002
)");
    REQUIRE(s.changes.size() == 16);
    const auto& split = std::get<scenario::SplitUnit>(s.changes[0].what);
    REQUIRE(split.into.size() == 1);
    CHECK(split.into[0].posts == std::vector<std::string>{"STF.001", "STF.002"});
    CHECK(std::get<scenario::AddUnit>(s.changes[1].what).capacity == 500);
    CHECK(std::get<scenario::AddUnit>(s.changes[1].what).kind == model::UnitKind::Team);
    CHECK(std::get<scenario::MoveUnit>(s.changes[4].what).parent.empty());
    CHECK_FALSE(std::get<scenario::MovePost>(s.changes[5].what).reports_to.has_value());
    CHECK(std::get<scenario::MovePost>(s.changes[6].what).reports_to == "STF.CHEF");
    CHECK(std::get<scenario::AddLink>(s.changes[10].what).weight == 12.5);
    CHECK(std::get<scenario::RemoveLink>(s.changes[11].what).kind == model::LinkKind::Serves);
    CHECK(std::get<scenario::VacatePost>(s.changes[15].what).post == "KLF.IT.002");  // shorthand
    for (std::size_t i = 0; i < s.changes.size(); ++i) {
        CHECK_FALSE(scenario::kind_name(s.changes[i].what).empty());
    }
    CHECK(scenario::kind_name(s.changes[12].what) == "reroute");
}

TEST_CASE("a misspelt change or field is named at its line with the nearest spelling",
          "[scenario][file]") {
    const auto message = input_error([] {
        (void)changes(
            "  - move_psot: {post: KC, unit: KLF}\n  - move_post: {post: KC, unti: KLF}\n");
    });
    CHECK_THAT(message, Contains("scenario.yaml:3") && Contains("unknown change `move_psot`") &&
                            Contains("did you mean `move_post`?"));
    CHECK_THAT(message, Contains("(and 2 more errors)"));
    try {
        (void)changes(
            "  - move_psot: {post: KC, unit: KLF}\n  - move_post: {post: KC, unti: KLF}\n");
        FAIL("the misspellings must be refused");
    } catch (const InputError& error) {
        REQUIRE(error.errors().size() == 3);
        CHECK(error.errors()[1].where.line == 4);
        CHECK(error.errors()[1].where.column == "unit");
        CHECK_THAT(error.errors()[1].message, Contains("missing required field"));
        CHECK(error.errors()[2].where.column == "unti");
        CHECK_THAT(error.errors()[2].message,
                   Contains("change 2 (move_post)") && Contains("did you mean `unit`?"));
    }
}

TEST_CASE("wrong field types, kinds and shapes are input errors at their lines",
          "[scenario][file]") {
    CHECK_THAT(input_error([] { (void)changes("  - move_post: {post: [A, B], unit: KLF}\n"); }),
               Contains("post: change 1 (move_post): must be a single value"));
    CHECK_THAT(input_error([] {
                   (void)changes("  - add_post: {id: X, title: T, unit: KLF, fte: lots}\n");
               }),
               Contains("fte: change 1 (add_post): must be a number"));
    CHECK_THAT(input_error([] {
                   (void)changes("  - add_unit: {id: X, name: X, kind: offfice, parent: KLF}\n");
               }),
               Contains("unknown kind `offfice` (did you mean `office`?)"));
    CHECK_THAT(input_error([] { (void)changes("  - add_link: {from: A, to: B, kind: boss}\n"); }),
               Contains("unknown kind `boss`"));
    CHECK_THAT(input_error([] {
                   (void)changes("  - merge: [KLF]\n    into: {id: X, name: X}\n    head: KC\n");
               }),
               Contains("a merge needs two or more units"));
    CHECK_THAT(input_error([] { (void)changes("  - add_post: KLF\n"); }),
               Contains("its fields go in a map"));
    CHECK_THAT(input_error([] { (void)changes("  - just a string\n"); }),
               Contains("change 1: must be a map"));
    CHECK_THAT(input_error([] {
                   (void)changes(
                       "  - move_unit: {unit: KLF.IT, parent: KLF}\n    rename_unit: {unit: KLF, "
                       "name: X}\n");
               }),
               Contains("names two changes"));
    CHECK_THAT(input_error([] { (void)changes("  - move_unit: {unit: KLF.IT}\n"); }),
               Contains("parent: change 1 (move_unit): missing required field (empty: a root)"));
    CHECK_THAT(input_error([] { (void)scenario_of("name: x\nchanges: []\ndescripton: y\n"); }),
               Contains("descripton: scenario: unknown field (did you mean `description`?)"));
    CHECK_THAT(input_error([] { (void)scenario_of("- a\n- b\n"); }),
               Contains("a scenario is a map"));
    CHECK_THAT(input_error([] { (void)scenario_of("name: [unclosed\n"); }),
               Contains("scenario.yaml:"));
    CHECK_THAT(input_error([] { (void)scenario_of("changes: []\n"); }),
               Contains("name: scenario: missing required field"));
}

TEST_CASE("the nearest spelling is offered only when it is close", "[scenario][file]") {
    const std::vector<std::string_view> known = {"move_post", "move_unit", "merge"};
    CHECK(base::closest_spelling("move_psot", known) == "move_post");
    CHECK(base::closest_spelling("Move_Unit", known) == "move_unit");
    CHECK(base::closest_spelling("mrege", known) == "merge");
    CHECK_FALSE(base::closest_spelling("frobnicate", known).has_value());
    CHECK_FALSE(base::closest_spelling("add", known).has_value());
}

TEST_CASE("a scenario file from a FIFO is not looked into: a pipe is read once",
          "[scenario][file]") {
    // Looking would use the pipe up, and reading it again would wait for a writer for ever.
    const reorg::test::TempFolder folder;
    const reorg::test::FifoWriter fifo(folder.path() / "s.yaml",
                                       "name: v\nchanges:\n  - vacate_post: {post: IT.CHEF}\n");
    REQUIRE_FALSE(scenario::is_scenario_file(fifo.path()));
    const auto read = scenario::read_scenario(fifo.path());
    CHECK(read.name == "v");
    CHECK(read.changes.size() == 1);
}
