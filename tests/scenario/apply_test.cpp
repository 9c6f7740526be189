// Applying scenarios to data/minimal: every change kind, valid and invalid, lineage and the
// affected posts, each checked against the figures worked out by hand from the fixture.
#include "reorg/scenario/apply.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "reorg/model/validate.hpp"
#include "scenario/scenario_support.hpp"

using Catch::Contains;
using namespace reorg;
using reorg::test::apply_to_minimal;
using reorg::test::head_of;
using reorg::test::input_error;
using reorg::test::manager_of;
using reorg::test::minimal;
using reorg::test::parent_of;
using reorg::test::unit_of;
using scenario::Lineage;
using scenario::PostChange;

namespace {

std::size_t links_of_kind(const model::Model& m, model::LinkKind kind) {
    return static_cast<std::size_t>(std::count_if(m.links().begin(), m.links().end(),
                                                  [&](const auto& l) { return l.kind == kind; }));
}

std::vector<std::string> changes_of(const scenario::Applied& applied, std::string_view post) {
    std::vector<std::string> kinds;
    for (const auto& c : applied.affected) {
        if (c.post == post) {
            kinds.push_back(std::string(scenario::to_string(c.change)) + ":" + c.from + ">" + c.to +
                            "@" + std::to_string(c.change_index));
        }
    }
    return kinds;
}

model::UnitId base_unit(std::string_view id) { return *minimal().find_unit(id); }
model::PostId base_post(std::string_view id) { return *minimal().find_post(id); }

}  // namespace

TEST_CASE(
    "merge moves posts and sub-units into the new unit and makes the heads report to its "
    "head",
    "[scenario][apply]") {
    const auto applied = apply_to_minimal(R"(  - merge: [KLF.IT, STF]
    into: {id: SBF, name: Samhällsbygg, parent: KLF}
    head: STF.CHEF
)");
    const auto& m = applied.model;
    CHECK_FALSE(m.find_unit("KLF.IT"));
    CHECK_FALSE(m.find_unit("STF"));
    CHECK(m.units().size() == 3);
    CHECK(parent_of(m, "SBF") == "KLF");
    CHECK(head_of(m, "SBF") == "STF.CHEF");
    CHECK(m[*m.find_unit("SBF")].kind == model::UnitKind::Office);  // the first merged unit's
    CHECK(m[*m.find_unit("SBF")].capacity == 3000);  // the sum of the capacities given
    for (const auto* post : {"IT.CHEF", "KLF.IT.001", "STF.CHEF", "STF.003"}) {
        CHECK(unit_of(m, post) == "SBF");
    }
    CHECK(manager_of(m, "IT.CHEF") == "STF.CHEF");    // the other head reports to the new head
    CHECK(manager_of(m, "KLF.IT.001") == "IT.CHEF");  // everyone else keeps their manager
    // KLF.IT's flow to STF became a flow within SBF and is gone; the one to KLF follows SBF.
    CHECK(links_of_kind(m, model::LinkKind::Serves) == 1);
    // Lineage: both merged units went into SBF, which names them as its origins.
    const auto sbf = *m.find_unit("SBF");
    CHECK(applied.lineage.unit(base_unit("KLF.IT")) == sbf);
    CHECK(applied.lineage.fate(base_unit("STF")) == Lineage::Fate::Merged);
    CHECK(applied.lineage.origins(sbf).size() == 2);
    CHECK(applied.lineage.unit(base_unit("KLF")) == m.find_unit("KLF"));
    CHECK(applied.lineage.fate(base_unit("KLF")) == Lineage::Fate::Kept);
    // Affected: all eight posts of the two units moved, IT.CHEF also got a new manager.
    CHECK(scenario::affected_posts(applied.affected) == 8);
    CHECK(changes_of(applied, "IT.CHEF") ==
          std::vector<std::string>{"unit:KLF.IT>SBF@1", "manager:KC>STF.CHEF@1"});
}

TEST_CASE("merge refuses a head from outside, a new id in use and a parent inside a merged unit",
          "[scenario][apply]") {
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal(
                       "  - merge: [KLF.IT, STF]\n    into: {id: SBF, name: S}\n    head: KC\n");
               }),
               Contains("scenario.yaml:3: change 1 (merge): the head 'KC' is not a post of the "
                        "merged units"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal(
                       "  - merge: [KLF.IT, STF]\n    into: {id: KLF, name: S}\n    head: KC\n");
               }),
               Contains("a unit with id 'KLF' exists already"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal(
                       "  - merge: [KLF, STF]\n    into: {id: X, name: S, parent: KLF.IT}\n    "
                       "head: KC\n");
               }),
               Contains("lies inside one"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal(
                       "  - merge: [KLF.IT, NOPE]\n    into: {id: X, name: S}\n    head: KC\n");
               }),
               Contains("no unit 'NOPE' in the model"));
}

TEST_CASE("split_unit moves the listed posts into new sibling units; the rest stay",
          "[scenario][apply]") {
    const auto applied = apply_to_minimal(R"(  - split_unit:
      unit: STF
      into:
        - {id: STF.FAST, name: Fastighet, head: STF.002, posts: [STF.002, STF.003]}
)");
    const auto& m = applied.model;
    CHECK(parent_of(m, "STF.FAST") == parent_of(m, "STF"));
    CHECK(head_of(m, "STF.FAST") == "STF.002");
    CHECK(head_of(m, "STF") == "STF.CHEF");
    CHECK(unit_of(m, "STF.002") == "STF.FAST");
    CHECK(unit_of(m, "STF.001") == "STF");
    CHECK(manager_of(m, "STF.003") == "STF.CHEF");  // reporting lines stay
    const auto part = *m.find_unit("STF.FAST");
    REQUIRE(applied.lineage.origins(part).size() == 1);
    CHECK(applied.lineage.origins(part)[0] == base_unit("STF"));
    CHECK(applied.lineage.post(base_post("STF.002")) == m.find_post("STF.002"));

    // A part may name its own kind and parent.
    const auto team = apply_to_minimal(
        "  - split_unit: {unit: STF, into: [{id: T, name: T, kind: team, parent: STF, posts: "
        "[STF.003]}]}\n");
    CHECK(parent_of(team.model, "T") == "STF");
    CHECK(team.model[*team.model.find_unit("T")].kind == model::UnitKind::Team);

    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal(
                       "  - split_unit: {unit: STF, into: [{id: A, name: A, posts: [KC]}]}\n");
               }),
               Contains("post 'KC' is not in 'STF' (it is in 'KLF')"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal(
                       "  - split_unit: {unit: STF, into: [{id: A, name: A, head: STF.001, posts: "
                       "[STF.002]}]}\n");
               }),
               Contains("the head 'STF.001' of 'A' is not one of its posts"));
}

TEST_CASE("add_unit, rename_unit and move_unit; a unit cannot move below itself",
          "[scenario][apply]") {
    const auto applied =
        apply_to_minimal(R"(  - add_unit: {id: KS, name: Kommunstyrelsen, kind: committee}
  - move_unit: {unit: KLF, parent: KS}
  - move_unit: {unit: STF, parent: KS}
  - rename_unit: {unit: KLF.IT, name: Digitaliseringskontoret}
)");
    const auto& m = applied.model;
    CHECK(parent_of(m, "KLF") == "KS");
    CHECK(parent_of(m, "KS").empty());
    CHECK(m[*m.find_unit("KLF.IT")].name == "Digitaliseringskontoret");
    CHECK(applied.affected.empty());  // no post changed unit, manager or holder
    CHECK_THAT(
        input_error([] { (void)apply_to_minimal("  - move_unit: {unit: KLF, parent: KLF.IT}\n"); }),
        Contains("change 1 (move_unit): unit-parent cycle: 'KLF.IT' lies inside 'KLF'"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal("  - add_unit: {id: KLF, name: X, kind: team}\n");
               }),
               Contains("a unit with id 'KLF' exists already"));
}

TEST_CASE(
    "remove_unit hands its posts and sub-units to posts_to, which is required when it has "
    "any",
    "[scenario][apply]") {
    const auto applied = apply_to_minimal("  - remove_unit: {unit: KLF.IT, posts_to: STF}\n");
    const auto& m = applied.model;
    CHECK_FALSE(m.find_unit("KLF.IT"));
    CHECK(unit_of(m, "IT.CHEF") == "STF");
    CHECK(unit_of(m, "KLF.IT.003") == "STF");
    CHECK(applied.lineage.unit(base_unit("KLF.IT")) == m.find_unit("STF"));
    CHECK(applied.lineage.fate(base_unit("KLF.IT")) == Lineage::Fate::Removed);
    // KLF.IT's flows now start at STF (the one to STF itself is gone).
    CHECK(links_of_kind(m, model::LinkKind::Serves) == 1);

    CHECK_THAT(input_error([] { (void)apply_to_minimal("  - remove_unit: {unit: KLF.IT}\n"); }),
               Contains("unit 'KLF.IT' has 4 posts and 0 sub-units: name the unit that receives "
                        "them (posts_to)"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal("  - remove_unit: {unit: KLF, posts_to: KLF.IT}\n");
               }),
               Contains("is the removed unit or lies inside it"));
    // An empty unit goes without posts_to, and its membership links with it.
    const auto empty = apply_to_minimal("  - remove_unit: {unit: IT.STYR}\n");
    CHECK(links_of_kind(empty.model, model::LinkKind::MemberOf) == 0);
    CHECK_FALSE(empty.lineage.unit(base_unit("IT.STYR")).has_value());
}

TEST_CASE("add_post takes fte 1 and cost 0 by default and is vacant unless it names a person",
          "[scenario][apply]") {
    const auto applied = apply_to_minimal(
        R"(  - add_post: {id: IT.DRIFT, title: IT-driftschef, unit: KLF.IT, reports_to: KC}
  - add_post: {id: X, title: X, unit: STF, fte: 0.5, cost: 300000, person: P99}
)");
    const auto& m = applied.model;
    const auto& drift = m[*m.find_post("IT.DRIFT")];
    CHECK(drift.fte == 1.0);
    CHECK(drift.cost == 0.0);
    CHECK(drift.vacant());
    const auto& x = m[*m.find_post("X")];
    CHECK(x.fte == 0.5);
    REQUIRE(x.person);
    CHECK(m[*x.person].id == "P99");  // someone the model did not list yet
    CHECK(manager_of(m, "X").empty());
    CHECK(changes_of(applied, "IT.DRIFT") == std::vector<std::string>{"added:>KLF.IT@1"});
    CHECK_THAT(input_error(
                   [] { (void)apply_to_minimal("  - add_post: {id: KC, title: X, unit: KLF}\n"); }),
               Contains("a post with id 'KC' exists already"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal(
                       "  - add_post: {id: Y, title: X, unit: KLF, reports_to: NOPE}\n");
               }),
               Contains("no post 'NOPE' in the model (reports_to)"));
}

TEST_CASE("a new unit's or post's id may not be empty or hold a control character",
          "[scenario][apply]") {
    const auto refused = [](std::string_view change) {
        return input_error([&] { (void)apply_to_minimal(change); });
    };
    CHECK_THAT(refused("  - add_unit: {id: \"B\\x01\", name: X, kind: team}\n"),
               Contains("change 1 (add_unit): the new unit's id holds a control character "
                        "(\\x01) at character 2; ids may not"));
    CHECK_THAT(refused("  - add_unit: {id: \"\", name: X, kind: team}\n"),
               Contains("change 1 (add_unit): the new unit's id is empty"));
    CHECK_THAT(refused("  - add_post: {id: \"P\\x01X\", title: X, unit: KLF}\n"),
               Contains("change 1 (add_post): the new post's id holds a control character "
                        "(\\x01) at character 2; ids may not"));
    CHECK_THAT(refused("  - add_post: {id: \"\", title: X, unit: KLF}\n"),
               Contains("change 1 (add_post): the new post's id is empty"));
    CHECK_THAT(refused("  - add_post: {id: \"T\\tX\", title: X, unit: KLF}\n"),
               Contains("(\\x09) at character 2"));
    CHECK_THAT(refused("  - add_post: {id: \"åC\\x85\", title: X, unit: KLF}\n"),
               Contains("(\\x85) at character 3"));
    // The units a merge or a split makes, and a recruit named by a change, are new ids too.
    CHECK_THAT(refused("  - merge: {units: [KLF.IT, STF], into: {id: \"M\\x7f\", name: M}, "
                       "head: IT.CHEF}\n"),
               Contains("change 1 (merge): the new unit's id holds a control character (\\x7f)"));
    CHECK_THAT(refused("  - add_post: {id: Y, title: X, unit: KLF, person: \"Pe\\x1br\"}\n"),
               Contains("the new person's id holds a control character (\\x1b) at character 3"));
    CHECK_THAT(refused("  - fill_post: {post: KLF.IT.003, person: \"\\0\"}\n"),
               Contains("change 1 (fill_post): the new person's id holds a control character "
                        "(\\x00) at character 1"));
    // A name may hold one.
    const auto named = apply_to_minimal("  - add_unit: {id: NY, name: \"N\\x01y\", kind: team}\n");
    CHECK(named.model[*named.model.find_unit("NY")].name == "N\x01y");
}

TEST_CASE("remove_post hands its reports and the unit it heads to the successor",
          "[scenario][apply]") {
    const auto applied = apply_to_minimal(
        R"(  - add_post: {id: IT.DRIFT, title: IT-driftschef, unit: KLF.IT, reports_to: KC}
  - remove_post: {post: IT.CHEF, successor: IT.DRIFT}
)");
    const auto& m = applied.model;
    CHECK_FALSE(m.find_post("IT.CHEF"));
    CHECK(head_of(m, "KLF.IT") == "IT.DRIFT");
    for (const auto* post : {"KLF.IT.001", "KLF.IT.002", "KLF.IT.003"}) {
        CHECK(manager_of(m, post) == "IT.DRIFT");
    }
    // Its own links go with it: the collaboration with STF.CHEF is not passed on.
    CHECK(links_of_kind(m, model::LinkKind::Collaborates) == 0);
    CHECK(applied.lineage.post(base_post("IT.CHEF")) == m.find_post("IT.DRIFT"));
    CHECK(changes_of(applied, "IT.CHEF") == std::vector<std::string>{"removed:KLF.IT>IT.DRIFT@2"});
    CHECK(changes_of(applied, "KLF.IT.001") ==
          std::vector<std::string>{"manager:IT.CHEF>IT.DRIFT@2"});
    CHECK(scenario::affected_posts(applied.affected) == 5);

    CHECK_THAT(input_error([] { (void)apply_to_minimal("  - remove_post: {post: IT.CHEF}\n"); }),
               Contains("post 'IT.CHEF' has 3 direct reports: name the successor"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal("  - remove_post: {post: IT.CHEF, successor: STF.001}\n");
               }),
               Contains("heads 'KLF.IT', so its successor must be in that unit"));
    // Without reports and heading nothing, a post goes without a successor.
    const auto gone = apply_to_minimal("  - remove_post: {post: KLF.IT.003}\n");
    CHECK_FALSE(gone.lineage.post(base_post("KLF.IT.003")).has_value());
}

TEST_CASE("a successor who reported to the removed post takes its place above",
          "[scenario][apply]") {
    const auto applied =
        apply_to_minimal("  - remove_post: {post: IT.CHEF, successor: KLF.IT.001}\n");
    const auto& m = applied.model;
    CHECK(manager_of(m, "KLF.IT.001") == "KC");
    CHECK(manager_of(m, "KLF.IT.002") == "KLF.IT.001");
    CHECK(head_of(m, "KLF.IT") == "KLF.IT.001");
}

TEST_CASE("removed successors are followed: lineage ends at the live post", "[scenario][apply]") {
    const auto applied = apply_to_minimal(R"(  - remove_post: {post: IT.CHEF, successor: KLF.IT.001}
  - remove_post: {post: KLF.IT.001, successor: KLF.IT.002}
)");
    CHECK(applied.lineage.post(base_post("IT.CHEF")) == applied.model.find_post("KLF.IT.002"));
}

TEST_CASE("move_post and set_reports_to change the unit and manager, refusing cycles",
          "[scenario][apply]") {
    const auto applied =
        apply_to_minimal(R"(  - move_post: {post: STF.001, unit: KLF, reports_to: EKO.CHEF}
  - move_post: {post: KLF.IT.002, unit: STF}
  - set_reports_to: {post: STF.003, reports_to: ""}
)");
    const auto& m = applied.model;
    CHECK(unit_of(m, "STF.001") == "KLF");
    CHECK(manager_of(m, "STF.001") == "EKO.CHEF");
    CHECK(manager_of(m, "KLF.IT.002") == "IT.CHEF");  // reports_to left out: unchanged
    CHECK(manager_of(m, "STF.003").empty());
    CHECK(changes_of(applied, "STF.001") ==
          std::vector<std::string>{"unit:STF>KLF@1", "manager:STF.CHEF>EKO.CHEF@1"});
    CHECK_THAT(
        input_error([] {
            (void)apply_to_minimal("  - set_reports_to: {post: KC, reports_to: KLF.IT.001}\n");
        }),
        Contains("change 1 (set_reports_to): reporting cycle: 'KLF.IT.001' reports to "
                 "'KC', directly or not"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal("  - set_reports_to: {post: KC, reports_to: KC}\n");
               }),
               Contains("'KC' would report to itself"));
}

TEST_CASE("vacate_post and fill_post change the holder only", "[scenario][apply]") {
    const auto applied = apply_to_minimal(R"(  - vacate_post: {post: IT.CHEF}
  - fill_post: {post: KLF.IT.003, person: P04}
)");
    const auto& m = applied.model;
    CHECK(m[*m.find_post("IT.CHEF")].vacant());
    CHECK(m[*m[*m.find_post("KLF.IT.003")].person].id == "P04");
    CHECK(changes_of(applied, "IT.CHEF") == std::vector<std::string>{"holder:P03>@1"});
    CHECK(changes_of(applied, "KLF.IT.003") == std::vector<std::string>{"holder:>P04@2"});
    CHECK_THAT(input_error([] { (void)apply_to_minimal("  - vacate_post: {post: KLF.IT.003}\n"); }),
               Contains("is vacant already"));
}

TEST_CASE("links are added, removed and rerouted; memberships need a group", "[scenario][apply]") {
    const auto applied =
        apply_to_minimal(R"(  - add_link: {from: STF, to: KLF, kind: serves, weight: 100}
  - remove_link: {from: KLF.IT, to: KLF, kind: serves}
  - reroute: {kind: serves, from: KLF.IT, to: KLF}
  - add_member: {post: EKO.CHEF, group: IT.STYR}
  - remove_member: {post: KC, group: IT.STYR}
)");
    const auto& m = applied.model;
    // STF→KLF added; KLF.IT→KLF removed; KLF.IT→STF rerouted to KLF→STF.
    CHECK(links_of_kind(m, model::LinkKind::Serves) == 2);
    const auto klf = *m.find_unit("KLF");
    CHECK(std::count_if(m.links().begin(), m.links().end(), [&](const model::Link& l) {
              return l.kind == model::LinkKind::Serves && l.from == model::Ref(klf);
          }) == 1);
    CHECK(links_of_kind(m, model::LinkKind::MemberOf) == 2);
    CHECK_THAT(
        input_error([] { (void)apply_to_minimal("  - add_member: {post: KC, group: IT.STYR}\n"); }),
        Contains("'KC' is a member of 'IT.STYR' already"));
    CHECK_THAT(
        input_error([] { (void)apply_to_minimal("  - add_member: {post: KC, group: STF}\n"); }),
        Contains("'STF' is an administration, not a group"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal("  - remove_link: {from: STF, to: KLF, kind: serves}\n");
               }),
               Contains("no serves link from 'STF' to 'KLF'"));
    CHECK_THAT(
        input_error([] {
            (void)apply_to_minimal("  - reroute: {kind: dotted_line, from: KC, to: EKO.CHEF}\n");
        }),
        Contains("no dotted_line link at 'KC'"));
    CHECK_THAT(input_error([] {
                   (void)apply_to_minimal("  - reroute: {kind: serves, from: KLF.IT, to: STF}\n");
               }),
               Contains("the serves link between 'KLF.IT' and 'STF' would join 'STF' to itself"));
    CHECK_THAT(
        input_error([] {
            (void)apply_to_minimal("  - add_link: {from: KC, to: STF, kind: collaborates}\n");
        }),
        Contains("joins two posts or two units"));
}

TEST_CASE("all or nothing: the first invalid change stops the scenario, named with its line",
          "[scenario][apply]") {
    const auto message = input_error([] {
        (void)apply_to_minimal(R"(  - move_post: {post: STF.001, unit: KLF}
  - rename_unit: {unit: KLF, name: X}
  - move_post: {post: NOPE, unit: KLF}
  - move_post: {post: ALSO_NOPE, unit: KLF}
)");
    });
    CHECK_THAT(message, Contains("scenario.yaml:5: change 3 (move_post): no post 'NOPE' in the "
                                 "model (post)"));
    CHECK(minimal().find_post("STF.001"));
    CHECK(std::string(minimal()[*minimal().find_unit("KLF")].name) ==
          "Kommunledningsförvaltningen");
}

TEST_CASE("the result is checked as a model: a head left outside its unit names its change",
          "[scenario][apply]") {
    CHECK_THAT(
        input_error([] { (void)apply_to_minimal("  - move_post: {post: IT.CHEF, unit: STF}\n"); }),
        Contains("change 1 (move_post): unit 'KLF.IT': head post 'IT.CHEF' is outside "
                 "the unit"));
    // A unit added with a head that a later change moves into it is fine.
    const auto applied = apply_to_minimal(
        R"(  - add_unit: {id: NEW, name: Ny, kind: team, parent: KLF, head: KLF.IT.002}
  - move_post: {post: KLF.IT.002, unit: NEW}
)");
    CHECK(head_of(applied.model, "NEW") == "KLF.IT.002");
    const auto issues = model::check_structure(applied.model);
    CHECK(std::none_of(issues.begin(), issues.end(),
                       [](const auto& i) { return i.severity == Severity::Error; }));
}

TEST_CASE("findings of the result name what they were about through lineage", "[scenario][apply]") {
    const auto applied =
        apply_to_minimal(R"(  - add_post: {id: IT.DRIFT, title: D, unit: KLF.IT, reports_to: KC}
  - remove_post: {post: IT.CHEF, successor: IT.DRIFT}
  - merge: [KLF.IT, STF]
    into: {id: SBF, name: S}
    head: STF.CHEF
)");
    const auto& m = applied.model;
    const auto& f02 = m[*m.find_finding("F02")];  // about KLF.IT and IT.CHEF
    std::vector<std::string> about;
    for (const auto ref : f02.about) about.emplace_back(m.id_of(ref));
    CHECK(about == std::vector<std::string>{"SBF", "IT.DRIFT"});
}

TEST_CASE("past 100 000 links the links are indexed on a second thread, to the same result",
          "[scenario][apply]") {
    // Posts P1..P1999 under P0, each joined to the next 51 around the ring: 101,949 links,
    // past the size where the links are indexed on a second thread and carried over there.
    constexpr int kPosts = 2000;
    constexpr int kNext = 51;
    std::vector<std::string> ids;
    for (int i = 0; i < kPosts; ++i) ids.push_back("P" + std::to_string(i));
    model::ModelParts parts;
    parts.units.push_back({"U", "Enheten", model::UnitKind::Department, {}, {}, {}});
    for (int i = 0; i < kPosts; ++i) {
        model::Post post;
        post.id = ids[static_cast<std::size_t>(i)];
        post.title = "Handläggare";
        post.unit = model::at<model::UnitId>(0);
        if (i > 0) post.reports_to = model::at<model::PostId>(0);
        parts.posts.push_back(post);
    }
    const auto post = [](int i) { return model::Ref(model::at<model::PostId>(std::size_t(i))); };
    for (int i = 1; i < kPosts; ++i) {
        for (int d = 1; d <= kNext; ++d) {
            const int j = 1 + (i - 1 + d) % (kPosts - 1);
            parts.links.push_back({post(i), post(j), model::LinkKind::Collaborates, 1.0, {}});
        }
    }
    REQUIRE(parts.links.size() >= 100'000);
    const model::Model base(parts);
    const auto degree = [](const model::Model& m, std::string_view id) {
        const model::Ref at = *m.find_post(id);
        return std::count_if(m.links().begin(), m.links().end(),
                             [&](const auto& l) { return l.from == at || l.to == at; });
    };
    const auto between = [](const model::Model& m, std::string_view a, std::string_view b) {
        const model::Ref x = *m.find_post(a), y = *m.find_post(b);
        return std::count_if(m.links().begin(), m.links().end(), [&](const auto& l) {
            return (l.from == x && l.to == y) || (l.from == y && l.to == x);
        });
    };
    REQUIRE(between(base, "P5", "P7") == 1);

    const auto applied = scenario::apply(base, reorg::test::changes(R"(  - remove_post: {post: P5}
  - reroute: {kind: collaborates, from: P7, to: P1500}
  - add_post: {id: NY, title: Ny, unit: U, reports_to: P0}
  - add_link: {from: NY, to: P9, kind: collaborates}
)"));
    const auto& m = applied.model;
    CHECK(m.posts().size() == kPosts);
    CHECK(m.links().size() == base.links().size() - std::size_t(degree(base, "P5")) + 1);
    CHECK(degree(m, "P7") == 0);
    // P7's links but the one to P5 (removed first) now end at P1500.
    CHECK(degree(m, "P1500") == degree(base, "P1500") + degree(base, "P7") - 1);
    CHECK(between(m, "P1500", "P8") == 1);
    CHECK(between(m, "NY", "P9") == 1);
    CHECK(degree(m, "P9") == degree(base, "P9") - between(base, "P9", "P5") + 1);
    CHECK(std::none_of(m.links().begin(), m.links().end(), [&](const auto& l) {
        return model::index(std::get<model::PostId>(l.from)) >= m.posts().size() ||
               model::index(std::get<model::PostId>(l.to)) >= m.posts().size();
    }));
    // In the base's order, whichever thread carried them: P5's links gone, P7's ending at
    // P1500, the new one last.
    std::vector<std::pair<std::string, std::string>> expected, got;
    for (const auto& l : base.links()) {
        const std::string a(base.id_of(l.from)), b(base.id_of(l.to));
        if (a == "P5" || b == "P5") continue;
        expected.emplace_back(a == "P7" ? "P1500" : a, b == "P7" ? "P1500" : b);
    }
    expected.emplace_back("NY", "P9");
    for (const auto& l : m.links()) got.emplace_back(m.id_of(l.from), m.id_of(l.to));
    CHECK(got == expected);
    // Touched: the removed post's links and the rerouted ones, by base position.
    REQUIRE(applied.touched.size() == 4);
    CHECK(applied.touched[0].links.size() == std::size_t(degree(base, "P5")));
    CHECK(applied.touched[1].links.size() == std::size_t(degree(base, "P7") - 1));
}

TEST_CASE("the result's warnings are listed up to the cap and counted beyond it",
          "[scenario][apply]") {
    // Sixty units, each headed by a vacant post: sixty warnings on any result.
    std::vector<std::string> ids;
    for (int i = 0; i < 60; ++i) ids.push_back("U" + std::to_string(i));
    model::ModelParts parts;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        parts.units.push_back({ids[i], ids[i], model::UnitKind::Department, {}, {}, {}});
        model::Post head;
        head.id = ids[i];
        head.title = "Chef";
        head.unit = model::at<model::UnitId>(i);
        parts.posts.push_back(head);
        parts.units.back().head = model::at<model::PostId>(i);
    }
    const model::Model base(parts);
    const auto applied =
        scenario::apply(base, reorg::test::changes("  - rename_unit: {unit: U0, name: Noll}\n"));
    REQUIRE(applied.warnings.size() == Diagnostics::kDefaultMaxListed);
    CHECK(applied.warnings_not_listed == 60 - Diagnostics::kDefaultMaxListed);
    CHECK_THAT(applied.warnings.front().message, Contains("head post 'U0' of 'U0' is vacant"));
}
