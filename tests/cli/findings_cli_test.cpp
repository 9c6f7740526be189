// End-to-end tests of `reorg findings`: exit codes, the text's headings, the JSON's shape.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;

namespace {

using reorg::test::kKommun;
using reorg::test::kMinimal;

using reorg::test::reorg_cli;

}  // namespace

TEST_CASE("findings prints the three questions per unit, root causes, chains and loops",
          "[cli][findings]") {
    const auto run = reorg_cli("findings " + kKommun);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("KLF.IT IT-kontoret (office in KLF") && Contains("What works") &&
                            Contains("What does not work") && Contains("Why"));
    CHECK_THAT(run.out, Contains("Root causes, heaviest first") &&
                            Contains("a loop: C01, C02 and C03 explain one another"));
    CHECK_THAT(run.out,
               Contains("Why-chains of what does not work") && Contains("    because C01  "));
    CHECK_THAT(run.out, Contains("C01 → C03 → C02 → C01: root cause") &&
                            Contains("C12 → C13 → C12: not a root cause, C13 is also explained "
                                     "by C15"));
    CHECK_THAT(run.out, Contains("STF Service- och teknikförvaltningen"));
}

TEST_CASE("findings --unit shows that unit and the units below it", "[cli][findings]") {
    const auto run = reorg_cli("findings " + kKommun + " --unit KLF.IT");
    REQUIRE(run.exit_code == 0);
    const auto at = [&](const std::string& text) { return run.out.find(text); };
    const auto npos = std::string::npos;
    const auto it = at("\nKLF.IT IT-kontoret (office");
    const auto works = at("  What works\n");
    const auto doesnt = at("  What does not work\n");
    const auto why = at("  Why\n");
    REQUIRE(it != npos);
    CHECK((it < works && works < doesnt && doesnt < why));
    CHECK_THAT(run.out, Contains("F03  IT-kontorets leveranser") &&
                            Contains("[severity 5 × 18 respondents = 90; Intervju "
                                     "ledningsgrupp]"));
    CHECK(at("\nKLF.IT.SYS Systemförvaltning (team") != npos);  // a unit below
    CHECK(at("\nSTF ") == npos);                                // elsewhere in the tree
    CHECK(at("F08  ") == npos);
    CHECK(at("C12 → C13") == npos);
}

TEST_CASE("findings --json has the keys scripts rely on", "[cli][findings]") {
    const auto run = reorg_cli("findings --json " + kKommun);
    REQUIRE(run.exit_code == 0);
    const auto doc = nlohmann::json::parse(run.out);

    REQUIRE(doc.at("root_causes").is_array());
    REQUIRE_FALSE(doc["root_causes"].empty());
    long long previous = doc["root_causes"][0].at("weight").get<long long>();
    bool it_loop = false;
    for (const auto& root : doc["root_causes"]) {
        REQUIRE(root.at("causes").is_array());
        REQUIRE_FALSE(root["causes"].empty());
        for (const auto& id : root["causes"]) CHECK(id.is_string());
        REQUIRE(root.at("weight").is_number_integer());
        CHECK(root["weight"].get<long long>() <= previous);  // heaviest first
        previous = root["weight"].get<long long>();
        it_loop = it_loop || root["causes"] == nlohmann::json{"C01", "C02", "C03"};
    }
    CHECK(it_loop);

    REQUIRE(doc.at("loops").is_array());
    CHECK(doc["loops"] == nlohmann::json::parse(R"([["C01","C03","C02"],["C12","C13"]])"));

    REQUIRE(doc.at("units").is_array());
    bool it = false;
    for (const auto& unit : doc["units"]) {
        REQUIRE(unit.at("unit").is_string());
        REQUIRE(unit.at("net").is_number_integer());
        REQUIRE(unit.at("net_rollup").is_number_integer());
        if (unit["unit"] == "KLF.IT") {
            it = true;
            CHECK(unit["net"] == -229);
            // F15 names KLF.IT and KLF.IT.SYS: counted once in the rolled-up score, so the team
            // adds its +24 of works only.
            CHECK(unit["net_rollup"] == -229 + 27 + 40 + 24);
            CHECK(unit.at("doesnt_work").front() == "F03");
        }
    }
    CHECK(it);
    CHECK(doc.at("chains").is_array());
    CHECK(doc.at("unexplained").is_array());
}

TEST_CASE("findings --json --unit keeps to the unit's subtree", "[cli][findings]") {
    const auto run = reorg_cli("findings --json " + kKommun + " --unit KLF.IT");
    REQUIRE(run.exit_code == 0);
    const auto doc = nlohmann::json::parse(run.out);
    std::vector<std::string> units;
    for (const auto& unit : doc.at("units")) units.push_back(unit.at("unit"));
    CHECK(units == std::vector<std::string>{"KLF.IT", "KLF.IT.SUP", "KLF.IT.DRIFT", "KLF.IT.SYS"});
    CHECK(doc.at("loops") == nlohmann::json::parse(R"([["C01","C03","C02"]])"));
}

TEST_CASE("findings rejects an unknown unit and bad arguments with exit 2", "[cli][findings]") {
    const auto run = reorg_cli("findings " + kKommun + " --unit NOPE");
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, Contains("--unit") && Contains("unknown unit 'NOPE'"));
    CHECK(reorg_cli("findings").exit_code == 2);
    CHECK(reorg_cli("findings " + kKommun + " --frobnicate").exit_code == 2);
    CHECK(reorg_cli("findings --help").exit_code == 0);
}

TEST_CASE("findings works on a model with few findings", "[cli][findings]") {
    const auto run = reorg_cli("findings " + kMinimal);
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("What does not work"));
    const auto json = reorg_cli("findings --json " + kMinimal);
    CHECK(json.exit_code == 0);
    CHECK(nlohmann::json::parse(json.out).at("root_causes").is_array());
}
