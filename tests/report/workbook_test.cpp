// The workbook (report.xlsx): written for data/kommun and for hostile and oversized texts, and
// read back by tests/report/check_workbook.py, which opens the file's XML itself: the five
// sheets, frozen headers, numbers as numbers, texts as strings and never a formula.
#include "reorg/report/workbook.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "reorg/analysis/findings.hpp"
#include "reorg/base/error.hpp"
#include "reorg/check/rules.hpp"
#include "reorg/io/load.hpp"
#include "reorg/scenario/compare.hpp"
#include "reorg/scenario/scenario_file.hpp"
#include "support/example_data.hpp"
#include "support/kommun_scenarios.hpp"
#include "support/model_fixture.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;

namespace {

namespace fs = std::filesystem;

const std::string kChecker = REORG_TEST_DATA_DIR "/../report/check_workbook.py";

/// A report filled by hand, as make_report() would fill the parts the workbook reads: no
/// diagrams, so that no Graphviz is needed.
report::Report report_of(const model::Model& model, std::span<const scenario::Scenario> scenarios,
                         const check::Rules* rules, bool names = false) {
    report::Report report;
    report.model = &model;
    report.scenarios = scenarios;
    report.options.compare.rules = rules;
    report.options.names = names;
    report.comparison = scenario::compare(model, scenarios, report.options.compare);
    report.findings = analysis::analyze_findings(model);
    return report;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

/// `text` as one word for /bin/sh, whatever it holds.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// Runs the checker on `file`; true when it passes. `expect` must be cells' string values,
/// `reject` must be in no cell.
bool passes_checker(const fs::path& file, const std::vector<std::string>& expect = {},
                    const std::vector<std::string>& reject = {}) {
    std::string command = "python3 " + quoted(kChecker) + " " + quoted(file.string());
    for (const auto& text : expect) command += " --expect-text " + quoted(text);
    for (const auto& text : reject) command += " --reject-text " + quoted(text);
    return std::system(command.c_str()) == 0;
}

}  // namespace

TEST_CASE("workbook: data/kommun gives the five sheets, numbers as numbers, no formula") {
    const auto model = io::load_model(test::kKommun);
    const auto scenarios = test::kommun_scenarios();
    const auto rules = check::read_rules(test::kKommun + "/rules.yaml", model);
    const auto report = report_of(model, scenarios, &rules);
    REQUIRE_FALSE(report.comparison.scenarios.empty());

    test::TempFolder folder;
    const auto file = folder.path() / "report.xlsx";
    report::write_workbook(report, file);
    REQUIRE(fs::exists(file));
    CHECK(read(file).substr(0, 2) == "PK");

    std::vector<std::string> expect{std::string(model.units().front().name),
                                    std::string(model.findings().front().statement), "base"};
    for (const auto& s : scenarios) expect.push_back(s.name);
    CHECK(passes_checker(file, expect));

    SECTION("the same report gives the same bytes") {
        const auto again = folder.path() / "again.xlsx";
        report::write_workbook(report, again);
        CHECK(read(again) == read(file));
    }
}

TEST_CASE("workbook: people's names only with names") {
    const auto model = io::load_model(test::kMinimal);
    test::TempFolder folder;
    const std::vector<scenario::Scenario> scenarios{
        scenario::read_scenario(folder.write("vakans.yaml", R"(name: Vakans
changes:
  - vacate_post: {post: IT.CHEF}
  - fill_post: {post: KLF.IT.003, person: P04}
)"))};
    const auto file = folder.path() / "report.xlsx";

    report::write_workbook(report_of(model, scenarios, nullptr), file);
    CHECK(passes_checker(file, {"holder", "filled", "vacant", "no rules given"},
                         {"Sara Holm", "Mikael Berg"}));

    report::write_workbook(report_of(model, scenarios, nullptr, true), file);
    CHECK(passes_checker(file, {"Sara Holm", "Mikael Berg"}));
}

TEST_CASE("workbook: a hostile or oversized text stays text, within a cell's limit") {
    // 20,000 code points beyond U+FFFF are 40,000 characters to Excel: cut to 16,383 and "…".
    std::string emoji;
    for (int i = 0; i < 20'000; ++i) emoji += "\xF0\x9F\x98\x80";  // U+1F600
    std::string cut;
    for (int i = 0; i < 16'383; ++i) cut += "\xF0\x9F\x98\x80";
    cut += "…";

    const auto model = test::load_yaml(R"yaml(units:
  - {id: X, name: "=cmd|' /C calc'!A0", kind: administration}
  - {id: Y, name: "<script>alert(1)</script>", kind: office, parent: X}
posts:
  - {id: A, title: "@SUM(1+1)", unit: X, cost: 1234567.5, fte: 0.5}
  - {id: B, title: "+1", unit: Y, reports_to: A}
findings:
  - {id: "F<1>", kind: doesnt_work, statement: "=HYPERLINK(\"http://x\")", about: [Y]}
  - {id: F2, kind: cause, statement: ")yaml" +
                                       emoji + R"yaml(", about: [X]}
)yaml");
    const auto report = report_of(model, {}, nullptr);
    test::TempFolder folder;
    const auto file = folder.path() / "hostile.xlsx";
    report::write_workbook(report, file);
    CHECK(passes_checker(file, {"=cmd|' /C calc'!A0", "<script>alert(1)</script>",
                                "=HYPERLINK(\"http://x\")", "F<1>", cut}));
}

TEST_CASE("workbook: a file that cannot be written throws Error naming it") {
    const auto model = test::load_yaml(R"(units:
  - {id: X, name: Enheten, kind: administration}
posts:
  - {id: A, title: Chef, unit: X}
)");
    const auto report = report_of(model, {}, nullptr);
    test::TempFolder folder;
    const auto file = folder.path() / "missing" / "report.xlsx";
    CHECK_THROWS_AS(report::write_workbook(report, file), Error);
    CHECK_THROWS_WITH(report::write_workbook(report, file),
                      Catch::Contains(file.string()) && Catch::Contains("cannot write"));
    CHECK_FALSE(fs::exists(file));
}
