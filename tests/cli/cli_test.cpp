// End-to-end tests of the `reorg` executable: exit codes, messages and JSON keys.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "reorg/analysis/structure.hpp"
#include "reorg/io/load.hpp"
#include "reorg/version.hpp"
#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;

namespace {

using reorg::test::kKommun;
using reorg::test::kMinimal;

using reorg::test::reorg_cli;

}  // namespace

TEST_CASE("reorg --version prints the version and exits 0", "[cli]") {
    const auto run = reorg_cli("--version");
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains(std::string(reorg::kVersion)));
}

TEST_CASE("--help works for the program and every command", "[cli]") {
    for (const std::string command : {"", "validate ", "stats "}) {
        const auto run = reorg_cli(command + "--help");
        CHECK(run.exit_code == 0);
        CHECK_THAT(run.out, Contains("Usage"));
    }
}

TEST_CASE("bad arguments exit 2", "[cli]") {
    CHECK(reorg_cli("").exit_code == 2);
    CHECK(reorg_cli("frobnicate").exit_code == 2);
    CHECK(reorg_cli("stats").exit_code == 2);
    CHECK(reorg_cli("stats " + kMinimal + " --json --csv").exit_code == 2);
    CHECK(reorg_cli("stats " + kMinimal + " --narrow x").exit_code == 2);
}

TEST_CASE("validate accepts the example municipality and lists its warnings", "[cli]") {
    const auto run = reorg_cli("validate " + kKommun);
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("valid") && Contains("posts"));
    CHECK_THAT(run.err, Contains("warning: head post 'VIA.CHEF'"));
    CHECK(reorg_cli("validate --strict " + kKommun).exit_code == 2);
    CHECK(reorg_cli("validate --strict " + kMinimal).exit_code == 0);
}

TEST_CASE("validate names the file and line of every error and exits 2", "[cli]") {
    const reorg::test::TempFolder folder;
    folder.write("units.csv", "id,name,kind\nORG,Org,administration\nORG,Again,office\n");
    folder.write("posts.csv",
                 "id,title,unit,reports_to\nA,Chief,ORG,\nB,Staff,NOPE,A\nC,Staff,ORG,X\n");
    const auto run = reorg_cli("validate " + folder.path().string());
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, Contains("units.csv:3: id: duplicate unit id 'ORG' (first on line 2)"));
    CHECK_THAT(run.err, Contains("posts.csv:3: unit: post 'B' is in unit 'NOPE'"));
    CHECK_THAT(run.err, Contains("posts.csv:4: reports_to: unknown post 'X'"));
}

TEST_CASE("validate --json reports errors as data", "[cli]") {
    const reorg::test::TempFolder folder;
    folder.write("units.csv", "id,name\nORG,Org\n");
    folder.write("posts.csv", "id,unit,reports_to,fte\nA,ORG,,many\n");
    const auto run = reorg_cli("validate --json " + folder.path().string());
    CHECK(run.exit_code == 2);
    const auto json = nlohmann::json::parse(run.out);
    CHECK(json["valid"] == false);
    REQUIRE(json["errors"].size() == 1);
    CHECK(json["errors"][0]["line"] == 2);
    CHECK(json["errors"][0]["column"] == "fte");
}

TEST_CASE("a model that does not exist is bad input", "[cli]") {
    const auto run = reorg_cli("stats /nonexistent/model");
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("/nonexistent/model") && Contains("no such file"));
}

TEST_CASE("stats --json carries the keys scripts rely on, with the library's values", "[cli]") {
    const auto run = reorg_cli("stats --json " + kKommun);
    REQUIRE(run.exit_code == 0);
    const auto json = nlohmann::json::parse(run.out);
    for (const char* key : {"posts", "vacant", "people", "fte", "cost", "units", "managers", "span",
                            "narrow", "wide", "layers", "by_unit"}) {
        CHECK(json.contains(key));
    }
    for (const char* key : {"min", "median", "mean", "max", "histogram"}) {
        CHECK(json["span"].contains(key));
    }
    CHECK(json["layers"].contains("max"));
    CHECK(json["layers"].contains("mean"));

    const auto model = reorg::io::load_model(kKommun);
    const auto s = reorg::analysis::structure(model);
    CHECK(json["posts"] == s.posts);
    CHECK(json["vacant"] == s.vacant);
    CHECK(json["people"] == s.people);
    CHECK(json["managers"] == s.managers);
    CHECK(json["span"]["median"] == s.span.median);
    CHECK(json["layers"]["max"] == s.layers_max);
    CHECK(json["narrow"] == s.narrow.size());
    REQUIRE(json["by_unit"].size() == model.units().size());
    for (const char* key : {"unit", "posts", "fte", "cost"})
        CHECK(json["by_unit"][0].contains(key));
}

TEST_CASE("stats thresholds change which managers are flagged", "[cli]") {
    const auto json =
        nlohmann::json::parse(reorg_cli("stats --json --narrow 5 --wide 8 " + kKommun).out);
    CHECK(json["thresholds"]["narrow"] == 5);
    CHECK(json["thresholds"]["wide"] == 8);
    const auto model = reorg::io::load_model(kKommun);
    const auto s = reorg::analysis::structure(model, {.narrow = 5, .wide = 8});
    CHECK(json["narrow"] == s.narrow.size());
    CHECK(json["wide"] == s.wide.size());
    CHECK(s.wide.size() > reorg::analysis::structure(model).wide.size());
}

TEST_CASE("stats prints a readable table and a CSV per unit", "[cli]") {
    const auto table = reorg_cli("stats " + kKommun);
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("span min / median / mean / max") &&
                              Contains("Kommunledningsförvaltningen"));

    const auto csv = reorg_cli("stats --csv " + kMinimal);
    CHECK(csv.exit_code == 0);
    std::istringstream lines(csv.out);
    std::string header;
    std::getline(lines, header);
    CHECK(header.rfind("unit,name,kind,parent,posts,vacant,headcount,fte,cost", 0) == 0);
    std::size_t rows = 0;
    for (std::string line; std::getline(lines, line);) ++rows;
    CHECK(rows == reorg::io::load_model(kMinimal).units().size());
}

TEST_CASE("import hr-csv without --manager makes every row a top post and says so",
          "[cli][import]") {
    const reorg::test::TempFolder folder;
    const auto staff = folder.write("staff.csv", "id,name,unit\nE1,Anna,Ekonomi\nE2,Bo,IT\n");
    const auto out = folder.path() / "model";
    const auto run = reorg::test::reorg_cli("import hr-csv " + staff.string() +
                                            " --id id --name name --unit unit -o " + out.string());
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.err,
               Contains("staff.csv:1: warning: no manager column: every row is a top post"));
    const auto model = reorg::io::load_model(out.string());
    REQUIRE(model.posts().size() == 2);
    for (const auto& post : model.posts()) CHECK_FALSE(post.reports_to.has_value());
}

TEST_CASE("validate and stats take --encoding cp1252 for a Windows-1252 model folder", "[cli]") {
    const reorg::test::TempFolder folder;
    folder.write("units.csv", "id,name\nKLF,Kommunledningsf\xF6rvaltningen\n");
    folder.write("posts.csv",
                 "id,title,unit,reports_to\nKC,Kommunchef,KLF,\nA,Assistent,KLF,KC\n"
                 "B,Assistent,KLF,KC\n");
    const auto model = folder.path().string();
    const auto refused = reorg_cli("validate " + model);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Contains("units.csv:2: invalid UTF-8") && Contains("not UTF-8") &&
                                Contains("--encoding cp1252"));
    // Said once: the posts in the unit it could not read are not "in a unit that does not exist".
    CHECK_THAT(refused.err, !Contains("does not exist"));
    const auto validated = reorg_cli("validate --encoding cp1252 " + model);
    INFO(validated.err);
    CHECK(validated.exit_code == 0);
    const auto stats = reorg_cli("stats --json --encoding cp1252 " + model);
    CHECK(stats.exit_code == 0);
    CHECK_THAT(stats.out, Contains("Kommunledningsförvaltningen"));
    CHECK(reorg_cli("stats --encoding latin9 " + model).exit_code == 2);
}

TEST_CASE("import organogram --encoding cp1252 reads a Windows-1252 file", "[cli][import]") {
    const reorg::test::TempFolder folder;
    const auto senior = folder.write(
        "senior.csv",
        "Post Unique Reference,Name,Grade,Job Title,Job/Team Function,Organisation,Unit,"
        "Reports to Senior Post,FTE,Actual Pay Floor (\xA3),Actual Pay Ceiling (\xA3)\n"
        "P1,\xC5"
        "sa Berg,SCS4,Chef,Lead,Kommun,Ledning,XX,1,,\n");
    const auto out = folder.path() / "model";
    const auto refused =
        reorg::test::reorg_cli("import organogram " + senior.string() + " -o " + out.string());
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--encoding cp1252") != std::string::npos);
    const auto run = reorg::test::reorg_cli("import organogram " + senior.string() +
                                            " --encoding cp1252 -o " + out.string());
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::ifstream people(out / "people.csv");
    const std::string text{std::istreambuf_iterator<char>(people), {}};
    CHECK(text.find("Åsa Berg") != std::string::npos);
}
