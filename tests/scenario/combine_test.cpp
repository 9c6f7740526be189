// Combining two organisations (SPEC §7, `reorg combine`): ids prefixed everywhere, references
// re-pointed to the same elements, roots under the top unit, collisions listed in full, and the
// combined figures equal to the sum of both sides' (the analysis of each side as the oracle).
#include "reorg/scenario/combine.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "reorg/analysis/structure.hpp"
#include "reorg/io/save.hpp"
#include "reorg/model/validate.hpp"
#include "scenario/scenario_support.hpp"
#include "support/model_fixture.hpp"
#include "support/same_model.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using Catch::Matchers::WithinRel;
using namespace reorg;
using reorg::test::head_of;
using reorg::test::load_yaml;
using reorg::test::manager_of;
using reorg::test::minimal;
using reorg::test::parent_of;
using reorg::test::unit_of;
using scenario::combine;
using scenario::CombineOptions;

namespace {

/*
 * North (A):                         South (B):
 *
 *   NORD (admin, head KC)  PARTNER     SYD (admin, head SC)
 *   └── IT (head ITC)      (external,  └── IT (head ITC)
 *                           head PVD)
 *   KC (P1)                PVD          SC (P1)
 *   └── ITC (P2)                        └── ITC (P3)
 *       ├── IT1                             └── IT9
 *       └── IT2
 *
 * A: IT1 dotted line to KC, IT serves NORD (100), PVD collaborates with ITC; F1 is about IT and
 * ITC because of C1, C1 about NORD. B: IT9 dotted line to SC, IT serves SYD (50); F1 works about
 * IT9, F2 is about ITC because of C7, C7 about SYD. Ids in both: unit IT, post ITC, person P1,
 * finding F1. Units of A carry an unknown column `code`, units of B `code` and `region`.
 */
constexpr std::string_view kNorth = R"(units:
  - {id: NORD, name: Nordkommun, kind: administration, head: KC, code: "100"}
  - {id: IT, name: IT-kontoret, kind: office, parent: NORD, head: ITC, code: "110"}
  - {id: PARTNER, name: Partner AB, kind: external, head: PVD, code: "900"}
posts:
  - {id: KC, title: Kommunchef, unit: NORD, cost: 100, person: P1}
  - {id: ITC, title: IT-chef, unit: IT, reports_to: KC, cost: 80, person: P2}
  - {id: IT1, title: Tekniker, unit: IT, reports_to: ITC, cost: 50}
  - {id: IT2, title: Tekniker, unit: IT, reports_to: ITC, cost: 50, fte: 0.5}
  - {id: PVD, title: VD, unit: PARTNER, cost: 70}
people:
  - {id: P1, name: Testperson Ett}
  - {id: P2, name: Testperson Två}
links:
  - {from: IT1, to: KC, kind: dotted_line}
  - {from: IT, to: NORD, kind: serves, weight: 100}
  - {from: PVD, to: ITC, kind: collaborates, weight: 2}
findings:
  - {id: F1, kind: doesnt_work, statement: IT levererar sent, about: [IT, ITC], because: [C1]}
  - {id: C1, kind: cause, statement: Ingen prioritering, about: [NORD]}
)";

constexpr std::string_view kSouth = R"(units:
  - {id: SYD, name: Sydkommun, kind: administration, head: SC, code: "200", region: syd}
  - {id: IT, name: IT-enheten, kind: office, parent: SYD, head: ITC, code: "210", region: syd}
posts:
  - {id: SC, title: Kommunchef, unit: SYD, cost: 110, person: P1}
  - {id: ITC, title: IT-chef, unit: IT, reports_to: SC, cost: 85, person: P3}
  - {id: IT9, title: Tekniker, unit: IT, reports_to: ITC, cost: 55}
people:
  - {id: P1, name: Testperson Tre}
  - {id: P3, name: Testperson Fyra}
links:
  - {from: IT9, to: SC, kind: dotted_line}
  - {from: IT, to: SYD, kind: serves, weight: 50}
findings:
  - {id: F1, kind: works, statement: Supporten svarar snabbt, about: [IT9]}
  - {id: F2, kind: doesnt_work, statement: IT-chefen hinner inte, about: [ITC], because: [C7]}
  - {id: C7, kind: cause, statement: För många möten, about: [SYD]}
)";

const model::Model& north() {
    static const model::Model model = load_yaml(kNorth);
    return model;
}

const model::Model& south() {
    static const model::Model model = load_yaml(kSouth);
    return model;
}

CombineOptions prefixed(std::string top_id = "TOP", std::string top_name = "Nord + Syd") {
    return {.prefix_a = "N",
            .prefix_b = "S",
            .top_id = std::move(top_id),
            .top_name = std::move(top_name)};
}

std::string ref_id(const model::Model& m, model::Ref ref) {
    return (std::holds_alternative<model::PostId>(ref) ? "post " : "unit ") +
           std::string(m.id_of(ref));
}

// Each link as "from -> to kind", ends named by id.
std::vector<std::string> link_texts(const model::Model& m) {
    std::vector<std::string> texts;
    for (const auto& link : m.links()) {
        texts.push_back(ref_id(m, link.from) + " -> " + ref_id(m, link.to) + " " +
                        std::string(model::to_string(link.kind)));
    }
    return texts;
}

const model::Finding& finding(const model::Model& m, std::string_view id) {
    const auto f = m.find_finding(id);
    INFO("finding " << id);
    REQUIRE(f);
    return m[*f];
}

std::vector<std::string> about_of(const model::Model& m, std::string_view id) {
    std::vector<std::string> ids;
    for (const auto ref : finding(m, id).about) ids.push_back(ref_id(m, ref));
    return ids;
}

std::vector<std::string> because_of(const model::Model& m, std::string_view id) {
    std::vector<std::string> ids;
    for (const auto cause : finding(m, id).because) ids.emplace_back(m[cause].id);
    return ids;
}

std::string person_of(const model::Model& m, std::string_view post) {
    const auto p = m.find_post(post);
    REQUIRE(p);
    const auto& person = m[*p].person;
    return person ? std::string(m[*person].id) + " " + std::string(m[*person].name) : std::string();
}

// The messages of the InputError `call` throws (fails the test if it throws none).
template <class Call>
std::vector<std::string> input_errors(Call&& call) {
    try {
        call();
    } catch (const InputError& error) {
        std::vector<std::string> messages;
        for (const auto& e : error.errors()) messages.push_back(e.message);
        return messages;
    }
    FAIL("no InputError");
    return {};
}

// The option named by the OptionError `call` throws, and its message.
template <class Call>
std::pair<std::string, std::string> option_error(Call&& call) {
    try {
        call();
    } catch (const OptionError& error) {
        return {error.option(), error.message()};
    }
    FAIL("no OptionError");
    return {};
}

}  // namespace

TEST_CASE("combine prefixes the ids of units, posts, people and findings of each side",
          "[scenario][combine]") {
    const auto m = combine(north(), south(), prefixed());
    std::vector<std::string> units;
    for (const auto& u : m.units()) units.emplace_back(u.id);
    CHECK(units == std::vector<std::string>{"N.NORD", "N.IT", "N.PARTNER", "S.SYD", "S.IT", "TOP"});
    std::vector<std::string> posts;
    for (const auto& p : m.posts()) posts.emplace_back(p.id);
    CHECK(posts == std::vector<std::string>{"N.KC", "N.ITC", "N.IT1", "N.IT2", "N.PVD", "S.SC",
                                            "S.ITC", "S.IT9"});
    std::vector<std::string> people;
    for (const auto& p : m.people()) people.emplace_back(p.id);
    CHECK(people == std::vector<std::string>{"N.P1", "N.P2", "S.P1", "S.P3"});
    std::vector<std::string> findings;
    for (const auto& f : m.findings()) findings.emplace_back(f.id);
    CHECK(findings == std::vector<std::string>{"N.F1", "N.C1", "S.F1", "S.F2", "S.C7"});
    // Nothing else about a row changes.
    CHECK(m[*m.find_unit("S.IT")].name == "IT-enheten");
    CHECK(m[*m.find_post("S.ITC")].title == "IT-chef");
    CHECK(m[*m.find_post("N.IT2")].fte == 0.5);
    CHECK(finding(m, "S.F2").statement == "IT-chefen hinner inte");
    CHECK(finding(m, "S.F1").kind == model::FindingKind::Works);
}

TEST_CASE("combine re-points every reference of the second side to the same elements",
          "[scenario][combine]") {
    const auto m = combine(north(), south(), prefixed());
    CHECK(parent_of(m, "N.IT") == "N.NORD");
    CHECK(parent_of(m, "S.IT") == "S.SYD");
    CHECK(head_of(m, "N.IT") == "N.ITC");
    CHECK(head_of(m, "S.IT") == "S.ITC");
    CHECK(head_of(m, "S.SYD") == "S.SC");
    CHECK(head_of(m, "N.PARTNER") == "N.PVD");
    CHECK(manager_of(m, "S.IT9") == "S.ITC");
    CHECK(manager_of(m, "S.ITC") == "S.SC");
    CHECK(manager_of(m, "S.SC").empty());
    CHECK(manager_of(m, "N.IT1") == "N.ITC");
    CHECK(unit_of(m, "S.IT9") == "S.IT");
    CHECK(unit_of(m, "N.PVD") == "N.PARTNER");
    CHECK(person_of(m, "S.ITC") == "S.P3 Testperson Fyra");
    CHECK(person_of(m, "S.SC") == "S.P1 Testperson Tre");
    CHECK(person_of(m, "N.KC") == "N.P1 Testperson Ett");
    CHECK(person_of(m, "S.IT9").empty());

    CHECK(link_texts(m) == std::vector<std::string>{
                               "post N.IT1 -> post N.KC dotted_line",
                               "unit N.IT -> unit N.NORD serves",
                               "post N.PVD -> post N.ITC collaborates",
                               "post S.IT9 -> post S.SC dotted_line",
                               "unit S.IT -> unit S.SYD serves",
                           });
    CHECK(m.links()[4].weight == 50);

    CHECK(about_of(m, "N.F1") == std::vector<std::string>{"unit N.IT", "post N.ITC"});
    CHECK(because_of(m, "N.F1") == std::vector<std::string>{"N.C1"});
    CHECK(about_of(m, "S.F1") == std::vector<std::string>{"post S.IT9"});
    CHECK(about_of(m, "S.F2") == std::vector<std::string>{"post S.ITC"});
    CHECK(because_of(m, "S.F2") == std::vector<std::string>{"S.C7"});
    CHECK(about_of(m, "S.C7") == std::vector<std::string>{"unit S.SYD"});
    CHECK(because_of(m, "S.C7").empty());
}

TEST_CASE("combine puts both sides' roots under the top unit, external organisations aside",
          "[scenario][combine]") {
    const auto m = combine(north(), south(), prefixed("GEM", "Gemensam kommun"));
    const auto top = m.find_unit("GEM");
    REQUIRE(top);
    CHECK(m[*top].name == "Gemensam kommun");
    CHECK(m[*top].kind == model::UnitKind::Administration);
    CHECK_FALSE(m[*top].head);
    CHECK_FALSE(m[*top].parent);
    CHECK(parent_of(m, "N.NORD") == "GEM");
    CHECK(parent_of(m, "S.SYD") == "GEM");
    // An external partner is its own root (SPEC §2), in the combined model as before.
    CHECK(parent_of(m, "N.PARTNER").empty());
    for (const auto& issue : model::check_structure(m)) CHECK(issue.severity != Severity::Error);

    // Without a name, the top unit is named by its id.
    const auto unnamed = combine(north(), south(), {.prefix_a = "N", .prefix_b = "S"});
    CHECK(unnamed[*unnamed.find_unit("TOP")].name == "TOP");
}

TEST_CASE("combine keeps unknown columns: the union of both sides', empty where a side lacks one",
          "[scenario][combine]") {
    const auto m = combine(north(), south(), prefixed());
    const auto& extra = m.extra(model::Table::Units);
    REQUIRE(extra.names == std::vector<std::string>{"code", "region"});
    const auto row = [&](std::string_view unit) {
        const auto values = extra.row(model::index(*m.find_unit(unit)));
        return std::vector<std::string>(values.begin(), values.end());
    };
    CHECK(row("N.NORD") == std::vector<std::string>{"100", ""});
    CHECK(row("N.PARTNER") == std::vector<std::string>{"900", ""});
    CHECK(row("S.IT") == std::vector<std::string>{"210", "syd"});
    CHECK(row("TOP") == std::vector<std::string>{"", ""});
    CHECK(m.extra(model::Table::Posts).names.empty());
}

TEST_CASE("combine with a prefix on one side only keeps the other side's ids",
          "[scenario][combine]") {
    const auto m = combine(north(), south(), {.prefix_b = "S"});
    CHECK(m.find_unit("IT"));
    CHECK(m.find_unit("S.IT"));
    CHECK(manager_of(m, "S.ITC") == "S.SC");
    CHECK(manager_of(m, "ITC") == "KC");
    CHECK(because_of(m, "F1") == std::vector<std::string>{"C1"});
}

TEST_CASE("combine without prefixes names every id that is in both models, of every table",
          "[scenario][combine]") {
    const auto messages = input_errors([] { (void)combine(north(), south(), {}); });
    CHECK(messages == std::vector<std::string>{
                          "unit 'IT' is in both models",
                          "post 'ITC' is in both models",
                          "person 'P1' is in both models",
                          "finding 'F1' is in both models",
                      });
    // Prefixes that leave ids equal collide as well.
    CHECK(input_errors([] {
              (void)combine(minimal(), minimal(), {.prefix_a = "X", .prefix_b = "X"});
          }).size() == minimal().units().size() + minimal().posts().size() +
                           minimal().people().size() + minimal().findings().size());
}

TEST_CASE("combine refuses a top id that a unit or post of either side already has",
          "[scenario][combine]") {
    auto [option, message] =
        option_error([] { (void)combine(north(), south(), prefixed("S.IT")); });
    CHECK(option == "top");
    CHECK_THAT(message, Contains("'S.IT'") && Contains("unit of the second model"));
    std::tie(option, message) =
        option_error([] { (void)combine(north(), south(), prefixed("N.KC")); });
    CHECK(option == "top");
    CHECK_THAT(message, Contains("'N.KC'") && Contains("post of the first model"));
    // Unprefixed, the default top id is free unless a side uses it.
    const auto with_top =
        load_yaml("units:\n  - {id: TOP, name: Topp}\nposts:\n  - {id: X, unit: TOP}\n");
    std::tie(option, message) = option_error([&] { (void)combine(with_top, north(), {}); });
    CHECK(option == "top");
    CHECK_THAT(message, Contains("'TOP'"));
    CHECK_NOTHROW(combine(with_top, north(), {.top_id = "ALL"}));
}

TEST_CASE("combine refuses prefixes and top ids that are no ids", "[scenario][combine]") {
    for (const auto& bad : {std::string("a b"), std::string("x;y"), std::string("tab\there"),
                            std::string("esc\x1b")}) {
        INFO(bad);
        auto [option, message] =
            option_error([&] { (void)combine(north(), south(), {.prefix_a = bad}); });
        CHECK(option == "prefix");
        CHECK_FALSE(message.find('\x1b') != std::string::npos);
        std::tie(option, message) = option_error(
            [&] { (void)combine(north(), south(), {.prefix_a = "N", .prefix_b = bad}); });
        CHECK(option == "prefix");
        std::tie(option, message) = option_error([&] {
            (void)combine(north(), south(), {.prefix_a = "N", .prefix_b = "S", .top_id = bad});
        });
        CHECK(option == "top");
    }
    const auto [option, message] = option_error(
        [] { (void)combine(north(), south(), {.prefix_a = "N", .prefix_b = "S", .top_id = ""}); });
    CHECK(option == "top");
    CHECK_THAT(message, Contains("empty"));
}

TEST_CASE("combine refuses a prefix or top id with a control character showing it escaped",
          "[scenario][combine]") {
    auto [option, message] =
        option_error([] { (void)combine(north(), south(), {.prefix_a = "N\x01"}); });
    CHECK(option == "prefix");
    CHECK(message == "the prefix holds a control character (\\x01) at character 2; ids may not");
    // A C1 control (U+0085) and DEL, which a terminal may act on too.
    std::tie(option, message) = option_error(
        [] { (void)combine(north(), south(), {.prefix_a = "N", .prefix_b = "Så\xC2\x85"}); });
    CHECK(option == "prefix");
    CHECK(message == "the prefix holds a control character (\\x85) at character 3; ids may not");
    std::tie(option, message) = option_error([] {
        (void)combine(north(), south(), {.prefix_a = "N", .prefix_b = "S", .top_id = "T\x7f"});
    });
    CHECK(option == "top");
    CHECK(message ==
          "the top unit's id holds a control character (\\x7f) at character 2; ids may not");
}

TEST_CASE("data/minimal combined with itself doubles every table and every figure",
          "[scenario][combine]") {
    const auto& side = minimal();
    const auto m = combine(side, side, {.prefix_a = "A", .prefix_b = "B", .top_name = "A + B"});
    CHECK(m.units().size() == 2 * side.units().size() + 1);
    CHECK(m.posts().size() == 2 * side.posts().size());
    CHECK(m.people().size() == 2 * side.people().size());
    CHECK(m.links().size() == 2 * side.links().size());
    CHECK(m.findings().size() == 2 * side.findings().size());

    // The analysis of each side is the oracle: the combined figures are the sums.
    const auto one = analysis::structure(side);
    const auto both = analysis::structure(m);
    CHECK(both.posts == one.posts + one.posts);
    CHECK(both.vacant == one.vacant + one.vacant);
    CHECK(both.people == one.people + one.people);
    CHECK_THAT(both.cost, WithinRel(one.cost + one.cost, 1e-12));
    CHECK_THAT(both.fte, WithinRel(one.fte + one.fte, 1e-12));
    CHECK(both.managers == one.managers + one.managers);
    CHECK(both.layers_max == one.layers_max);
    // The top unit rolls up everything; each side's roots roll up as they did alone.
    const auto rollup = [](const analysis::Structure& s, model::UnitId unit) {
        const auto it = std::find_if(s.by_unit.begin(), s.by_unit.end(),
                                     [&](const auto& u) { return u.unit == unit; });
        REQUIRE(it != s.by_unit.end());
        return it->rollup;
    };
    const auto top = rollup(both, *m.find_unit("TOP"));
    CHECK(top.posts == both.posts);
    CHECK_THAT(top.cost, WithinRel(one.cost + one.cost, 1e-12));
    for (const std::string prefix : {"A.", "B."}) {
        const auto alone = rollup(one, *side.find_unit("KLF"));
        const auto combined = rollup(both, *m.find_unit(prefix + "KLF"));
        CHECK(combined.posts == alone.posts);
        CHECK_THAT(combined.cost, WithinRel(alone.cost, 1e-12));
    }
}

TEST_CASE("a combined model is written and read back unchanged", "[scenario][combine]") {
    const auto m = combine(north(), south(), prefixed());
    const test::TempFolder folder;
    io::save_model(m, folder.path() / "combined");
    test::check_same_model(m, io::load_model(folder.path() / "combined"));
    io::save_model(m, folder.path() / "combined.reorg");
    test::check_same_model(m, io::load_model(folder.path() / "combined.reorg"));
}
