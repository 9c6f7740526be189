// The Graphviz adapter: every format, escaping, determinism and errors.
#include "reorg/render/graphviz.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "reorg/base/error.hpp"
#include "support/svg.hpp"
#include "support/temp_folder.hpp"

namespace {

using reorg::render::Diagram;
using reorg::render::Format;
using reorg::render::Graphviz;
using reorg::render::Placement;
using reorg::render::ValueKind;
using reorg::test::Svg;

/*
 * A manager over two reports, one of them with a hostile title:
 *
 *        boss
 *       /    \
 *    plain   hostile
 */
Diagram small_diagram() {
    Diagram diagram;
    const auto boss = diagram.add_node({{"label", "Kommunchef Åsa Öberg", ValueKind::Text}});
    const auto plain = diagram.add_node({{"label", R"(back\slash \N "quoted")", ValueKind::Text}});
    const auto hostile = diagram.add_node(
        {{"label", "<B>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</B>", ValueKind::Html}});
    diagram.add_edge(boss, plain);
    diagram.add_edge(boss, hostile);
    return diagram;
}

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("Every format comes out in its own file format", "[render][graphviz]") {
    Graphviz graphviz;
    const auto diagram = small_diagram();

    const auto svg = graphviz.render(diagram, Format::Svg);
    const Svg parsed(svg);
    CHECK(parsed.count("g") >= 3);

    const auto png = graphviz.render(diagram, Format::Png);
    REQUIRE(png.size() > 24);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));

    const auto pdf = graphviz.render(diagram, Format::Pdf);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("%%EOF") != std::string::npos);

    const auto dot = graphviz.render(diagram, Format::Dot);
    CHECK(dot.rfind("digraph", 0) == 0);
    CHECK(dot.find("n0 -> n1") != std::string::npos);
    CHECK(dot.find("pos=") == std::string::npos);  // no layout in .dot
    CHECK(dot.find("layout=dot") != std::string::npos);
}

TEST_CASE("The user's text is shown literally in SVG", "[render][graphviz][escaping]") {
    Graphviz graphviz;
    const Svg svg(graphviz.render(small_diagram(), Format::Svg));
    CHECK(svg.has_text("Kommunchef Åsa Öberg"));
    // Graphviz would read \N as the node's name and \\ as one backslash without escaping.
    CHECK(svg.has_text(R"(back\slash \N "quoted")"));
    CHECK(svg.has_text("<script>alert(1)</script> & co"));
    CHECK(svg.count("script") == 0);
}

TEST_CASE("Tooltips and control characters come out as text too", "[render][graphviz][escaping]") {
    Diagram diagram;
    // Graphviz expands a tooltip's escapes twice; a control character is not allowed in XML.
    diagram.add_node({{"label",
                       "Alpha\x01"
                       "beta",
                       ValueKind::Text},
                      {"tooltip", R"(F\N1 \G <x> & "q" \\ back)", ValueKind::Text}});
    Graphviz graphviz;
    const Svg svg(graphviz.render(diagram, Format::Svg));
    CHECK(svg.has_text("Alpha\uFFFDbeta"));
    const auto link = svg.document.select_node("//*[local-name()='a']");
    REQUIRE(link);
    CHECK(std::string(link.node().attribute("xlink:title").value()) ==
          R"(F\N1 \G <x> & "q" \\ back)");
}

TEST_CASE("The same diagram gives the same bytes in every format", "[render][graphviz]") {
    Graphviz graphviz;
    for (const auto format : {Format::Dot, Format::Svg, Format::Png, Format::Pdf}) {
        INFO(reorg::render::to_string(format));
        CHECK(graphviz.render(small_diagram(), format) == graphviz.render(small_diagram(), format));
    }
}

TEST_CASE("Fixed positions are drawn where the diagram puts them", "[render][graphviz]") {
    Diagram diagram;
    diagram.placement = Placement::Fixed;
    const auto a = diagram.add_node({{"label", "a"}, {"pos", "100,200"}});
    const auto b = diagram.add_node({{"label", "b"}, {"pos", "400,0"}});
    diagram.add_edge(
        a, b,
        {{"pos", "100,180 100,100 100,100 400,100 400,100 400,100 400,20"}, {"arrowhead", "none"}});
    Graphviz graphviz;
    const auto dot = graphviz.render(diagram, Format::Dot);
    // The written graph says how to draw it: `dot -Tsvg chart.dot` keeps the positions.
    CHECK(dot.find("layout=nop2") != std::string::npos);
    const Svg svg(graphviz.render(diagram, Format::Svg));
    // The edge keeps its right-angled route: an M and three straight Bézier pieces.
    const auto path =
        svg.document.select_node("//*[local-name()='g'][@class='edge']/*[local-name()='path']");
    REQUIRE(path);
    const std::string d = path.node().attribute("d").value();
    CHECK(d.find('C') != std::string::npos);
    // 300 points apart horizontally, as given (Graphviz translates the drawing as a whole).
    const auto first =
        svg.document.select_node("//*[local-name()='g'][@class='node'][1]/*[local-name()='text']");
    const auto second =
        svg.document.select_node("//*[local-name()='g'][@class='node'][2]/*[local-name()='text']");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second.node().attribute("x").as_double() - first.node().attribute("x").as_double() ==
          Approx(300));
}

TEST_CASE("Graphviz's errors become RenderError with its message", "[render][graphviz]") {
    Graphviz graphviz;
    Diagram broken;
    broken.add_node({{"label", "<B>unclosed", ValueKind::Html}});
    REQUIRE_THROWS_AS(graphviz.render(broken, Format::Svg), reorg::RenderError);
    try {
        (void)graphviz.render(broken, Format::Svg);
    } catch (const reorg::RenderError& error) {
        CHECK(std::string(error.what()).find("in label of node n0") != std::string::npos);
    }
    // The context is still usable afterwards.
    CHECK_NOTHROW(graphviz.render(small_diagram(), Format::Svg));

    Diagram dangling;
    dangling.add_node({});
    dangling.add_edge(0, 7);
    CHECK_THROWS_AS(graphviz.render(dangling, Format::Svg), reorg::RenderError);
}

TEST_CASE("Only one Graphviz context lives at a time", "[render][graphviz]") {
    {
        Graphviz first;
        CHECK_THROWS_AS(Graphviz(), reorg::RenderError);
    }
    CHECK_NOTHROW(Graphviz());
}

TEST_CASE("render_to_file writes the file whole", "[render][graphviz]") {
    const reorg::test::TempFolder folder;
    Graphviz graphviz;
    const auto path = folder.path() / "chart.svg";
    graphviz.render_to_file(small_diagram(), Format::Svg, path);
    CHECK(read_all(path) == graphviz.render(small_diagram(), Format::Svg));
    // A folder that does not exist is the user's to fix.
    CHECK_THROWS_AS(graphviz.render_to_file(small_diagram(), Format::Svg,
                                            folder.path() / "missing" / "chart.svg"),
                    reorg::InputError);
    CHECK(!std::filesystem::exists(folder.path() / "missing"));
}

TEST_CASE("Formats are known by name and by extension", "[render][graphviz]") {
    using reorg::render::format_of;
    using reorg::render::parse_format;
    CHECK(parse_format("SVG") == Format::Svg);
    CHECK(parse_format("jpeg") == std::nullopt);
    CHECK(format_of("out/chart.pdf") == Format::Pdf);
    CHECK(format_of("chart.PNG") == Format::Png);
    CHECK(format_of("chart.dot") == Format::Dot);
    CHECK(format_of("chart.jpg") == std::nullopt);
    CHECK(format_of("chart") == std::nullopt);
}
