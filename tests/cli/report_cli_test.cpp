// End-to-end: reorg report writes its folder, says where to open it, and refuses what would
// destroy files it did not write (SPEC §3 Outputs, §8).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using reorg::test::reorg_cli;

namespace {

namespace fs = std::filesystem;

std::string kommun_report_args(const fs::path& out) {
    std::string args = reorg::test::kKommun;
    for (const auto* name :
         {"alternativ-stf.yaml", "it-projektform.yaml", "samhallsbyggnad.yaml"}) {
        args += " --scenario " + reorg::test::kKommun + "/scenarios/" + name;
    }
    return args + " -o '" + out.string() + "'";
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("report writes the page, its JSON and the workbook, and says where", "[cli][report]") {
    reorg::test::TempFolder folder;
    const auto out = folder.path() / "kommun";
    const auto run = reorg_cli("report " + kommun_report_args(out));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("index.html"));
    CHECK(fs::file_size(out / "index.html") > 10'000);
    CHECK(fs::file_size(out / "report.xlsx") > 1'000);
    const auto json = nlohmann::json::parse(read(out / "report.json"));
    CHECK(json["comparison"]["scenarios"].size() == 3);
    // rules.yaml beside the model is held against every column.
    CHECK(json["comparison"]["rules"].is_string());
}

TEST_CASE("report refuses a folder holding files reorg did not write", "[cli][report]") {
    reorg::test::TempFolder folder;
    const auto out = folder.path() / "mine";
    fs::create_directory(out);
    std::ofstream(out / "budget.xlsx") << "someone's work";
    const auto run = reorg_cli("report " + reorg::test::kKommun + " -o '" + out.string() + "'");
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("budget.xlsx") && Contains("--force"));
    CHECK(!fs::exists(out / "index.html"));
    CHECK(read(out / "budget.xlsx") == "someone's work");

    const auto forced =
        reorg_cli("report " + reorg::test::kKommun + " --force -o '" + out.string() + "'");
    INFO(forced.err);
    CHECK(forced.exit_code == 0);
    CHECK(fs::exists(out / "index.html"));
    CHECK(read(out / "budget.xlsx") == "someone's work");
}

TEST_CASE("report: bad input is exit 2 with nothing written", "[cli][report]") {
    reorg::test::TempFolder folder;
    const auto out = folder.path() / "r";
    SECTION("a scenario that does not apply") {
        const auto bad = folder.write(
            "bad.yaml", "name: Trasig\nchanges:\n  - move_post: {post: NOPE, unit: KLF}\n");
        const auto run = reorg_cli("report " + reorg::test::kKommun + " --scenario '" +
                                   bad.string() + "' -o '" + out.string() + "'");
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains("bad.yaml:3"));
    }
    SECTION("a missing model") {
        const auto run = reorg_cli("report '" + (folder.path() / "none").string() + "' -o '" +
                                   out.string() + "'");
        CHECK(run.exit_code == 2);
    }
    SECTION("-o naming a file") {
        const auto file = folder.write("file.txt", "x");
        const auto run =
            reorg_cli("report " + reorg::test::kKommun + " -o '" + file.string() + "'");
        CHECK(run.exit_code == 2);
        CHECK(read(file) == "x");
    }
    CHECK(!fs::exists(out));
    // Nothing half-written beside it either.
    for (const auto& entry : fs::directory_iterator(folder.path())) {
        CHECK(entry.path().filename().string().find("tmp") == std::string::npos);
    }
}
