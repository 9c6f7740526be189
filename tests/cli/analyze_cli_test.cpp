// End-to-end tests of `reorg analyze`: exit codes, the tables' headings, the JSON keys of SPEC §5.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "reorg/analysis/analyze.hpp"
#include "reorg/io/load.hpp"
#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using reorg::test::reorg_cli;

namespace {

using reorg::test::kKommun;
using reorg::test::kMinimal;

// The unit graph of tests/data/unit-graph.yaml: its single points of failure are drawn there.
const std::string kUnitsModel = REORG_TEST_DATA_DIR "/unit-graph.yaml";

}  // namespace

TEST_CASE("analyze prints every bottleneck section for the example municipality",
          "[cli][analyze]") {
    const auto run =
        reorg_cli("analyze " + kKommun + " --between KLF.IT STF --merge KLF.PLAN STF --to LG");
    REQUIRE(run.exit_code == 0);
    for (const char* heading :
         {"Bottleneck posts", "betweenness exact", "Bottleneck units", "Single points of failure",
          "Service load", "constraint: KLF.IT IT-kontoret", "OVERLOADED",
          "Decision distance: reporting-line hops", "Decision distance to LG",
          "Minimum cut between KLF.IT", "Merger overlap", "Root causes"}) {
        CHECK_THAT(run.out, Contains(heading));
    }
}

TEST_CASE("analyze --json carries the keys scripts rely on, with the library's values",
          "[cli][analyze]") {
    const auto run = reorg_cli("analyze --json --top 0 --between KLF.PLAN STF.FAST " + kKommun);
    REQUIRE(run.exit_code == 0);
    const auto json = nlohmann::json::parse(run.out);
    for (const char* key : {"betweenness", "articulation_points", "bridges", "load", "constraint",
                            "min_cut", "findings"}) {
        CHECK(json.contains(key));
    }
    const auto& b = json["betweenness"];
    CHECK(b["method"] == "exact");
    CHECK(b.contains("epsilon"));
    CHECK(b.contains("delta"));
    const auto model = reorg::io::load_model(kKommun);
    REQUIRE(b["posts"].size() == model.posts().size());  // --top 0: all, highest first
    for (std::size_t i = 1; i < b["posts"].size(); ++i) {
        CHECK(b["posts"][i - 1]["value"].get<double>() >= b["posts"][i]["value"].get<double>());
    }
    CHECK(b["units"].size() == model.units().size());
    for (const char* key : {"id", "cut_off", "vacant"})
        CHECK(json["articulation_points"][0].contains(key));
    for (const char* key : {"unit", "volume", "capacity", "load"})
        CHECK(json["load"][0].contains(key));
    CHECK(json["constraint"]["unit"] == "KLF.IT");
    for (const char* key : {"between", "size", "posts"}) CHECK(json["min_cut"].contains(key));
    CHECK(json["min_cut"]["size"] == json["min_cut"]["posts"].size());
    for (const char* key : {"root_causes", "loops", "units"}) CHECK(json["findings"].contains(key));

    // The same figures the library computes.
    const auto result = reorg::analysis::analyze(reorg::graph::ModelGraphs(model), {});
    CHECK(json["articulation_points"].size() == result.single_points.articulation_points.size());
    CHECK(json["bridges"].size() == result.single_points.bridges.size());
    const auto top = std::max_element(result.posts.value.begin(), result.posts.value.end());
    // Threads add their shares in any order: equal up to rounding.
    CHECK_THAT(b["posts"][0]["value"].get<double>(), Catch::Matchers::WithinRel(*top, 1e-12));
}

TEST_CASE("analyze --epsilon samples and says so, with error bars", "[cli][analyze]") {
    const auto run = reorg_cli("analyze --json --epsilon 0.05 --seed 3 " + kKommun);
    REQUIRE(run.exit_code == 0);
    const auto b = nlohmann::json::parse(run.out)["betweenness"];
    CHECK(b["method"] == "sampled");
    CHECK(b["epsilon"] == 0.05);
    CHECK(b["posts"][0].contains("error"));
    CHECK(b["units"][0].contains("value"));
    // Reproducible with the same seed.
    CHECK(reorg_cli("analyze --json --epsilon 0.05 --seed 3 " + kKommun).out == run.out);
    const auto table = reorg_cli("analyze --epsilon 0.05 " + kKommun);
    CHECK_THAT(table.out, Contains("sampled") && Contains("±"));
}

TEST_CASE("analyze rejects unknown units and a --to that is no group with exit 2",
          "[cli][analyze]") {
    const auto unknown = reorg_cli("analyze " + kKommun + " --between KLF.IT NOPE");
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Contains("--between") && Contains("NOPE"));
    const auto not_group = reorg_cli("analyze " + kKommun + " --to KLF");
    CHECK(not_group.exit_code == 2);
    CHECK_THAT(not_group.err, Contains("--to"));
    CHECK(reorg_cli("analyze " + kKommun + " --between KLF.IT").exit_code == 2);
    CHECK(reorg_cli("analyze " + kKommun + " --exact --epsilon 0.1").exit_code == 2);
}

TEST_CASE("analyze --csv has one row per post", "[cli][analyze]") {
    const auto run = reorg_cli("analyze --csv " + kMinimal);
    REQUIRE(run.exit_code == 0);
    std::istringstream lines(run.out);
    std::string header;
    std::getline(lines, header);
    CHECK(header == "post,title,unit,betweenness,error,articulation_point,cut_off,vacant");
    std::size_t rows = 0;
    for (std::string line; std::getline(lines, line);) ++rows;
    CHECK(rows == reorg::io::load_model(kMinimal).posts().size());
}

TEST_CASE("analyze reports the single points of failure of the unit graph", "[cli][analyze]") {
    const auto& model = kUnitsModel;
    const auto run = reorg_cli("analyze --json " + model);
    REQUIRE(run.exit_code == 0);
    const auto json = nlohmann::json::parse(run.out);
    CHECK(json["unit_articulation_points"] == nlohmann::json::parse(R"([
        {"id": "HQ", "cut_off": 2}, {"id": "B", "cut_off": 2},
        {"id": "A", "cut_off": 1}, {"id": "C", "cut_off": 1}])"));
    CHECK(json["unit_bridges"] ==
          nlohmann::json::parse(R"([["HQ", "A"], ["A", "A1"], ["B", "C"], ["C", "EXT"]])"));

    const auto table = reorg_cli("analyze " + model);
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out,
               Contains("Single points of failure between units: units whose loss cuts other "
                        "units off (4)") &&
                   Contains("bridges (connections between two units whose loss splits the unit "
                            "graph): 4"));
    CHECK_THAT(table.out, Contains("HQ Head office") && Contains("C C"));
}

TEST_CASE("analyze --weighted without link weights says it fell back to unweighted",
          "[cli][analyze]") {
    const reorg::test::TempFolder folder;
    const auto& model = kUnitsModel;
    const std::string note =
        "--weighted: no link between posts has a weight other than 1, so distances are "
        "unweighted";

    const auto table = reorg_cli("analyze --weighted " + model);
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("  note: " + note + "\n"));
    const auto json = nlohmann::json::parse(reorg_cli("analyze --json --weighted " + model).out);
    CHECK(json["betweenness"]["weighted"] == false);
    CHECK(json["betweenness"]["note"] == note);

    // Not asked for, or weights to use: no note.
    CHECK_THAT(reorg_cli("analyze " + model).out, !Contains("note:"));
    CHECK_FALSE(
        nlohmann::json::parse(reorg_cli("analyze --json " + model).out)["betweenness"].contains(
            "note"));
    std::ifstream in(kUnitsModel);
    std::string weighted((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    weighted.replace(weighted.find("kind: collaborates}"), 19, "kind: collaborates, weight: 3}");
    const auto with_weights = folder.write("weighted.yaml", weighted).string();
    const auto used =
        nlohmann::json::parse(reorg_cli("analyze --json --weighted " + with_weights).out);
    CHECK(used["betweenness"]["weighted"] == true);
    CHECK_FALSE(used["betweenness"].contains("note"));
}
