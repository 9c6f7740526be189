// End-to-end: input built to exhaust a reader (README "Limits") — nesting 100,000 deep, an
// alias bomb, a `because` loop of 100,000 findings, a check nested 100,000 deep — ends in a
// clear message and exit 2, or in the answer, within seconds. Every run goes through
// `timeout`, so that a reader that loops fails its test (exit 124) instead of hanging it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;

namespace {

namespace fs = std::filesystem;
using reorg::test::kKommun;
using reorg::test::run_command;

const std::string kReorg = "timeout 60 " REORG_EXECUTABLE;
constexpr int kDeep = 100'000;

std::string repeated(const std::string& text, int times) {
    std::string result;
    result.reserve(text.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i) result += text;
    return result;
}

/// `name` in `folder`, holding `text`.
fs::path write(const reorg::test::TempFolder& folder, const std::string& name,
               const std::string& text) {
    const auto path = folder.path() / name;
    std::ofstream(path) << text;
    return path;
}

/// The example municipality's model with `findings` as its findings.csv.
fs::path kommun_with_findings(const reorg::test::TempFolder& folder, const std::string& findings) {
    const auto model = folder.path() / "m";
    fs::copy(kKommun, model, fs::copy_options::recursive);
    fs::remove_all(model / "scenarios");
    std::ofstream(model / "findings.csv")
        << "id,kind,statement,about,because,severity,count,source,check\n"
        << findings;
    return model;
}

/// Ten levels of ten aliases each: 10¹⁰ nodes when expanded, 110 as written.
std::string alias_bomb() {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level < 10; ++level) {
        text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) text += (i > 0 ? ", *a" : "*a") + std::to_string(level - 1);
        text += "]\n";
    }
    return text;
}

}  // namespace

TEST_CASE("YAML nested 100,000 deep exits 2 at its line in models scenarios and rules",
          "[cli][limits]") {
    const reorg::test::TempFolder folder;
    const auto flow = repeated("[", kDeep) + repeated("]", kDeep);
    const auto model = write(folder, "model.yaml", "units: []\nposts: " + flow + "\n");
    const auto blocks =
        write(folder, "blocks.yaml", "units: []\nposts:\n  " + repeated("- ", kDeep) + "x\n");
    const auto maps =
        write(folder, "maps.yaml",
              "units: []\nposts: " + repeated("{a: ", kDeep) + "1" + repeated("}", kDeep) + "\n");
    const auto scenario = write(folder, "scenario.yaml",
                                "name: deep\nbase: " + kKommun + "\nchanges: " + flow + "\n");
    const auto rules = write(folder, "rules.yaml", "span: " + flow + "\n");
    for (const auto& [command, line] :
         {std::pair{"validate " + model.string(), model.string() + ":2: "},
          std::pair{"validate " + blocks.string(), blocks.string() + ":3: "},
          std::pair{"validate " + maps.string(), maps.string() + ":2: "},
          std::pair{"apply " + scenario.string() + " -o " + (folder.path() / "out").string(),
                    scenario.string() + ":3: "},
          std::pair{"check " + kKommun + " --rules " + rules.string(), rules.string() + ":1: "}}) {
        INFO(command);
        const auto run = run_command(kReorg + " " + command);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains(line + "lists and maps nested too deeply"));
    }
    CHECK_FALSE(fs::exists(folder.path() / "out"));
}

TEST_CASE("an alias bomb exits 2 at once with a short answer", "[cli][limits]") {
    const reorg::test::TempFolder folder;
    const auto model = write(folder, "model.yaml", alias_bomb() + "units: *a9\nposts: *a9\n");
    const auto scenario = write(folder, "scenario.yaml",
                                alias_bomb() + "name: bomb\nbase: " + kKommun + "\nchanges: *a9\n");
    const auto rules = write(folder, "rules.yaml", alias_bomb() + "checks: *a9\n");
    for (const auto& [command, message] :
         {std::pair{"validate " + model.string(), std::string("units: each entry must be a map")},
          std::pair{"apply " + scenario.string() + " -o " + (folder.path() / "out").string(),
                    std::string("change 1: must be a map")},
          std::pair{"check " + kKommun + " --rules " + rules.string(),
                    std::string("check 1: must be a map")}}) {
        INFO(command);
        const auto run = run_command(kReorg + " " + command);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains(message));
        CHECK(run.err.size() < 8000);  // the listing cap, not ten billion nodes
    }
}

TEST_CASE("a check nested 100,000 deep exits 2 at its column", "[cli][limits]") {
    const reorg::test::TempFolder folder;
    const std::string deep = repeated("(", kDeep) + "load(KLF) <= 1" + repeated(")", kDeep);
    const auto model = kommun_with_findings(folder, "F1,doesnt_work,S,KLF,,3,1,src," + deep + "\n");
    const auto run = run_command(kReorg + " analyze " + model.string());
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("findings.csv:2: check: nested too deeply at column 201"));
    const auto rules =
        write(folder, "rules.yaml", "checks:\n  - name: deep\n    check: \"" + deep + "\"\n");
    const auto checked = run_command(kReorg + " check " + kKommun + " --rules " + rules.string());
    CHECK(checked.exit_code == 2);
    CHECK_THAT(checked.err, Contains("nested too deeply at column 201"));
}

TEST_CASE("a because loop of 100,000 findings is one root cause found within seconds",
          "[cli][limits]") {
    const reorg::test::TempFolder folder;
    // F0 does not work because of F1; F1 … F(n−1) are causes, each because of the next, the
    // last because of F1 again. Under ASan, which unwinds the stack on every allocation, a
    // fifth of them: the release run holds the 100,000 to seconds (0.4 s here).
    constexpr int n = REORG_TEST_UNDER_ASAN ? kDeep / 5 : kDeep;
    std::string findings = "F0,doesnt_work,Det fungerar inte,KLF,F1,3,1,Enkät,\n";
    for (int i = 1; i < n; ++i) {
        findings += "F" + std::to_string(i) + ",cause,Orsak,KLF,F" +
                    std::to_string(i + 1 < n ? i + 1 : 1) + ",3,1,Enkät,\n";
    }
    const auto model = kommun_with_findings(folder, findings);
    const auto run = run_command(kReorg + " analyze --json " + model.string());
    REQUIRE(run.exit_code == 0);
    const auto analysis = nlohmann::json::parse(run.out).at("findings");
    REQUIRE(analysis.at("loops").size() == 1);
    CHECK(analysis.at("loops").at(0).size() == n - 1);
    CHECK(analysis.at("loops_truncated") == false);
    REQUIRE(analysis.at("root_causes").size() == 1);
#if !REORG_TEST_UNDER_ASAN  // ASan unwinds the stack on every allocation: minutes
    const auto report = run_command(kReorg + " report " + model.string() + " -o " +
                                    (folder.path() / "report").string());
    CHECK(report.exit_code == 0);
#endif
}
