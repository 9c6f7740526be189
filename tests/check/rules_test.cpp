#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "reorg/base/text.hpp"
#include "reorg/check/rules.hpp"
#include "reorg/io/load.hpp"
#include "support/fifo.hpp"
#include "support/model_fixture.hpp"
#include "support/temp_folder.hpp"

namespace {

using namespace reorg;

const model::Model& minimal() {
    static const model::Model model = io::load_model(REORG_DATA_DIR "/minimal/model.yaml");
    return model;
}

check::Rules rules_of(std::string_view yaml) {
    const test::TempFolder folder;
    return check::read_rules(folder.write("rules.yaml", yaml), minimal());
}

// Every error message of a rules file that does not read, one per line.
std::string errors_of(std::string_view yaml) {
    const test::TempFolder folder;
    try {
        (void)check::read_rules(folder.write("rules.yaml", yaml), minimal());
    } catch (const InputError& error) {
        std::string text;
        for (const auto& e : error.errors()) {
            text += "line " + std::to_string(e.where.line) + ": " + e.where.column + ": " +
                    e.message + "\n";
        }
        return text;
    }
    FAIL("no InputError");
    return {};
}

std::vector<check::Violation> violations_on_minimal(std::string_view yaml,
                                                    std::optional<check::Budget> base = {}) {
    const auto rules = rules_of(yaml);
    const graph::ModelGraphs graphs(minimal());
    const check::Facts facts(graphs);
    return check::violations(rules, facts, check::ids_in(minimal()), "scenario", base);
}

// "rule subject value limit" per violation.
std::vector<std::string> lines(const std::vector<check::Violation>& violations) {
    std::vector<std::string> out;
    for (const auto& v : violations) {
        out.push_back(v.rule + " " + v.subject + " " +
                      (v.value ? reorg::base::format_number(*v.value, 3) : "-") + " " +
                      (v.limit ? reorg::base::format_number(*v.limit, 3) : "-"));
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("rules: the example of SPEC 4.2 reads", "[check]") {
    const auto rules = rules_of(R"(
span: {min: 2, max: 15}        # every manager's direct reports
layers: {max: 6}
heads_filled: true             # no vacant head post
single_points: {max_cut_off: 25}
load: {max: 1.0}               # no overloaded service unit
budget: {cost: 0, fte: 0}      # a scenario may not raise cost or FTE above the base
checks:
  - {name: IT under the steering group, check: "distance(IT.CHEF, IT.STYR) <= 2"}
)");
    CHECK(*rules.span_min == 2);
    CHECK(*rules.span_max == 15);
    CHECK(*rules.layers_max == 6);
    CHECK(rules.heads_filled);
    CHECK(*rules.max_cut_off == 25);
    CHECK(*rules.load_max == 1.0);
    CHECK(*rules.budget_cost == 0);
    CHECK(*rules.budget_fte == 0);
    REQUIRE(rules.checks.size() == 1);
    CHECK(rules.checks[0].name == "IT under the steering group");
    CHECK(rules.checks[0].text == "distance(IT.CHEF, IT.STYR) <= 2");
}

TEST_CASE("rules: an empty file has no rules, an absent key is no rule", "[check]") {
    const auto empty = rules_of("");
    CHECK_FALSE(empty.span_min);
    CHECK_FALSE(empty.heads_filled);
    CHECK(empty.checks.empty());
    const auto some = rules_of("span: {max: 8}\n");
    CHECK_FALSE(some.span_min);
    CHECK(*some.span_max == 8);
}

TEST_CASE("rules: every mistake is an error at its line", "[check]") {
    CHECK(errors_of("spam: {max: 3}\n") ==
          "line 1: spam: rules: unknown field (did you mean `span`?)\n");
    CHECK(errors_of("span: {min: 2, maxx: 15}\n") ==
          "line 1: maxx: span: unknown field (did you mean `max`?)\n");
    CHECK(errors_of("span: {min: two}\n") == "line 1: min: span: must be a number\n");
    CHECK(errors_of("span: {min: -1}\n") == "line 1: min: span: must be a number of at least 0\n");
    CHECK(errors_of("span: {min: 5, max: 3}\n") ==
          "line 1: max: span: max must not be below min\n");
    CHECK(errors_of("layers: {max: 0}\n") ==
          "line 1: max: layers: must be a number of at least 1\n");
    CHECK(errors_of("heads_filled: yes please\n") ==
          "line 1: heads_filled: rules: must be true or false\n");
    CHECK(errors_of("span: 3\n") == "line 1: : span: must be a map of fields\n");
    CHECK(errors_of("- span\n") == "line 1: : rules: must be a map of fields\n");
    CHECK(errors_of("checks:\n  - {name: a, check: \"load(KLF.IT <= 1\"}\n") ==
          "line 2: check: checks: check 1: expected ')' at column 13\n");
    CHECK(errors_of("checks:\n  - {name: a, check: \"load(KLF.ITT) <= 1\"}\n")
              .starts_with("line 2: check: checks: check 1: unknown id `KLF.ITT`"));
    CHECK(errors_of("checks:\n  - {check: \"load(KLF.IT) <= 1\"}\n") ==
          "line 2: name: checks: check 1: missing required field\n");
    CHECK(errors_of("checks:\n  - {name: a, check: \"posts(KLF) > 1\"}\n"
                    "  - {name: a, check: \"posts(STF) > 1\"}\n") ==
          "line 3: name: checks: check 2: `a` is the name of an earlier check\n");
    CHECK(errors_of("checks: {name: a}\n") ==
          "line 1: checks: checks: must be a list of {name, check}\n");
    CHECK(errors_of("span: {min: 2}\n---\nlayers: {max: 3}\n") ==
          "line 3: : a second YAML document (after `---`): the file must hold one\n");
    CHECK(errors_of("span: {min: 2, min: 3}\n") == "line 1: min: span: given twice\n");
    // All of them, not only the first.
    CHECK(errors_of("span: {min: x}\nlayers: {max: y}\n") ==
          "line 1: min: span: must be a number\nline 2: max: layers: must be a number\n");
}

TEST_CASE("rules: span, layers, heads, single points and load name what breaks them", "[check]") {
    // Managers: KC 3, IT.CHEF 3, STF.CHEF 3.
    CHECK(lines(violations_on_minimal("span: {min: 4}\n")) ==
          Lines{"span KC 3 4", "span IT.CHEF 3 4", "span STF.CHEF 3 4"});
    CHECK(lines(violations_on_minimal("span: {min: 3, max: 3}\n")).empty());
    CHECK(lines(violations_on_minimal("span: {max: 2}\n")) ==
          Lines{"span KC 3 2", "span IT.CHEF 3 2", "span STF.CHEF 3 2"});
    CHECK(lines(violations_on_minimal("layers: {max: 2}\n")) ==
          Lines{"layers KLF.IT.001 3 2", "layers KLF.IT.002 3 2", "layers KLF.IT.003 3 2",
                "layers STF.001 3 2", "layers STF.002 3 2", "layers STF.003 3 2"});
    CHECK(lines(violations_on_minimal("layers: {max: 3}\n")).empty());
    CHECK(lines(violations_on_minimal("heads_filled: true\n")).empty());  // every head is held
    CHECK(lines(violations_on_minimal("single_points: {max_cut_off: 2}\n")) ==
          Lines{"single_points IT.CHEF 3 2"});
    CHECK(lines(violations_on_minimal("single_points: {max_cut_off: 1}\n")) ==
          Lines{"single_points IT.CHEF 3 1", "single_points STF.CHEF 2 1"});
    CHECK(lines(violations_on_minimal("load: {max: 1.0}\n")) == Lines{"load KLF.IT 1.2 1"});
    CHECK(lines(violations_on_minimal("load: {max: 1.2}\n")).empty());
}

TEST_CASE("rules: a vacant head breaks heads_filled", "[check]") {
    const auto model = test::load_yaml(R"(
units:
  - {id: A, name: A, head: A1}
  - {id: B, name: B, parent: A, head: B1}
posts:
  - {id: A1, unit: A, reports_to: "", person: P1}
  - {id: B1, unit: B, reports_to: A1}
people: [{id: P1, name: Person One}]
)");
    check::Rules rules;
    rules.heads_filled = true;
    const graph::ModelGraphs graphs(model);
    const check::Facts facts(graphs);
    const auto found = check::violations(rules, facts, check::ids_in(model), "base");
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "heads_filled");
    CHECK(found[0].subject == "B");
    CHECK(found[0].detail == "B1");
}

TEST_CASE("rules: the budget holds a scenario against the base", "[check]") {
    const auto totals = check::budget_of(minimal());
    CHECK(totals.fte == Approx(9.75));
    CHECK(totals.cost == 8952000);
    // The base itself never breaks its budget.
    CHECK(violations_on_minimal("budget: {cost: 0, fte: 0}\n").empty());
    // Against a base that cost less and had fewer FTE, both break.
    const auto found =
        violations_on_minimal("budget: {cost: 1000, fte: 0.5}\n", check::Budget{8000000, 9});
    CHECK(lines(found) == Lines{"budget scenario 8952000 8001000", "budget scenario 9.75 9.5"});
    CHECK(found[0].detail == "cost");
    CHECK(found[1].detail == "fte");
    // A negative allowance asks for a saving.
    CHECK(lines(violations_on_minimal("budget: {cost: -1}\n", totals)) ==
          Lines{"budget scenario 8952000 8951999"});
}

TEST_CASE("rules: a named check that fails is a violation of that name", "[check]") {
    const auto found = violations_on_minimal(R"(checks:
  - {name: IT keeps up, check: "load(KLF.IT) <= 1"}
  - {name: STF is small, check: "posts(STF) <= 4"}
  - {name: IT near the group, check: "distance(KLF.IT.001, IT.STYR) < 2"}
)");
    CHECK(lines(found) == Lines{"IT keeps up KLF.IT 1.2 1", "IT near the group KLF.IT.001 2 2"});
}

TEST_CASE("rules: a folder is no rules file", "[check]") {
    const test::TempFolder folder;
    try {
        (void)check::read_rules(folder.path(), minimal());
        FAIL("no InputError");
    } catch (const InputError& error) {
        CHECK_THAT(error.what(), Catch::Contains("cannot read: it is a folder"));
    }
}

TEST_CASE("rules: rules.yaml beside the model", "[check]") {
    const test::TempFolder folder;
    CHECK_FALSE(check::rules_beside(folder.path()));
    const auto yaml = folder.write("model.yaml", "units: []\n");
    const auto rules = folder.write("rules.yaml", "span: {max: 3}\n");
    CHECK(check::rules_beside(folder.path()) == rules);  // inside a model folder
    CHECK(check::rules_beside(yaml) == rules);           // beside a YAML model
}

TEST_CASE("rules: rules.yaml beside the model that is no readable file is an error", "[check]") {
    const test::TempFolder folder;
    const auto rules = folder.path() / "rules.yaml";
    SECTION("a FIFO: never opened, since nothing writes to it") {
        test::make_fifo(rules);
        CHECK_THROWS_WITH((void)check::rules_beside(folder.path()),
                          rules.string() + ": cannot read: it is not a regular file (a FIFO)");
    }
    SECTION("a link to nothing") {
        std::filesystem::create_symlink("nowhere.yaml", rules);
        CHECK_THROWS_WITH((void)check::rules_beside(folder.path()),
                          rules.string() + ": cannot read: it is a link to nothing (nowhere.yaml)");
    }
    SECTION("a folder") {
        std::filesystem::create_directory(rules);
        CHECK_THROWS_WITH((void)check::rules_beside(folder.path()),
                          rules.string() + ": cannot read: it is a folder");
    }
}
