#include <catch2/catch.hpp>

#include "reorg/analysis/structure.hpp"
#include "reorg/io/load.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;
using Catch::Matchers::WithinAbs;

namespace {

/*
 *   ORG (administration, head A)
 *    ├── DEV (department, head B)
 *    └── OPS (department, head C)
 *
 *              A (ORG)
 *            /        \
 *       B (DEV)      C (OPS)
 *       /  |  \          \
 *      D   E   F          G (OPS, vacant)
 *      |
 *      H            E and H are held by the same person
 */
constexpr std::string_view kFixture = R"(
units:
  - {id: ORG, name: Organisation, kind: administration, head: A}
  - {id: DEV, name: Development, kind: department, parent: ORG, head: B}
  - {id: OPS, name: Operations, kind: department, parent: ORG, head: C}
posts:
  - {id: A, title: Director, unit: ORG, fte: 1, cost: 1000, person: pa}
  - {id: B, title: Dev lead, unit: DEV, reports_to: A, fte: 1, cost: 800, person: pb}
  - {id: C, title: Ops lead, unit: OPS, reports_to: A, fte: 0.5, cost: 400, person: pc}
  - {id: D, title: Developer, unit: DEV, reports_to: B, fte: 1, cost: 600, person: pd}
  - {id: E, title: Developer, unit: DEV, reports_to: B, fte: 0.5, cost: 300, person: pe}
  - {id: F, title: Tester, unit: DEV, reports_to: B, fte: 1, cost: 500, person: pf}
  - {id: G, title: Operator, unit: OPS, reports_to: C, fte: 1, cost: 450}
  - {id: H, title: Intern, unit: DEV, reports_to: D, fte: 0.25, cost: 100, person: pe}
)";

model::Model fixture() {
    test::TempFolder folder;
    return io::load_model(folder.write("model.yaml", kFixture));
}

const analysis::UnitStructure& unit(const model::Model& model, const analysis::Structure& s,
                                    std::string_view id) {
    for (const auto& u : s.by_unit) {
        if (model[u.unit].id == id) return u;
    }
    FAIL("no unit " << id);
    throw;
}

}  // namespace

TEST_CASE("structure counts posts, people, FTE and cost", "[analysis][structure]") {
    const auto model = fixture();
    const auto s = analysis::structure(model);
    CHECK(s.posts == 8);
    CHECK(s.filled == 7);
    CHECK(s.vacant == 1);
    CHECK(s.people == 6);  // one person holds two posts
    CHECK_THAT(s.fte, WithinAbs(6.25, 1e-12));
    CHECK_THAT(s.cost, WithinAbs(4150, 1e-9));
    CHECK(s.units == 3);
    CHECK(s.units_by_kind.at(model::UnitKind::Administration) == 1);
    CHECK(s.units_by_kind.at(model::UnitKind::Department) == 2);
}

TEST_CASE("structure measures spans of control and flags narrow and wide managers",
          "[analysis][structure]") {
    const auto model = fixture();
    // Managers A (2), B (3), C (1), D (1): spans 1, 1, 2, 3.
    const auto s = analysis::structure(model);
    CHECK(s.managers == 4);
    CHECK(s.span.min == 1);
    CHECK(s.span.median == 1.5);
    CHECK(s.span.mean == 1.75);
    CHECK(s.span.max == 3);
    CHECK(s.span_histogram == std::map<std::size_t, std::size_t>{{1, 2}, {2, 1}, {3, 1}});
    CHECK(s.staff_per_manager == 1.0);
    REQUIRE(s.narrow.size() == 3);  // span below 3: C, D (1) then A (2)
    CHECK(s.narrow[0].span == 1);
    CHECK(s.narrow[2].span == 2);
    CHECK(model[s.narrow[2].post].id == "A");
    CHECK(s.wide.empty());

    const auto tight = analysis::structure(model, {.narrow = 2, .wide = 2});
    CHECK(tight.narrow.size() == 2);
    REQUIRE(tight.wide.size() == 1);
    CHECK(model[tight.wide[0].post].id == "B");
    CHECK(tight.wide[0].span == 3);
}

TEST_CASE("structure counts layers from the top post down", "[analysis][structure]") {
    const auto model = fixture();
    const auto s = analysis::structure(model);
    CHECK(s.layers_max == 4);
    CHECK(s.layers_mean == 21.0 / 8.0);  // 1 + 2 + 2 + 3 + 3 + 3 + 3 + 4
    const auto& dev = unit(model, s, "DEV");
    CHECK(dev.layers_max == 4);
    CHECK(dev.layers_mean == (2.0 + 3 + 3 + 3 + 4) / 5.0);
}

TEST_CASE("structure rolls unit figures up the unit tree", "[analysis][structure]") {
    const auto model = fixture();
    const auto s = analysis::structure(model);
    REQUIRE(s.by_unit.size() == 3);
    CHECK(model[s.by_unit.front().unit].id == "ORG");  // parents first

    const auto& org = unit(model, s, "ORG");
    CHECK(org.own.posts == 1);
    CHECK(org.rollup.posts == 8);
    CHECK(org.rollup.vacant == 1);
    CHECK(org.rollup.headcount == 7);
    CHECK_THAT(org.rollup.fte, WithinAbs(6.25, 1e-12));
    CHECK_THAT(org.rollup.cost, WithinAbs(4150, 1e-9));

    const auto& ops = unit(model, s, "OPS");
    CHECK(ops.own.posts == 2);
    CHECK(ops.own.vacant == 1);
    CHECK(ops.managers == 1);
    CHECK_THAT(ops.own.cost, WithinAbs(850, 1e-9));
    CHECK(ops.rollup.posts == ops.own.posts);
}

TEST_CASE("an empty organisation has all-zero structure", "[analysis][structure]") {
    test::TempFolder folder;
    const auto model = io::load_model(folder.write("empty.yaml", "units: []\nposts: []\n"));
    const auto s = analysis::structure(model);
    CHECK(s.posts == 0);
    CHECK(s.managers == 0);
    CHECK(s.span.max == 0);
    CHECK(s.layers_mean == 0);
    CHECK(s.by_unit.empty());
}

TEST_CASE("the example municipality's CSV and the library agree on its shape",
          "[analysis][structure]") {
    const auto model = io::load_model(REORG_DATA_DIR "/kommun");
    const auto s = analysis::structure(model);
    // Invariants that must hold whatever the generated data: posts add up over the unit trees,
    // and the histogram covers every manager.
    std::size_t rooted_posts = 0;
    for (const auto& u : s.by_unit) {
        if (!model[u.unit].parent) rooted_posts += u.rollup.posts;
    }
    CHECK(rooted_posts == s.posts);
    std::size_t histogram_managers = 0;
    for (const auto& [span, managers] : s.span_histogram) histogram_managers += managers;
    CHECK(histogram_managers == s.managers);
    CHECK(s.posts >= 400);
    CHECK(s.units >= 40);
    CHECK(s.vacant > 0);
}

TEST_CASE("structure counts a group post's headcount column as its people",
          "[analysis][structure]") {
    // An organogram's junior rows, as `reorg import organogram` writes them: a post for a
    // group of staff with its headcount; a blank or unreadable count is one person.
    test::TempFolder folder;
    folder.write("m/units.csv", "id,name,kind,parent,head,capacity\nAGY,Agency,office,,CE,\n");
    folder.write("m/posts.csv",
                 "id,title,unit,reports_to,function,fte,cost,person,headcount\n"
                 "CE,Chief Executive,AGY,,lead,1,,CE.holder,\n"
                 "J1,Administrator,AGY,CE,admin,8.67,,J1.holder,9\n"
                 "J2,Analyst,AGY,CE,analysis,2,,J2.holder,two\n"
                 "J3,Clerk,AGY,CE,admin,3,,,3\n");
    const auto s = analysis::structure(io::load_model(folder.path() / "m"));
    REQUIRE(s.by_unit.size() == 1);
    CHECK(s.by_unit[0].own.headcount == 1 + 9 + 1);  // J3 is vacant
    CHECK(s.by_unit[0].own.vacant == 1);
    CHECK(s.filled == 3);
}
