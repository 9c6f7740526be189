// End-to-end: reorg apply, reorg compare and reorg render --view diff on the example
// municipality and its scenarios, for exit codes, messages and the JSON keys of SPEC §5 and §7.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "reorg/io/load.hpp"
#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using reorg::test::kKommun;
using reorg::test::reorg_cli;

namespace {

const std::string kScenarios = kKommun + "/scenarios";

}  // namespace

TEST_CASE("apply writes the resulting model, which loads as any model", "[cli][scenario]") {
    const reorg::test::TempFolder folder;
    const auto out = (folder.path() / "sbf").string();
    const auto run =
        reorg_cli("apply " + kKommun + " " + kScenarios + "/samhallsbyggnad.yaml -o " + out);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("posts affected"));
    const auto model = reorg::io::load_model(out);
    CHECK(model.find_unit("SBF"));
    CHECK_FALSE(model.find_unit("STF"));
    // A snapshot too.
    const auto snapshot = (folder.path() / "sbf.reorg").string();
    CHECK(reorg_cli("apply " + kKommun + " " + kScenarios + "/samhallsbyggnad.yaml -o " + snapshot)
              .exit_code == 0);
    CHECK(reorg::io::load_model(snapshot).posts().size() == model.posts().size());
}

TEST_CASE("a scenario that names its base is applied and compared without naming the model",
          "[cli][scenario]") {
    const reorg::test::TempFolder folder;
    const auto out = (folder.path() / "it").string();
    const auto run = reorg_cli("apply " + kScenarios + "/it-projektform.yaml -o " + out);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(reorg::io::load_model(out).find_post("IT.DRIFT"));
    const auto compared = reorg_cli("compare " + kScenarios + "/it-projektform.yaml " + kScenarios +
                                    "/samhallsbyggnad.yaml --json");
    REQUIRE(compared.exit_code == 0);
    CHECK(nlohmann::json::parse(compared.out)["columns"].size() == 3);
    const auto nameless = folder.write("nameless.yaml", "name: n\nchanges: []\n");
    const auto refused = reorg_cli("apply " + nameless.string() + " -o " + out);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Contains("names no base model: give the model first"));
}

TEST_CASE("an invalid change exits 2 naming the file, line and change, and writes nothing",
          "[cli][scenario]") {
    const reorg::test::TempFolder folder;
    const auto scenario = folder.write("bad.yaml",
                                       "name: bad\nchanges:\n"
                                       "  - move_post: {post: KC, unit: KLF}\n"
                                       "  - remove_post: {post: IT.CHEF}\n");
    const auto out = folder.path() / "out";
    const auto run =
        reorg_cli("apply " + kKommun + " " + scenario.string() + " -o " + out.string());
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("bad.yaml:4: change 2 (remove_post): post 'IT.CHEF' has") &&
                            Contains("name the successor"));
    CHECK_FALSE(std::filesystem::exists(out));
    const auto typo = folder.write("typo.yaml", "name: t\nchanges:\n  - move_psot: {post: KC}\n");
    const auto misspelt =
        reorg_cli("apply " + kKommun + " " + typo.string() + " -o " + out.string());
    CHECK(misspelt.exit_code == 2);
    CHECK_THAT(misspelt.err, Contains("did you mean `move_post`?"));
}

TEST_CASE("compare prints the base and each scenario, and the traceability in words",
          "[cli][scenario]") {
    const auto run = reorg_cli("compare " + kKommun + " " + kScenarios + "/samhallsbyggnad.yaml " +
                               kScenarios + "/it-projektform.yaml");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("Samhällsbyggnadsförvaltning") &&
                            Contains("IT-kontoret i projektform") && Contains("Addresses ") &&
                            Contains("at risk") && Contains("Budget per administration") &&
                            Contains("Affected posts") &&
                            Contains("Known problems no scenario addresses"));
}

TEST_CASE("compare --json has the keys of SPEC §5 and §7", "[cli][scenario]") {
    const auto run = reorg_cli("compare " + kKommun + " " + kScenarios + "/samhallsbyggnad.yaml " +
                               kScenarios + "/it-projektform.yaml --json");
    REQUIRE(run.exit_code == 0);
    const auto json = nlohmann::json::parse(run.out);
    CHECK(json["columns"].size() == 3);
    CHECK(json["columns"][0] == "base");
    for (const auto* key : {"posts",
                            "vacant",
                            "fte",
                            "cost",
                            "units",
                            "managers",
                            "span_median",
                            "span_max",
                            "layers_max",
                            "layers_mean",
                            "articulation_points",
                            "posts_moved",
                            "new_manager",
                            "posts_added",
                            "posts_removed",
                            "addressed",
                            "at_risk",
                            "affected_posts",
                            "cost_change",
                            "fte_change"}) {
        INFO(key);
        REQUIRE(json["rows"].contains(key));
        CHECK(json["rows"][key].size() == 3);
    }
    CHECK(json["rows"]["addressed"][0].is_null());
    REQUIRE(json["scenarios"].size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& s = json["scenarios"][i];
        for (const auto* key : {"name", "addressed", "at_risk", "declared_not_touched",
                                "changes_without_problem", "affected", "by_administration"}) {
            INFO(key);
            CHECK(s.contains(key));
        }
        CHECK(s["affected_posts"] == json["rows"]["affected_posts"][i + 1]);
        CHECK(s["addressed"].size() == json["rows"]["addressed"][i + 1]);
    }
    CHECK(json["unaddressed"].is_array());
}

TEST_CASE("compare shows holders' names only with --names", "[cli][scenario]") {
    const reorg::test::TempFolder folder;
    const auto scenario =
        folder.write("vacate.yaml", "name: v\nchanges:\n  - vacate_post: {post: IT.CHEF}\n");
    const auto holder = [&](const std::string& flags) {
        const auto run =
            reorg_cli("compare " + kKommun + " " + scenario.string() + " --json" + flags);
        REQUIRE(run.exit_code == 0);
        const auto json = nlohmann::json::parse(run.out);
        const auto& affected = json["scenarios"][0]["affected"];
        REQUIRE(affected.size() == 1);
        CHECK(affected[0]["change"] == "holder");
        CHECK(affected[0]["to"] == "vacant");
        return affected[0]["from"].get<std::string>();
    };
    CHECK(holder("") == "filled");
    CHECK(holder(" --names") == "Oskar Dahl");  // people.csv's name for P0003
}

TEST_CASE("render --view diff draws a scenario's changes; without --scenario it is an error",
          "[cli][scenario]") {
    const auto run = reorg_cli("render " + kKommun + " --view diff --scenario " + kScenarios +
                               "/samhallsbyggnad.yaml --focus SBF --format svg -o -");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("Changes: Samhällsbyggnadsförvaltning"));
    const auto missing = reorg_cli("render " + kKommun + " --view diff --format svg -o -");
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Contains("--scenario"));
}
