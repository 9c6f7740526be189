#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "reorg/analysis/flows.hpp"
#include "reorg/base/error.hpp"
#include "reorg/io/load.hpp"
#include "reorg/model/hierarchy.hpp"
#include "support/model_fixture.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;
using Catch::Matchers::WithinAbs;

namespace {

model::Model load(std::string_view yaml) { return test::load_yaml(yaml); }

model::UnitId unit(const model::Model& m, std::string_view id) { return test::require_unit(m, id); }

using test::ids;

/// The error a call throws, which must be one InputError.
template <class Call>
OptionError option_error(Call&& call) {
    try {
        call();
    } catch (const OptionError& error) {
        return error;
    }
    FAIL("no OptionError");
    throw;
}

/*
 *  units: ORG (administration) ─┬─ DEV (department, capacity 200) ── DEV.QA (team, capacity 10)
 *         capacity 40           ├─ OPS (department, capacity 100)
 *                               ├─ LG (group): members B and F
 *                               └─ SG (group): member A
 *
 *  reporting lines, with hops to the top:
 *
 *                 A (ORG) 0                         T (OPS) 0
 *              /            \                           |
 *         B (DEV) 1        C (OPS) 1                U (OPS) 1
 *         /      \              |
 *    D (DEV) 2  E (QA) 2    F (OPS) 2
 *        |                      |
 *    H (QA) 3               G (OPS) 3
 *
 *  serves: OPS → DEV 60, OPS → ORG 70, DEV → OPS 50, DEV → ORG (no weight),
 *          DEV.QA → OPS 5, ORG → DEV 10, LG → OPS 5 (LG has no capacity)
 */
constexpr std::string_view kFixture = R"(
units:
  - {id: ORG, name: Org, kind: administration, head: A, capacity: 40}
  - {id: DEV, name: Dev, parent: ORG, head: B, capacity: 200}
  - {id: DEV.QA, name: QA, kind: team, parent: DEV, capacity: 10}
  - {id: OPS, name: Ops, parent: ORG, head: C, capacity: 100}
  - {id: LG, name: Management, kind: group, parent: ORG}
  - {id: SG, name: Steering, kind: group, parent: ORG}
posts:
  - {id: A, unit: ORG}
  - {id: B, unit: DEV, reports_to: A}
  - {id: C, unit: OPS, reports_to: A}
  - {id: D, unit: DEV, reports_to: B}
  - {id: E, unit: DEV.QA, reports_to: B}
  - {id: F, unit: OPS, reports_to: C}
  - {id: G, unit: OPS, reports_to: F}
  - {id: H, unit: DEV.QA, reports_to: D}
  - {id: T, unit: OPS}
  - {id: U, unit: OPS, reports_to: T}
links:
  - {from: B, to: LG, kind: member_of}
  - {from: F, to: LG, kind: member_of}
  - {from: A, to: SG, kind: member_of}
  - {from: OPS, to: DEV, kind: serves, weight: 60}
  - {from: OPS, to: ORG, kind: serves, weight: 70}
  - {from: DEV, to: OPS, kind: serves, weight: 50}
  - {from: DEV, to: ORG, kind: serves}
  - {from: DEV.QA, to: OPS, kind: serves, weight: 5}
  - {from: ORG, to: DEV, kind: serves, weight: 10}
  - {from: LG, to: OPS, kind: serves, weight: 5}
)";

struct Expected {
    std::string unit;
    std::size_t posts;
    std::size_t min;
    double median;
    std::size_t max;
    double mean;
};

void check_summaries(const model::Model& m, const std::vector<analysis::DistanceSummary>& got,
                     const std::vector<Expected>& expected) {
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("unit " << expected[i].unit);
        CHECK(m[got[i].unit].id == expected[i].unit);
        CHECK(got[i].posts == expected[i].posts);
        CHECK(got[i].min == expected[i].min);
        CHECK_THAT(got[i].median, WithinAbs(expected[i].median, 1e-12));
        CHECK(got[i].max == expected[i].max);
        CHECK_THAT(got[i].mean, WithinAbs(expected[i].mean, 1e-12));
    }
}

}  // namespace

TEST_CASE("service load divides each unit's own serves volume by its capacity",
          "[analysis][load]") {
    const auto m = load(kFixture);
    const auto loads = analysis::service_load(m);
    // OPS 130/100; DEV.QA 5/10; ORG 10/40 and DEV 50/200 tie, in unit order; the link without a
    // weight adds nothing, DEV.QA's link is not DEV's, and LG has no capacity.
    REQUIRE(loads.size() == 4);
    const std::vector<std::string> order{"OPS", "DEV.QA", "ORG", "DEV"};
    const std::vector<double> volume{130, 5, 10, 50};
    const std::vector<double> capacity{100, 10, 40, 200};
    for (std::size_t i = 0; i < loads.size(); ++i) {
        INFO("rank " << i);
        CHECK(m[loads[i].unit].id == order[i]);
        CHECK_THAT(loads[i].volume, WithinAbs(volume[i], 1e-12));
        CHECK_THAT(loads[i].capacity, WithinAbs(capacity[i], 1e-12));
        CHECK_THAT(loads[i].load, WithinAbs(volume[i] / capacity[i], 1e-12));
    }
    CHECK(loads[0].load > 1.0);  // overloaded: the constraint
}

TEST_CASE("a model without capacities has no load figures", "[analysis][load]") {
    const auto m = load(R"(
units: [{id: U, name: U}, {id: V, name: V}]
posts: [{id: P, unit: U}]
links: [{from: U, to: V, kind: serves, weight: 9}]
)");
    CHECK(analysis::service_load(m).empty());
}

TEST_CASE("decision distance to the top, per unit", "[analysis][distance]") {
    const auto m = load(kFixture);
    const auto d = analysis::decision_distance(m);
    // Hops: A 0, B 1, C 1, D 2, E 2, F 2, G 3, H 3, T 0, U 1: 15 over 10 posts.
    CHECK_THAT(d.mean_to_top, WithinAbs(1.5, 1e-12));
    check_summaries(m, d.to_top,
                    {{"ORG", 1, 0, 0.0, 0, 0.0},
                     {"DEV", 2, 1, 1.5, 2, 1.5},
                     {"DEV.QA", 2, 2, 2.5, 3, 2.5},
                     {"OPS", 5, 0, 1.0, 3, 1.4}});  // 0, 1, 1, 2, 3
    CHECK(d.to_group.empty());

    // The figures agree with the layers of the reporting forest (layer − 1).
    const auto& forest = model::reporting_forest(m);
    double total = 0;
    for (std::size_t p = 0; p < m.posts().size(); ++p) {
        total += forest.depth(model::at<model::PostId>(p)) - 1.0;
    }
    CHECK_THAT(d.mean_to_top, WithinAbs(total / static_cast<double>(m.posts().size()), 1e-12));
}

TEST_CASE("decision distance to a group counts hops to the nearest member above",
          "[analysis][distance]") {
    const auto m = load(kFixture);
    const auto d = analysis::decision_distance(m, unit(m, "LG"));
    // Members B and F count 0; D and E 1 (B), H 2 (D, B), G 1 (F). A, C, T and U have no member
    // above them (A belongs to another group) and are left out, and so is ORG with them.
    check_summaries(
        m, d.to_group,
        {{"DEV", 2, 0, 0.5, 1, 0.5}, {"DEV.QA", 2, 1, 1.5, 2, 1.5}, {"OPS", 2, 0, 0.5, 1, 0.5}});
    CHECK(d.to_top.size() == 4);
    CHECK_THAT(d.mean_to_top, WithinAbs(1.5, 1e-12));

    // A group of its own at the top: everyone under A reaches it.
    const auto steering = analysis::decision_distance(m, unit(m, "SG"));
    check_summaries(m, steering.to_group,
                    {{"ORG", 1, 0, 0.0, 0, 0.0},
                     {"DEV", 2, 1, 1.5, 2, 1.5},
                     {"DEV.QA", 2, 2, 2.5, 3, 2.5},
                     {"OPS", 3, 1, 2.0, 3, 2.0}});
}

TEST_CASE(
    "decision distance to a unit that is no group is the caller's error, naming the group option",
    "[analysis][distance]") {
    const auto m = load(kFixture);
    const auto error = option_error([&] { (void)analysis::decision_distance(m, unit(m, "DEV")); });
    CHECK(error.option() == "to_group");
    CHECK_THAT(error.message(),
               Catch::Matchers::Contains("'DEV'") && Catch::Matchers::Contains("not a group"));
}

TEST_CASE("merger overlap compares titles and functions normalised as documented",
          "[analysis][overlap]") {
    CHECK(analysis::normalised_title("  GIS-ingenjör  2 ") == "gisingenjör");
    CHECK(analysis::normalised_title("HANDLÄGGARE (3)") == "handläggare");
    CHECK(analysis::normalised_title("IT  strateg\t1") == "it strateg");
    CHECK(analysis::normalised_title("ÅÄÖ-Chef, ÉÜ") == "åäöchef éü");
    CHECK(analysis::normalised_title("1 2 3 ...") == "");
    CHECK(analysis::normalised_title("") == "");
    CHECK(analysis::normalised_function("  Registratur ") == "registratur");
    CHECK(analysis::normalised_function("GIS 2") == "gis 2");  // functions keep digits
    CHECK(analysis::normalised_function("Städ") == analysis::normalised_function("STÄD"));
}

namespace {

/*
 *  units: ORG ─┬─ A ── A.TEAM          posts of A (and A.TEAM)        posts of B (and B.TEAM)
 *              ├─ B ── B.TEAM          function      title             function      title
 *              └─ C                    Registratur   Registrator       registratur   Registrator
 *                                      " gis " (TEAM) GIS-ingenjör 2   GIS           GIS ingenjör
 *                                      —             Handläggare 1     —             HANDLÄGGARE
 * (3) Administration Assistent        administration Handläggare planning      Planner (none in B)
 *                                      —             "  " (no key)
 *                                      —             Registratur       —             registratur 2
 *  C has a Registrator too, outside both.
 */
constexpr std::string_view kMerger = R"(
units:
  - {id: ORG, name: Org, kind: administration}
  - {id: A, name: A, parent: ORG}
  - {id: A.TEAM, name: A team, kind: team, parent: A}
  - {id: B, name: B, parent: ORG}
  - {id: B.TEAM, name: B team, kind: team, parent: B}
  - {id: C, name: C, parent: ORG}
posts:
  - {id: A1, title: Registrator, function: Registratur, unit: A, fte: 1, cost: 500}
  - {id: A2, title: GIS-ingenjör 2, function: " gis ", unit: A.TEAM, fte: 0.5, cost: 300}
  - {id: A3, title: Handläggare 1, unit: A, fte: 1, cost: 400}
  - {id: A4, title: Planner, function: planning, unit: A, fte: 1, cost: 9000}
  - {id: A5, title: "  ", unit: A, fte: 1, cost: 9000}
  - {id: A6, title: Assistent, function: Administration, unit: A.TEAM, fte: 1, cost: 600}
  - {id: A7, title: Registratur, unit: A, fte: 0.25, cost: 10}
  - {id: B1, title: Registrator, function: registratur, unit: B.TEAM, fte: 1, cost: 450}
  - {id: B2, title: GIS ingenjör, function: GIS, unit: B, fte: 1, cost: 520}
  - {id: B3, title: HANDLÄGGARE (3), unit: B, fte: 1, cost: 420}
  - {id: B4, title: Handläggare, function: administration, unit: B, fte: 0.75, cost: 380}
  - {id: B5, title: registratur 2, unit: B.TEAM, fte: 0.5, cost: 10}
  - {id: B6, title: Registrator, function: registratur, unit: B, fte: 1, cost: 100}
  - {id: C1, title: Registrator, function: registratur, unit: C, fte: 1, cost: 5000}
)";

}  // namespace

TEST_CASE("merger overlap groups the posts of both units by function or title",
          "[analysis][overlap]") {
    const auto m = load(kMerger);
    const auto groups = analysis::merger_overlap(m, unit(m, "A"), unit(m, "B"));
    // administration 600 + 380; registratur 500 + 450 + 100; gis 300 + 520 and handläggare
    // 400 + 420 tie at 820 (by key); the title group registratur 10 + 10. planning is in A only,
    // A5 has nothing to compare, C1 is outside both.
    REQUIRE(groups.size() == 5);
    struct Row {
        std::string key;
        bool by_title;
        std::string label;
        std::vector<std::string> in_a, in_b;
        double fte, cost;
    };
    const std::vector<Row> expected{
        {"registratur", false, "Registratur", {"A1"}, {"B1", "B6"}, 3.0, 1050},
        {"administration", false, "Administration", {"A6"}, {"B4"}, 1.75, 980},
        {"gis", false, "gis", {"A2"}, {"B2"}, 1.5, 820},
        {"handläggare", true, "Handläggare 1", {"A3"}, {"B3"}, 2.0, 820},
        {"registratur", true, "Registratur", {"A7"}, {"B5"}, 0.75, 20},
    };
    for (std::size_t i = 0; i < groups.size(); ++i) {
        INFO("group " << i << ": " << groups[i].key);
        CHECK(groups[i].key == expected[i].key);
        CHECK(groups[i].by_title == expected[i].by_title);
        CHECK(groups[i].label == expected[i].label);
        CHECK(ids(m, groups[i].in_a) == expected[i].in_a);
        CHECK(ids(m, groups[i].in_b) == expected[i].in_b);
        CHECK_THAT(groups[i].fte, WithinAbs(expected[i].fte, 1e-12));
        CHECK_THAT(groups[i].cost, WithinAbs(expected[i].cost, 1e-9));
    }

    // The other way round, the same groups with the sides swapped.
    const auto swapped = analysis::merger_overlap(m, unit(m, "B"), unit(m, "A"));
    REQUIRE(swapped.size() == groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        CHECK(swapped[i].key == groups[i].key);
        CHECK(swapped[i].in_a == groups[i].in_b);
        CHECK(swapped[i].in_b == groups[i].in_a);
    }
}

TEST_CASE(
    "merger overlap of a unit with one inside it is the caller's error, naming the merge option",
    "[analysis][overlap]") {
    const auto m = load(kMerger);
    const auto inside =
        option_error([&] { (void)analysis::merger_overlap(m, unit(m, "A.TEAM"), unit(m, "A")); });
    CHECK(inside.option() == "merge");
    CHECK_THAT(inside.message(), Catch::Matchers::Contains("'A.TEAM' lies inside 'A'"));
    const auto same =
        option_error([&] { (void)analysis::merger_overlap(m, unit(m, "B"), unit(m, "B")); });
    CHECK(same.option() == "merge");
}

TEST_CASE("the planning department and the service administration of data/kommun overlap",
          "[analysis][overlap]") {
    const auto m = io::load_model(REORG_DATA_DIR "/kommun");
    const auto plan = unit(m, "KLF.PLAN");
    const auto stf = unit(m, "STF");
    const auto groups = analysis::merger_overlap(m, plan, stf);

    // The data's author names registratur, kommunikation, administration, utredning, GIS and
    // planering; both units also have a head (ledning).
    std::set<std::string> keys;
    for (const auto& g : groups) {
        CHECK_FALSE(g.by_title);
        keys.insert(g.key);
    }
    CHECK(keys == std::set<std::string>{"administration", "gis", "kommunikation", "ledning",
                                        "planering", "registratur", "utredning"});

    const auto& units = model::unit_forest(m);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        INFO(g.key);
        if (i > 0) CHECK(groups[i - 1].cost >= g.cost);
        double cost = 0;
        for (const auto p : g.in_a) {
            CHECK(units.is_ancestor(plan, m[p].unit));
            CHECK(analysis::normalised_function(m[p].function) == g.key);
            cost += m[p].cost;
        }
        for (const auto p : g.in_b) {
            CHECK(units.is_ancestor(stf, m[p].unit));
            CHECK(analysis::normalised_function(m[p].function) == g.key);
            cost += m[p].cost;
        }
        CHECK_THAT(g.cost, WithinAbs(cost, 1e-6));
        if (g.key == "gis") {
            CHECK(g.label == "GIS");
            CHECK(ids(m, g.in_a) == std::vector<std::string>{"KLF.PLAN.007"});
            CHECK(ids(m, g.in_b) == std::vector<std::string>{"STF.GATA.003"});
        }
        if (g.key == "ledning") {
            CHECK(ids(m, g.in_a) == std::vector<std::string>{"PLAN.CHEF"});
            CHECK(ids(m, g.in_b) == std::vector<std::string>{"STF.CHEF"});
        }
    }
}
