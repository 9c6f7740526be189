// The merger-review report: its content, its page (every link has a target, every name is
// text, nothing is fetched), its JSON, and the folder it is written to.
#include "reorg/report/report.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/check/rules.hpp"
#include "reorg/io/load.hpp"
#include "reorg/render/graphviz.hpp"
#include "reorg/report/html.hpp"
#include "reorg/report/report_json.hpp"
#include "reorg/report/write.hpp"
#include "reorg/scenario/scenario_file.hpp"
#include "support/example_data.hpp"
#include "support/kommun_scenarios.hpp"
#include "support/model_fixture.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;

namespace {

namespace fs = std::filesystem;

/// The kommun report, made once: model, scenarios and rules outlive it.
struct Kommun {
    model::Model model = io::load_model(test::kKommun);
    std::vector<scenario::Scenario> scenarios = test::kommun_scenarios();
    check::Rules rules = check::read_rules(test::kKommun + "/rules.yaml", model);
    report::Report made = make(false);
    std::string html = page(made);

    report::Report make(bool names) {
        report::ReportOptions options;
        options.compare.rules = &rules;
        options.names = names;
        options.source = "data/kommun";
        render::Graphviz graphviz;
        return report::make_report(model, scenarios, options, graphviz);
    }
    static std::string page(const report::Report& r) {
        std::ostringstream out;
        report::write_html(out, r);
        return out.str();
    }
};

Kommun& kommun() {
    static Kommun k;
    return k;
}

std::vector<std::string> matches(const std::string& text, const std::regex& pattern) {
    std::vector<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
        found.push_back((*it)[1].str());
    }
    return found;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("report: every section a reader looks for is on the page") {
    const auto& html = kommun().html;
    for (const auto* heading :
         {"<h2>Summary</h2>", "<h2>The organisation in figures</h2>",
          "<h2>What works, what doesn&apos;t, and why</h2>", "<h2>Root causes and why-chains</h2>",
          "<h2>Bottlenecks and single points of failure</h2>", "<h2>Scenarios</h2>",
          "<h2>Traceability</h2>"}) {
        INFO(heading);
        CHECK(html.find(heading) != std::string::npos);
    }
    CHECK(count(html, "<section class=\"scenario\"") == kommun().scenarios.size());
    for (const auto& s : kommun().scenarios) {
        CHECK(html.find("Scenario: " + s.name) != std::string::npos);
    }
    CHECK(html.find("<input type=\"search\" id=\"search\"") != std::string::npos);
    // One diagram of the organisation, the why-graph, the service flows, one diff each.
    CHECK(count(html, "<svg") == 3 + kommun().scenarios.size());
}

TEST_CASE("report: every link on the page has its target, and every id is unique") {
    const auto& html = kommun().html;
    const auto ids = matches(html, std::regex(R"( id="([^"]+)\")"));
    const std::set<std::string> unique(ids.begin(), ids.end());
    // Graphviz numbers its own SVG elements per diagram; ours must not repeat.
    std::vector<std::string> ours;
    std::copy_if(ids.begin(), ids.end(), std::back_inserter(ours), [](const std::string& id) {
        return std::regex_match(id, std::regex(R"([upfs]\d+)"));
    });
    CHECK(std::set<std::string>(ours.begin(), ours.end()).size() == ours.size());
    CHECK(ours.size() > 100);

    auto links = matches(html, std::regex(R"(href="#([^"]+)\")"));
    const auto in_svg = matches(html, std::regex(R"(xlink:href="#([^"]+)\")"));
    links.insert(links.end(), in_svg.begin(), in_svg.end());
    REQUIRE(in_svg.size() > 20);  // the diagrams' units link to the page
    for (const auto& target : links) {
        INFO(target);
        CHECK(unique.count(target) == 1);
    }
    // The search index points at anchors on the page too.
    const auto index_start = html.find("id=\"search-index\">");
    REQUIRE(index_start != std::string::npos);
    const auto index = html.substr(index_start, html.find("</script>", index_start) - index_start);
    const auto targets = matches(index, std::regex(R"(\",\"([upf]\d+)\"\])"));
    CHECK(targets.size() > 500);  // every unit and post of the kommun
    for (const auto& target : targets) CHECK(unique.count(target) == 1);
}

TEST_CASE("report: the page fetches nothing and shows no name without --names") {
    const auto& k = kommun();
    for (const auto* external : {"src=\"http", "href=\"http", "url(", "@import", "<link"}) {
        INFO(external);
        CHECK(k.html.find(external) == std::string::npos);
    }
    // Every holder of data/kommun is absent without --names, page and JSON alike.
    std::ostringstream json;
    report::write_report_json(json, k.made);
    for (const auto& person : k.model.people()) {
        INFO(person.name);
        CHECK(k.html.find(std::string(person.name)) == std::string::npos);
        CHECK(json.str().find(std::string(person.name)) == std::string::npos);
    }
    CHECK(k.html.find("No person&apos;s name is shown") != std::string::npos);

    // With --names the holders that change show by name.
    auto& mutable_k = kommun();
    const auto named = Kommun::page(mutable_k.make(true));
    CHECK(named.find("This report shows people&apos;s names") != std::string::npos);
    bool any_name = false;
    for (const auto& person : k.model.people()) {
        any_name = any_name || named.find(std::string(person.name)) != std::string::npos;
    }
    CHECK(any_name);
}

TEST_CASE("report: the same input gives the same bytes") {
    auto& k = kommun();
    CHECK(Kommun::page(k.make(false)) == k.html);
}

TEST_CASE("report: the summary gives each scenario in one line with its verdicts") {
    const auto& k = kommun();
    const auto& html = k.html;
    const auto summary = html.substr(
        html.find("<h2>Summary</h2>"),
        html.find("<h2>The organisation in figures</h2>") - html.find("<h2>Summary</h2>"));
    for (std::size_t i = 0; i < k.made.comparison.scenarios.size(); ++i) {
        const auto& s = k.made.comparison.scenarios[i];
        const auto tried = s.verdicts.resolved.size() + s.verdicts.addressed_not_resolved.size();
        INFO(s.scenario->name);
        CHECK(summary.find(std::to_string(s.verdicts.resolved.size()) + " of " +
                           std::to_string(tried)) != std::string::npos);
        CHECK(summary.find(s.violations.empty() ? "all kept"
                                                : std::to_string(s.violations.size()) +
                                                      " violation") != std::string::npos);
    }
}

TEST_CASE("report: report.json carries the figures of stats, findings and compare") {
    const auto& k = kommun();
    std::ostringstream out;
    report::write_report_json(out, k.made);
    const auto json = nlohmann::json::parse(out.str());
    CHECK(json["report"]["generator"] == "reorg");
    CHECK(json["structure"]["posts"] == k.model.posts().size());
    CHECK(json["comparison"]["columns"].size() == 1 + k.scenarios.size());
    CHECK(json["comparison"]["scenarios"][0]["name"] == k.scenarios[0].name);
    CHECK(json["findings"]["root_causes"].size() == k.made.findings.root_causes.size());
    CHECK(json["bottlenecks"]["top_posts"].size() == k.made.placement.bottlenecks.size());
    const auto top = k.made.placement.bottlenecks.front();
    CHECK(json["bottlenecks"]["top_posts"][0]["post"] == std::string(k.model[top].id));
}

TEST_CASE("report: a hostile name is shown as text, never run") {
    const auto model = test::load_yaml(R"yaml(units:
  - {id: X, name: "<script>alert(1)</script>", kind: administration}
  - {id: Y, name: "<img src=x onerror=alert(2)>", kind: office, parent: X}
posts:
  - {id: A, title: "</svg><script>alert(3)</script>", unit: X}
  - {id: B, title: "\" onmouseover=\"alert(4)", unit: Y, reports_to: A}
  - {id: C, title: Handläggare, unit: Y, reports_to: B}
findings:
  - {id: "F<1>", kind: doesnt_work, statement: "</script><script>alert(5)</script>", about: [Y], because: ["C&1"]}
  - {id: "C&1", kind: cause, statement: "'&' <b>bold</b>", about: [X]}
)yaml");
    render::Graphviz graphviz;
    report::ReportOptions options;
    const auto made = report::make_report(model, {}, options, graphviz);
    std::ostringstream out;
    report::write_html(out, made);
    const auto html = out.str();
    for (const auto* raw : {"<script>alert", "<img src=x", "</svg><script>", "<b>bold</b>",
                            "\" onmouseover=\"", "F<1>"}) {
        INFO(raw);
        CHECK(html.find(raw) == std::string::npos);
    }
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    // Our own two scripts, and nothing else, are scripts.
    CHECK(count(html, "<script") == 2);
    // The search index is inside a script element: no "</" of a name may close it.
    const auto index_start = html.find("id=\"search-index\">");
    const auto index_end = html.find("</script>", index_start);
    CHECK(html.substr(index_start, index_end - index_start).find('<') == std::string::npos);
}

TEST_CASE("report: a model without findings or scenarios says so") {
    const auto model = test::load_yaml(R"(units:
  - {id: X, name: Enheten, kind: administration}
posts:
  - {id: A, title: Chef, unit: X}
  - {id: B, title: Handläggare, unit: X, reports_to: A}
)");
    render::Graphviz graphviz;
    const auto made = report::make_report(model, {}, {}, graphviz);
    std::ostringstream out;
    report::write_html(out, made);
    CHECK(out.str().find("This model has no findings") != std::string::npos);
    CHECK(out.str().find("No scenario was given") != std::string::npos);
}

TEST_CASE("report: large tables are capped and say how much they left out") {
    auto& k = kommun();
    report::ReportOptions options;
    options.compare.rules = &k.rules;
    options.table_rows = 5;
    options.unit_articles = 3;
    options.table_units = 10;
    render::Graphviz graphviz;
    const auto made = report::make_report(k.model, k.scenarios, options, graphviz);
    CHECK(made.placement.bottlenecks.size() == 5);
    CHECK(made.placement.unit_articles == 3);
    std::ostringstream out;
    report::write_html(out, made);
    const auto html = out.str();
    CHECK(count(html, "<article class=\"unit\"") == 3);
    CHECK(html.find("3 of " + std::to_string(made.findings.units.size()) + " shown") !=
          std::string::npos);
    CHECK(html.find("The table keeps the top") != std::string::npos);
    // Still, every link has its target.
    const auto ids = matches(html, std::regex(R"( id="([^"]+)\")"));
    const std::set<std::string> unique(ids.begin(), ids.end());
    for (const auto& target : matches(html, std::regex(R"(href="#([^"]+)\")"))) {
        INFO(target);
        CHECK(unique.count(target) == 1);
    }
}

TEST_CASE("report: the folder is written whole, and never over files of others") {
    auto& k = kommun();
    test::TempFolder folder;
    const auto out = folder.path() / "report";
    report::write_report(k.made, out);
    CHECK(fs::exists(out / "index.html"));
    CHECK(fs::exists(out / "report.json"));
    CHECK(fs::exists(out / "report.xlsx"));
    CHECK(read(out / "index.html") == k.html);
    // Nothing is left beside it.
    CHECK(std::distance(fs::directory_iterator(folder.path()), fs::directory_iterator()) == 1);

    SECTION("an old report is replaced") {
        std::ofstream(out / "index.html") << "old";
        report::write_report(k.made, out);
        CHECK(read(out / "index.html") == k.html);
    }
    SECTION("a folder with someone else's file is refused, and left as it was") {
        std::ofstream(out / "notes.txt") << "mine";
        std::ofstream(out / "index.html") << "old";
        CHECK_THROWS_AS(report::write_report(k.made, out), InputError);
        CHECK(read(out / "index.html") == "old");
        SECTION("unless --force, which replaces only reorg's files") {
            report::write_report(k.made, out, {.force = true});
            CHECK(read(out / "notes.txt") == "mine");
            CHECK(read(out / "index.html") == k.html);
            CHECK(std::distance(fs::directory_iterator(folder.path()), fs::directory_iterator()) ==
                  1);
        }
    }
    SECTION("a symlink to a folder is written through") {
        const auto real = folder.path() / "real";
        fs::create_directory(real);
        fs::create_directory_symlink(real, folder.path() / "link");
        report::write_report(k.made, folder.path() / "link");
        CHECK(fs::is_symlink(folder.path() / "link"));
        CHECK(read(real / "index.html") == k.html);
    }
    SECTION("a file where the folder should be is refused") {
        std::ofstream(folder.path() / "file") << "x";
        CHECK_THROWS_AS(report::write_report(k.made, folder.path() / "file"), InputError);
        CHECK(read(folder.path() / "file") == "x");
    }
}
