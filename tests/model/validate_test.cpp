#include <array>
#include <catch2/catch.hpp>
#include <string>

#include "reorg/model/validate.hpp"

#include "reorg/io/load.hpp"
#include "support/temp_folder.hpp"

using namespace reorg::model;
using Catch::Contains;

namespace {

// Rows built from string literals, which outlive the model, so no arena is needed.
struct Fixture {
    ModelParts parts;

    UnitId unit(std::string_view id, std::optional<UnitId> parent = {}) {
        parts.units.push_back({id, id, UnitKind::Department, parent, {}, {}});
        return at<UnitId>(parts.units.size() - 1);
    }
    PostId post(std::string_view id, UnitId unit, std::optional<PostId> reports_to = {},
                bool vacant = false) {
        if (!vacant) parts.people.push_back({id, {}});
        parts.posts.push_back(
            {id,
             id,
             {},
             unit,
             reports_to,
             1.0,
             0.0,
             vacant ? std::nullopt : std::optional(at<PersonId>(parts.people.size() - 1))});
        return at<PostId>(parts.posts.size() - 1);
    }
    void head(UnitId unit, PostId post) { parts.units[index(unit)].head = post; }
    void reports(PostId post, PostId to) { parts.posts[index(post)].reports_to = to; }

    std::vector<StructureIssue> issues() const { return check_structure(Model(parts)); }
};

std::vector<StructureIssue> only(const std::vector<StructureIssue>& issues,
                                 reorg::Severity severity) {
    std::vector<StructureIssue> kept;
    for (const auto& issue : issues) {
        if (issue.severity == severity) kept.push_back(issue);
    }
    return kept;
}

}  // namespace

/*
 *   ORG (head A)          A
 *    └── DEV (head B)    / \
 *                       B   C      B: D, E
 *                      / \
 *                     D   E
 */
TEST_CASE("a well-formed organisation has no structural issues", "[model][validate]") {
    Fixture f;
    const auto org = f.unit("ORG");
    const auto dev = f.unit("DEV", org);
    const auto a = f.post("A", org);
    const auto b = f.post("B", dev, a);
    f.post("C", org, a);
    f.post("D", dev, b);
    f.post("E", dev, b);
    f.head(org, a);
    f.head(dev, b);
    CHECK(f.issues().empty());
}

TEST_CASE("a reporting cycle is an error naming every post in it", "[model][validate]") {
    Fixture f;
    const auto org = f.unit("ORG");
    const auto top = f.post("TOP", org);
    const auto x = f.post("X", org, top);
    const auto y = f.post("Y", org, x);
    const auto z = f.post("Z", org, y);
    f.reports(x, z);  // X -> Z -> Y -> X
    const auto errors = only(f.issues(), reorg::Severity::Error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].table == Table::Posts);
    CHECK(errors[0].row == index(x));
    CHECK(errors[0].column == "reports_to");
    CHECK(errors[0].message == "reporting cycle: 'X' -> 'Z' -> 'Y' -> 'X'");
}

TEST_CASE("a unit-parent cycle is an error naming every unit in it", "[model][validate]") {
    Fixture f;
    const auto a = f.unit("A");
    const auto b = f.unit("B", a);
    f.parts.units[index(a)].parent = b;
    f.post("P", a);
    const auto errors = only(f.issues(), reorg::Severity::Error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].table == Table::Units);
    CHECK(errors[0].column == "parent");
    CHECK_THAT(errors[0].message, Contains("'A'") && Contains("'B'") && Contains("cycle"));
}

TEST_CASE("a head post outside its unit is an error", "[model][validate]") {
    Fixture f;
    const auto org = f.unit("ORG");
    const auto dev = f.unit("DEV", org);
    const auto a = f.post("A", org);
    f.head(org, a);
    f.head(dev, a);
    const auto errors = only(f.issues(), reorg::Severity::Error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].row == index(dev));
    CHECK(errors[0].column == "head");
    CHECK_THAT(errors[0].message, Contains("'A'") && Contains("outside"));
}

TEST_CASE("vacant heads, single reports and posts beside their head are warnings",
          "[model][validate]") {
    Fixture f;
    const auto org = f.unit("ORG");
    const auto dev = f.unit("DEV", org);
    const auto a = f.post("A", org);
    const auto b = f.post("B", dev, a, /*vacant=*/true);
    f.post("C", dev, b);  // B has a single report
    f.post("D", dev, a);  // in DEV, but reports past DEV's head B
    f.head(org, a);
    f.head(dev, b);
    const auto issues = f.issues();
    CHECK(only(issues, reorg::Severity::Error).empty());
    const auto warnings = only(issues, reorg::Severity::Warning);
    REQUIRE(warnings.size() == 3);
    CHECK_THAT(warnings[0].message, Contains("'B'") && Contains("vacant"));
    CHECK_THAT(warnings[1].message, Contains("'B'") && Contains("single direct report"));
    CHECK_THAT(warnings[2].message, Contains("'D'") && Contains("head of its unit"));
}

TEST_CASE("a unit without a head defers to the head of the unit above", "[model][validate]") {
    Fixture f;
    const auto org = f.unit("ORG");
    const auto team = f.unit("TEAM", org);  // no head of its own
    const auto a = f.post("A", org);
    f.head(org, a);
    f.post("T1", team, a);
    f.post("T2", team, a);
    const auto loose = f.post("LOOSE", team);  // a second top post: nobody above it
    const auto warnings = only(f.issues(), reorg::Severity::Warning);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].row == index(loose));
}

TEST_CASE("a large model lists its issues in the same order as a small one", "[model][validate]") {
    // Past 100,000 rows the range checks run on a second thread; their issues still come
    // first, then the cycles and heads, as for a small model.
    for (const std::size_t links : {std::size_t{10}, std::size_t{100'000}}) {
        Fixture f;
        const auto u = f.unit("U");
        const auto a = f.post("A", u);
        const auto b = f.post("B", u, a);
        f.reports(a, b);  // A -> B -> A
        f.parts.posts[index(b)].cost = -1;
        for (std::size_t i = 0; i < links; ++i) {
            f.parts.links.push_back({a, b, LinkKind::Collaborates, 1.0, {}});
        }
        f.parts.links.back().weight = -2;
        const auto issues = f.issues();
        INFO(links << " links");
        REQUIRE(issues.size() == 3);
        CHECK(issues[0].table == Table::Posts);
        CHECK(issues[0].column == "cost");
        CHECK(issues[1].table == Table::Links);
        CHECK(issues[1].row == links - 1);
        CHECK_THAT(issues[2].message, Contains("reporting cycle"));
    }
}

TEST_CASE("warnings past the listed count are counted, not worded; errors are all worded",
          "[model][validate]") {
    // Ten units with vacant heads: ten warnings. A negative cost: an error, worded whatever
    // the count.
    Fixture f;
    static const std::array<std::string_view, 10> ids{"U0", "U1", "U2", "U3", "U4",
                                                      "U5", "U6", "U7", "U8", "U9"};
    for (const auto id : ids) {
        const auto u = f.unit(id);
        f.head(u, f.post(id, u, {}, true));
    }
    f.parts.posts[0].cost = -1;
    const Model model(f.parts);
    const auto all = check_structure(model);
    const auto capped = check_structure(model, 3);
    REQUIRE(capped.size() == all.size());
    const auto warnings = only(capped, reorg::Severity::Warning);
    REQUIRE(warnings.size() == 10);
    for (std::size_t i = 0; i < warnings.size(); ++i) {
        INFO("warning " << i);
        CHECK(warnings[i].message.empty() == (i >= 3));
        CHECK(warnings[i].row == only(all, reorg::Severity::Warning)[i].row);
    }
    const auto errors = only(capped, reorg::Severity::Error);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0].message, Contains("must be from 0"));
}

TEST_CASE("a single report that stands for a group of staff is no single report",
          "[model][validate]") {
    reorg::test::TempFolder folder;
    folder.write("m/units.csv", "id,name,kind,parent,head,capacity\nAGY,Agency,office,,CE,\n");
    folder.write("m/posts.csv",
                 "id,title,unit,reports_to,function,fte,cost,person\n"
                 "CE,Chief Executive,AGY,,lead,1,,A\n"
                 "D1,Director,AGY,CE,lead,1,,B\n"
                 "J1,Administrators,AGY,D1,admin,7,,C\n"
                 "D2,Director,AGY,CE,lead,1,,D\n"
                 "J2,Administrator,AGY,D2,admin,1,,E\n");
    const auto model = reorg::io::load_model(folder.path() / "m");
    const auto warnings = only(reorg::model::check_structure(model), reorg::Severity::Warning);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0].message, Contains("'D2'") && Contains("single direct report"));
}
