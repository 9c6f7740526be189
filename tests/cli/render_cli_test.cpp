// `reorg render` end to end: every view in every format, standard output, determinism, and
// the user's mistakes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/svg.hpp"
#include "support/temp_folder.hpp"

namespace {

using reorg::test::kKommun;
using reorg::test::kMinimal;

using reorg::test::reorg_cli;
using reorg::test::reorg_cli_with_env;
using reorg::test::Svg;

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Checks that `bytes` is a well-formed file of `format`.
void check_format(const std::string& bytes, const std::string& format) {
    INFO(format);
    if (format == "svg") {
        const Svg svg(bytes);
        CHECK(svg.count("text") > 0);
    } else if (format == "png") {
        REQUIRE(bytes.size() > 24);
        CHECK(bytes.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
        CHECK(bytes.substr(12, 4) == "IHDR");
    } else if (format == "pdf") {
        CHECK(bytes.rfind("%PDF-", 0) == 0);
        CHECK(bytes.find("%%EOF") != std::string::npos);
    } else {
        CHECK(bytes.rfind("digraph", 0) == 0);
    }
}

// The Graphviz programs read our .dot files back and draw them as we do.
std::string graphviz_program_svg(const std::filesystem::path& dot) {
    const reorg::test::TempFolder scratch;
    const auto svg = scratch.path() / "out.svg";
    const auto run =
        reorg::test::run_command("dot -Tsvg -o '" + svg.string() + "' '" + dot.string() + "'");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return read_all(svg);
}

}  // namespace

TEST_CASE("render writes every view in every format", "[cli][render]") {
    const reorg::test::TempFolder folder;
    for (const std::string view : {"posts", "units", "findings", "flows"}) {
        for (const std::string format : {"dot", "svg", "png", "pdf"}) {
            const auto out = folder.path() / (view + "." + format);
            const auto run =
                reorg_cli("render " + kMinimal + " --view " + view + " -o " + out.string());
            INFO(view << " " << format << ": " << run.err);
            REQUIRE(run.exit_code == 0);
            check_format(read_all(out), format);
        }
        // The .dot file is complete: the Graphviz programs draw it.
        const Svg drawn(graphviz_program_svg(folder.path() / (view + ".dot")));
        CHECK(drawn.count("text") > 0);
    }
}

TEST_CASE("render draws the example organisation with its Swedish letters", "[cli][render]") {
    const reorg::test::TempFolder folder;
    for (const std::string view : {"posts", "units", "findings", "flows"}) {
        const auto out = folder.path() / (view + ".svg");
        const auto run = reorg_cli("render " + kKommun + " --view " + view + " -o " + out.string());
        INFO(view << ": " << run.err);
        REQUIRE(run.exit_code == 0);
        const Svg svg(read_all(out));
        CHECK(svg.count("text") > 50);
        const auto texts = svg.texts();
        CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& text) {
            return text.find("ö") != std::string::npos || text.find("å") != std::string::npos;
        }));
    }
    // 546 posts: the tidy layout draws every one.
    const Svg posts(read_all(folder.path() / "posts.svg"));
    CHECK(posts.document.select_nodes("//*[local-name()='g'][@class='node']").size() >= 546);
}

TEST_CASE("render --overlay puts the legend into the picture", "[cli][render]") {
    for (const std::string overlay : {"findings", "betweenness", "load", "spof"}) {
        const auto run = reorg_cli("render " + kKommun + " --view units --overlay " + overlay +
                                   " --format svg -o -");
        INFO(overlay << ": " << run.err);
        REQUIRE(run.exit_code == 0);
        const Svg svg(run.out);
        const auto texts = svg.texts();
        const std::string title = overlay == "findings"      ? "Findings: net score of the unit"
                                  : overlay == "betweenness" ? "Betweenness of the unit"
                                  : overlay == "load"        ? "Load: yearly volume ÷ capacity"
                                                      : "Single point of failure: posts cut off";
        CHECK(svg.has_text(title));
    }
}

TEST_CASE("render -o - writes to standard output with --format", "[cli][render]") {
    const auto run = reorg_cli("render " + kMinimal + " --view units --format svg -o -");
    REQUIRE(run.exit_code == 0);
    check_format(run.out, "svg");

    const auto missing = reorg_cli("render " + kMinimal + " -o -");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("--format") != std::string::npos);
    CHECK(missing.out.empty());
}

TEST_CASE("render gives the same bytes for the same input", "[cli][render]") {
    for (const std::string format : {"svg", "png", "pdf", "dot"}) {
        const auto command = "render " + kKommun + " --focus KLF.IT --format " + format + " -o -";
        const auto first = reorg_cli(command);
        const auto second = reorg_cli(command);
        INFO(format);
        REQUIRE(first.exit_code == 0);
        CHECK(first.out == second.out);
    }
}

TEST_CASE("render gives the same PDF in every time zone and at every time", "[cli][render]") {
    const auto command = "render " + kMinimal + " --view units --format pdf -o -";
    const auto here = reorg_cli(command);
    // POSIX TZ strings need no time-zone database: five hours west, and eleven east.
    const auto west = reorg_cli_with_env("TZ=ABC+5", command);
    const auto east = reorg_cli_with_env("TZ=XYZ-11", command);
    REQUIRE(here.exit_code == 0);
    CHECK(here.out == west.out);
    CHECK(here.out == east.out);
    CHECK(here.out.find("/CreationDate (D:19700101000000Z)") != std::string::npos);
}

TEST_CASE("render refuses what it cannot do with exit code 2", "[cli][render]") {
    const reorg::test::TempFolder folder;
    const auto jpg = reorg_cli("render " + kMinimal + " -o " + (folder.path() / "a.jpg").string());
    CHECK(jpg.exit_code == 2);
    CHECK(jpg.err.find(".svg") != std::string::npos);
    CHECK(!std::filesystem::exists(folder.path() / "a.jpg"));

    const auto focus =
        reorg_cli("render " + kMinimal + " --focus NOPE -o " + (folder.path() / "a.svg").string());
    CHECK(focus.exit_code == 2);
    CHECK(focus.err.find("--focus") != std::string::npos);
    CHECK(focus.err.find("NOPE") != std::string::npos);
    CHECK(!std::filesystem::exists(folder.path() / "a.svg"));

    const auto view = reorg_cli("render " + kMinimal + " --view orgchart -o " +
                                (folder.path() / "a.svg").string());
    CHECK(view.exit_code == 2);

    const auto folder_missing =
        reorg_cli("render " + kMinimal + " -o " + (folder.path() / "no" / "a.svg").string());
    CHECK(folder_missing.exit_code == 2);

    const auto overlay = reorg_cli("render " + kMinimal + " --view findings --overlay load -o " +
                                   (folder.path() / "a.svg").string());
    CHECK(overlay.exit_code == 2);
    CHECK(overlay.err.find("--overlay") != std::string::npos);

    // None of them created a file.
    CHECK(std::filesystem::is_empty(folder.path()));
}

TEST_CASE("render --max-nodes collapses the org chart to units and says so", "[cli][render]") {
    const auto run = reorg_cli("render " + kKommun + " --max-nodes 100 --format svg -o -");
    REQUIRE(run.exit_code == 0);
    const Svg svg(run.out);
    CHECK(
        svg.has_text("546 posts are more than the limit of 100: the chart shows their units "
                     "instead."));
}

TEST_CASE("render --no-ids leaves the post ids out of the boxes", "[cli][render]") {
    const auto count = [](const std::string& text, const std::string& what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    const auto with = reorg_cli("render " + kMinimal + " --format dot -o -");
    const auto without = reorg_cli("render " + kMinimal + " --no-ids --format dot -o -");
    REQUIRE(with.exit_code == 0);
    REQUIRE(without.exit_code == 0);
    // The id is in the tooltip either way, and in the box only with ids.
    CHECK(count(with.out, "KLF.IT.002") == 2);
    CHECK(count(without.out, "KLF.IT.002") == 1);
}

TEST_CASE("render draws a why-graph of 20000 findings in a loop in seconds", "[cli][render]") {
    const reorg::test::TempFolder folder;
    std::string findings = "id,kind,statement,about,because,severity,count,source,check\n";
    for (int f = 0; f < 20'000; ++f) {
        findings += "F" + std::to_string(f) + ",cause,Handovers take too long,U" +
                    std::to_string(f % 40) + ",F" + std::to_string((f + 1) % 20'000) + "," +
                    std::to_string(1 + f % 5) + ",1,survey,\n";
    }
    std::string units = "id,name,kind,parent,head,capacity\n";
    for (int u = 0; u < 40; ++u) units += "U" + std::to_string(u) + ",Unit,office,,,\n";
    folder.write("m/units.csv", units);
    folder.write("m/posts.csv", "id,title,unit,reports_to,function,fte,cost,person\n");
    folder.write("m/findings.csv", findings);
    const auto out = folder.path() / "why.svg";
    const auto started = std::chrono::steady_clock::now();
    const auto run = reorg_cli("render " + (folder.path() / "m").string() + " --view findings -o " +
                               out.string());
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(seconds < 20);
    const Svg svg(read_all(out));
    CHECK(svg.count("g") > 100);
    CHECK(read_all(out).find("120 of 20000 findings shown") != std::string::npos);
}
