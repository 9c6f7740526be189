// End-to-end: reorg combine on the example municipality and data/minimal (a slice of it, so the
// two share ids), for exit codes, the summary line, the written model and the messages.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/io/load.hpp"
#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using reorg::test::kKommun;
using reorg::test::kMinimal;
using reorg::test::reorg_cli;

TEST_CASE("combine writes a model that loads, with both sides under the top unit",
          "[cli][combine]") {
    const reorg::test::TempFolder folder;
    const auto out = (folder.path() / "combined").string();
    // Options before the models: each --prefix takes one value.
    const auto run =
        reorg_cli("combine --prefix A=K --prefix B=M " + kKommun + " " + kMinimal + " -o " + out);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto kommun = reorg::io::load_model(kKommun);
    const auto minimal = reorg::io::load_model(kMinimal);
    const auto model = reorg::io::load_model(out);
    CHECK(model.units().size() == kommun.units().size() + minimal.units().size() + 1);
    CHECK(model.posts().size() == kommun.posts().size() + minimal.posts().size());
    CHECK(model.findings().size() == kommun.findings().size() + minimal.findings().size());
    CHECK(run.out == out + ": " + std::to_string(model.units().size()) + " units, " +
                         std::to_string(model.posts().size()) + " posts, " +
                         std::to_string(model.people().size()) + " people, " +
                         std::to_string(model.links().size()) + " links, " +
                         std::to_string(model.findings().size()) + " findings\n");
    const auto top = model.find_unit("TOP");
    REQUIRE(top);
    CHECK(model[*top].name == "kommun + minimal");
    CHECK(model[*model[*model.find_unit("K.KF")].parent].id == "TOP");
    CHECK(model[*model[*model.find_unit("M.KLF")].parent].id == "TOP");
    CHECK(model.find_post("M.IT.CHEF"));

    // --top ID:NAME, split at the first colon; a snapshot as output.
    const auto snapshot = (folder.path() / "combined.reorg").string();
    const auto named =
        reorg_cli("combine " + kMinimal + " " + kMinimal +
                  " --prefix A=X --prefix B=Y --top 'GEM:Gemensam: nämnd' -o " + snapshot);
    INFO(named.err);
    REQUIRE(named.exit_code == 0);
    const auto combined = reorg::io::load_model(snapshot);
    REQUIRE(combined.find_unit("GEM"));
    CHECK(combined[*combined.find_unit("GEM")].name == "Gemensam: nämnd");
}

TEST_CASE("combine without prefixes exits 2 naming every id in both models and writes nothing",
          "[cli][combine]") {
    const reorg::test::TempFolder folder;
    const auto out = folder.path() / "combined";
    const auto run = reorg_cli("combine " + kKommun + " " + kKommun + " -o " + out.string());
    CHECK(run.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(out));
    const auto kommun = reorg::io::load_model(kKommun);
    std::vector<std::string> missing;  // ids the message does not name
    const auto check = [&](const std::string& table, std::string_view id) {
        const auto line = "reorg: " + table + " '" + std::string(id) + "' is in both models\n";
        if (run.err.find(line) == std::string::npos)
            missing.push_back(table + " " + std::string(id));
    };
    for (const auto& u : kommun.units()) check("unit", u.id);
    for (const auto& p : kommun.posts()) check("post", p.id);
    for (const auto& p : kommun.people()) check("person", p.id);
    for (const auto& f : kommun.findings()) check("finding", f.id);
    CHECK(missing.empty());
    CHECK_THAT(run.err, !Contains("more errors"));
}

TEST_CASE("combine refuses a bad --prefix or --top with exit 2", "[cli][combine]") {
    const reorg::test::TempFolder folder;
    const auto out = " -o " + (folder.path() / "out").string();
    const auto both = "combine " + kMinimal + " " + kMinimal;
    const auto wrong_side = reorg_cli(both + " --prefix C=X" + out);
    CHECK(wrong_side.exit_code == 2);
    CHECK_THAT(wrong_side.err, Contains("reorg: --prefix: takes A=X or B=X"));
    const auto blank = reorg_cli(both + " --prefix 'A=X Y' --prefix B=Z" + out);
    CHECK(blank.exit_code == 2);
    CHECK_THAT(blank.err, Contains("reorg: --prefix:"));
    const auto taken = reorg_cli(both + " --prefix A=X --prefix B=Y --top X.KLF:Topp" + out);
    CHECK(taken.exit_code == 2);
    CHECK_THAT(taken.err, Contains("reorg: --top:") && Contains("'X.KLF'"));
    CHECK_FALSE(std::filesystem::exists(folder.path() / "out"));
}
