// End-to-end: reorg check, and the checks in findings, compare, apply and combine (SPEC §4.1,
// §4.2): exit codes, messages and JSON keys.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "reorg/io/load.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

using Catch::Contains;
using nlohmann::json;
using reorg::test::reorg_cli;

namespace {

// A small administration with an overloaded IT office (150 orders, capacity 100) in CSV, its
// findings with checks, and scenarios that fix the load, break the IT manager's team, or cost
// more.
struct CheckedModel {
    reorg::test::TempFolder folder;
    std::string dir;

    explicit CheckedModel(std::string_view findings_extra = "") {
        folder.write("m/units.csv",
                     "id,name,kind,parent,head,capacity\n"
                     "A,Förvaltning A,administration,,A.CHEF,\n"
                     "A.IT,IT-kontoret,office,A,IT.CHEF,100\n");
        folder.write("m/posts.csv",
                     "id,title,unit,reports_to,fte,cost,person\n"
                     "A.CHEF,Förvaltningschef,A,,1,1000,P1\n"
                     "IT.CHEF,IT-chef,A.IT,A.CHEF,1,800,P2\n"
                     "IT.1,Tekniker,A.IT,IT.CHEF,1,500,P3\n"
                     "IT.2,Tekniker,A.IT,IT.CHEF,1,500,\n");
        folder.write("m/links.csv", "from,to,kind,weight\nA.IT,A,serves,150\n");
        folder.write("m/findings.csv",
                     "id,kind,statement,about,check\n"
                     "F1,doesnt_work,IT cannot keep up,A.IT,load(A.IT) <= 1\n"
                     "F2,works,The IT manager has a team,IT.CHEF,span(IT.CHEF) >= 2\n" +
                         std::string(findings_extra));
        folder.write("fix.yaml",
                     "name: Fix\naddresses: [F1]\nchanges:\n"
                     "  - remove_link: {from: A.IT, to: A, kind: serves}\n");
        folder.write("break.yaml", "name: Break\nchanges:\n  - remove_post: {post: IT.2}\n");
        folder.write("cost.yaml",
                     "name: Cost\nchanges:\n"
                     "  - add_post: {id: X, title: X, unit: A, reports_to: A.CHEF, cost: 100}\n");
        dir = (folder.path() / "m").string();
    }

    [[nodiscard]] std::string file(const std::string& name) const {
        return (folder.path() / name).string();
    }
    void rules(std::string_view yaml) const { folder.write("m/rules.yaml", yaml); }
};

}  // namespace

TEST_CASE("check exits 0 when every rule holds, 3 when one is broken", "[cli][check]") {
    const CheckedModel m;
    m.rules("span: {min: 1, max: 5}\nlayers: {max: 3}\n");
    const auto held = reorg_cli("check " + m.dir);
    INFO(held.err);
    CHECK(held.exit_code == 0);
    CHECK_THAT(held.out, Contains("base: keeps every rule"));
    CHECK_THAT(held.out, Contains("0 of 1 model break a rule"));

    m.rules("load: {max: 1.0}\nbudget: {cost: 0}\n");
    const auto broken = reorg_cli("check " + m.dir + " --scenario " + m.file("fix.yaml") +
                                  " --scenario " + m.file("cost.yaml"));
    CHECK(broken.exit_code == 3);
    CHECK_THAT(broken.out, Contains("base: 1 violation"));
    CHECK_THAT(broken.out, Contains("load"));
    CHECK_THAT(broken.out, Contains("Fix: keeps every rule"));
    CHECK_THAT(broken.out, Contains("Cost: 2 violations"));
    CHECK_THAT(broken.out, Contains("2 of 3 models break a rule"));
}

TEST_CASE("check --json lists every model's violations with rule, subject, value and limit",
          "[cli][check]") {
    const CheckedModel m;
    m.rules(
        "load: {max: 1.0}\nbudget: {cost: 0, fte: 0}\nchecks:\n"
        "  - {name: IT keeps its team, check: \"span(IT.CHEF) >= 2\"}\n");
    const auto run = reorg_cli("check " + m.dir + " --json --scenario " + m.file("break.yaml") +
                               " --scenario " + m.file("cost.yaml"));
    INFO(run.err);
    REQUIRE(run.exit_code == 3);
    const auto doc = json::parse(run.out);
    CHECK(doc["broken"] == 3);
    REQUIRE(doc["models"].size() == 3);
    CHECK(doc["models"][0]["name"] == "base");
    const auto& base = doc["models"][0]["violations"];
    REQUIRE(base.size() == 1);
    CHECK(base[0]["rule"] == "load");
    CHECK(base[0]["subject"] == "A.IT");
    CHECK(base[0]["value"] == 1.5);
    CHECK(base[0]["limit"] == 1.0);
    const auto& broke = doc["models"][1];
    CHECK(broke["name"] == "Break");
    REQUIRE(broke["violations"].size() == 2);
    CHECK(broke["violations"][1]["rule"] == "IT keeps its team");
    CHECK(broke["violations"][1]["subject"] == "IT.CHEF");
    CHECK(broke["violations"][1]["value"] == 1);
    CHECK(broke["violations"][1]["limit"] == 2);
    const auto& cost = doc["models"][2]["violations"];
    REQUIRE(cost.size() == 3);  // load, cost and FTE
    CHECK(cost[1]["rule"] == "budget");
    CHECK(cost[1]["subject"] == "Cost");
    CHECK(cost[1]["value"] == 2900);
    CHECK(cost[1]["limit"] == 2800);
    CHECK(cost[2]["value"] == 5);
    CHECK(cost[2]["limit"] == 4);
}

TEST_CASE("check without rules, or with bad rules, is bad input", "[cli][check]") {
    const CheckedModel m;
    const auto none = reorg_cli("check " + m.dir);
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Contains("no rules to check"));

    m.rules("span: {min: 2}\nlayer: {max: 3}\n");
    const auto bad = reorg_cli("check " + m.dir);
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Contains("rules.yaml:2: layer: rules: unknown field (did you mean "
                                 "`layers`?)"));
    CHECK(bad.out.empty());

    const auto given = reorg_cli("check " + m.dir + " --rules " + m.file("missing.yaml"));
    CHECK(given.exit_code == 2);
}

TEST_CASE("a finding's check that does not parse or names an unknown id is bad input",
          "[cli][check]") {
    const CheckedModel syntax("F3,doesnt_work,x,A,load(A.IT <= 1\n");
    const auto run = reorg_cli("stats " + syntax.dir);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("findings.csv:4: check: expected ')' at column 11"));

    const CheckedModel unknown("F3,doesnt_work,x,A,load(A.ITT) <= 1\n");
    const auto unknown_run = reorg_cli("validate " + unknown.dir);
    CHECK(unknown_run.exit_code == 2);
    CHECK_THAT(unknown_run.err, Contains("findings.csv:4: check: unknown id `A.ITT`"));
    CHECK_THAT(unknown_run.err, Contains("did you mean `A.IT`?"));

    const CheckedModel wrong("F3,doesnt_work,x,A,span(A) <= 1\n");
    const auto wrong_run = reorg_cli("validate " + wrong.dir);
    CHECK(wrong_run.exit_code == 2);
    CHECK_THAT(wrong_run.err, Contains("findings.csv:4: check:"));
}

TEST_CASE("findings shows each check and its state on the model", "[cli][check]") {
    const CheckedModel m("F3,doesnt_work,Already fine,A,posts(A) == 4\n");
    const auto text = reorg_cli("findings " + m.dir);
    INFO(text.err);
    REQUIRE(text.exit_code == 0);
    CHECK_THAT(text.out, Contains("load(A.IT) = 1.5"));
    CHECK_THAT(text.out, Contains("Warning: the check of F3 already holds"));
    const auto run = reorg_cli("findings " + m.dir + " --json");
    REQUIRE(run.exit_code == 0);
    const auto doc = json::parse(run.out);
    REQUIRE(doc["checks"].size() == 3);
    CHECK(doc["checks"][0]["finding"] == "F1");
    CHECK(doc["checks"][0]["state"] == "fails");
    CHECK(doc["checks"][0]["value"] == 1.5);
    CHECK(doc["checks"][0]["limit"] == 1);
    CHECK(doc["checks"][1]["state"] == "holds");
    CHECK(doc["check_warnings"] == json::array({"F3"}));
}

TEST_CASE("compare shows what each scenario resolves and breaks, and its violations",
          "[cli][check]") {
    const CheckedModel m;
    m.rules("load: {max: 1.0}\n");
    const auto args = m.dir + " " + m.file("fix.yaml") + " " + m.file("break.yaml");
    const auto run = reorg_cli("compare " + args + " --json");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);  // compare reports violations; check fails on them
    const auto doc = json::parse(run.out);
    CHECK(doc["rows"]["resolved"] == json::array({nullptr, 1, 0}));
    CHECK(doc["rows"]["broken"] == json::array({nullptr, 0, 1}));
    CHECK(doc["rows"]["rule_violations"] == json::array({1, 0, 1}));
    const auto& fix = doc["scenarios"][0];
    CHECK(fix["resolved"] == json::array({"F1"}));
    CHECK(fix["addressed_not_resolved"] == json::array());
    CHECK(fix["broken"] == json::array());
    CHECK(fix["unknown"] == json::array());
    CHECK(fix["violations"] == json::array());
    const auto& broke = doc["scenarios"][1];
    CHECK(broke["broken"] == json::array({"F2"}));
    REQUIRE(broke["violations"].size() == 1);
    CHECK(broke["violations"][0]["rule"] == "load");

    const auto text = reorg_cli("compare " + args);
    REQUIRE(text.exit_code == 0);
    CHECK_THAT(text.out, Contains("Resolves 1 of the 1 problem it addresses, verified by their "
                                  "checks"));
    CHECK_THAT(text.out, Contains("Breaks 1 thing that works"));
    CHECK_THAT(text.out, Contains("before: load(A.IT) = 1.5; after: load(A.IT) = 0"));
}

TEST_CASE("apply follows the checks through lineage, and combine prefixes their ids",
          "[cli][check]") {
    const CheckedModel m;
    m.folder.write("merge.yaml",
                   "name: Into A\nchanges:\n"
                   "  - remove_unit: {unit: A.IT, posts_to: A}\n");
    const auto out = m.file("merged");
    const auto run = reorg_cli("apply " + m.dir + " " + m.file("merge.yaml") + " -o " + out);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto merged = reorg::io::load_model(out);
    CHECK(merged[*merged.find_finding("F1")].check == "load(A) <= 1");

    const auto combined = m.file("combined");
    const auto joined = reorg_cli("combine " + m.dir + " " + m.dir + " --prefix A=X --prefix B=Y " +
                                  "--top TOP:Top -o " + combined);
    INFO(joined.err);
    REQUIRE(joined.exit_code == 0);
    const auto both = reorg::io::load_model(combined);
    CHECK(both[*both.find_finding("Y.F2")].check == "span(Y.IT.CHEF) >= 2");
}
