// export_model (lib/reorg/io/export.hpp): the model as GraphML, GEXF, node-link JSON and DOT.
// Oracles are the consumers themselves: NetworkX reads GraphML, GEXF and JSON back
// (tests/io/read_graphml.py, Debian's python3-networkx: its XML readers are xml.etree, so
// ill-formed XML fails there), and Graphviz's own `dot` parses the DOT.
#include "reorg/io/export.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "reorg/io/load.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/model/id_rules.hpp"
#include "reorg/model/model.hpp"
#include "support/example_data.hpp"
#include "support/run_cli.hpp"
#include "support/temp_folder.hpp"

namespace {

using reorg::test::kKommun;

using namespace std::string_literals;
using namespace std::string_view_literals;
using Catch::Contains;
using nlohmann::json;
using reorg::io::export_model;
using reorg::io::ExportFormat;
using reorg::io::ExportOptions;
namespace model = reorg::model;

const std::string kPython = "/usr/bin/python3";
const std::string kReadScript = REORG_TESTS_DIR "/io/read_graphml.py";
const std::string kDot = "/usr/bin/dot";

constexpr auto kReplacement = "\xEF\xBF\xBD"sv;  // U+FFFD

constexpr std::array<ExportFormat, 4> kFormats{ExportFormat::GraphMl, ExportFormat::Gexf,
                                               ExportFormat::Json, ExportFormat::Dot};

std::string name_of(ExportFormat format) {
    switch (format) {
        case ExportFormat::GraphMl:
            return "graphml";
        case ExportFormat::Gexf:
            return "gexf";
        case ExportFormat::Json:
            return "json";
        case ExportFormat::Dot:
            return "dot";
    }
    return "?";
}

std::string exported(const model::Model& model, ExportFormat format, ExportOptions options = {}) {
    std::ostringstream out;
    export_model(out, model, format, options);
    return std::move(out).str();
}

using reorg::test::run_command;

std::string shell_quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

// What NetworkX reads from `text` (format graphml, gexf or json): read_graphml.py's JSON.
json read_with_networkx(const std::string& text, ExportFormat format) {
    const reorg::test::TempFolder folder;
    const auto file = folder.write("graph." + name_of(format), text);
    const auto run = run_command(kPython + " " + shell_quoted(kReadScript) + " --all --format " +
                                 name_of(format) + " " + shell_quoted(file));
    INFO("read_graphml.py needs Debian's python3-networkx (scripts/setup-debian.sh installs it)");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

// What Graphviz's `dot` parses from `text`: its -Tjson0 document (raw attribute values).
json read_with_graphviz(const std::string& text) {
    const reorg::test::TempFolder folder;
    const auto file = folder.write("graph.dot", text);
    const auto run = run_command(kDot + " -Tjson0 " + shell_quoted(file));
    INFO("needs Graphviz's dot (Debian's graphviz; scripts/setup-debian.sh installs it)");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());  // no syntax warnings either
    return json::parse(run.out);
}

// Numbers as doubles, so that JSON's 1200 and GraphML's 1200.0 compare (and print) alike.
json normalised(json value) {
    if (value.is_number()) return value.get<double>();
    if (value.is_structured()) {
        for (auto& element : value) element = normalised(element);
    }
    return value;
}

// An edge as one comparable line.
std::string edge_line(const json& source, const json& target, const json& attributes) {
    return source.get<std::string>() + " -> " + target.get<std::string>() + " " +
           normalised(attributes).dump();
}

std::vector<std::string> edge_lines(const json& read) {
    std::vector<std::string> lines;
    for (const auto& edge : read.at("edge")) lines.push_back(edge_line(edge[0], edge[1], edge[2]));
    std::sort(lines.begin(), lines.end());
    return lines;
}

// Graphviz's reading of a label (escString) from its raw value: `\\` is a backslash and `\n` a
// line break; the lexer already turned `\"` into `"`.
std::string graphviz_label(std::string_view raw) {
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size()) {
            ++i;
            text.push_back(raw[i] == 'n' ? '\n' : raw[i]);
        } else {
            text.push_back(raw[i]);
        }
    }
    return text;
}

// ---------------------------------------------------------------------------------------------
// A small organisation whose every string is hard to escape.
//
//   units                                    posts (reporting lines)
//   ORG   <script>alert(1)</script>          TOP   "a\"b                    head of ORG
//   ├── GRP   group, Ledningsgrupp 'x' …     ├── AMP   &                    vacant
//   └── IDLE  team, Tom<CR>enhet, unlinked   └── SV    Förvaltningschef åäö
//   EXT   external, Partner<TAB>AB<LF>…          └── ODD   C:\path\ (id a"b\c&<d>')
//                                            CTRL  bell<BEL> nul<NUL> bad<0xFF> end  head of EXT
//
//   links: AMP → TOP dotted_line 0.5 "line1<CR><LF>line2"; TOP → GRP and SV → GRP member_of;
//          EXT → ORG serves 1200 "<b>"; SV → CTRL collaborates (no weight)
constexpr auto kOddId = "a\"b\\c&<d>'"sv;
constexpr auto kCtrlTitle = "bell\x07 nul\0 bad\xff end"sv;

model::Model tricky_model() {
    const auto unit = [](std::uint32_t i) { return model::at<model::UnitId>(i); };
    const auto post = [](std::uint32_t i) { return model::at<model::PostId>(i); };
    const auto person = [](std::uint32_t i) { return model::at<model::PersonId>(i); };
    model::ModelParts parts;
    // Unit: id, name, kind, parent, head, capacity.
    parts.units = {
        {"ORG", "<script>alert(1)</script>", model::UnitKind::Administration, std::nullopt, post(0),
         std::nullopt},
        {"GRP", "Ledningsgrupp 'x' & \"y\"", model::UnitKind::Group, unit(0), std::nullopt,
         std::nullopt},
        {"IDLE", "Tom\renhet", model::UnitKind::Team, unit(0), std::nullopt, std::nullopt},
        {"EXT", "Partner\tAB\nrad två", model::UnitKind::External, std::nullopt, post(4), 1200.0},
    };
    // Post: id, title, function, unit, reports_to, fte, cost, person.
    parts.posts = {
        {"TOP", "\"a\\\"b", "ledning", unit(0), std::nullopt, 1.0, 1579050, person(0)},
        {"AMP", "&", "", unit(0), post(0), 0.5, 0.1 + 0.2, std::nullopt},
        {"SV", "Förvaltningschef åäö", "", unit(0), post(0), 1.0, 700000, person(1)},
        {kOddId, "C:\\path\\", "IT", unit(0), post(2), 1.0, 1e300, person(2)},
        {"CTRL", kCtrlTitle, "drift", unit(3), std::nullopt, 1.0, 0.0, std::nullopt},
    };
    parts.people = {{"P1", "Anna"}, {"P2", "Bo"}, {"P3", "Cilla"}};
    parts.links = {
        {post(1), post(0), model::LinkKind::DottedLine, 0.5, "line1\r\nline2"},
        {post(0), unit(1), model::LinkKind::MemberOf, std::nullopt, ""},
        {post(2), unit(1), model::LinkKind::MemberOf, std::nullopt, ""},
        {unit(3), unit(0), model::LinkKind::Serves, 1200.0, "<b>"},
        {post(2), post(4), model::LinkKind::Collaborates, std::nullopt, ""},
    };
    return model::Model(std::move(parts));
}

// The CTRL title as each format gives it back: XML 1.0 cannot hold BEL or NUL at all, JSON can;
// the byte 0xFF is not UTF-8 anywhere.
std::string ctrl_title(ExportFormat format) {
    if (format == ExportFormat::Json)
        return "bell\x07 nul\0 bad"s + std::string(kReplacement) + " end";
    const auto r = std::string(kReplacement);
    return "bell" + r + " nul" + r + " bad" + r + " end";
}

// Every node of tricky_model() as NetworkX should read it back.
json expected_tricky_nodes(ExportFormat format, bool units) {
    json nodes = {
        {"post:TOP",
         {{"type", "post"},
          {"ref", "TOP"},
          {"label", "\"a\\\"b"},
          {"title", "\"a\\\"b"},
          {"unit", "ORG"},
          {"function", "ledning"},
          {"fte", 1.0},
          {"cost", 1579050.0},
          {"vacant", false},
          {"layer", 1}}},
        {"post:AMP",
         {{"type", "post"},
          {"ref", "AMP"},
          {"label", "&"},
          {"title", "&"},
          {"unit", "ORG"},
          {"fte", 0.5},
          {"cost", 0.1 + 0.2},
          {"vacant", true},
          {"layer", 2}}},
        {"post:SV",
         {{"type", "post"},
          {"ref", "SV"},
          {"label", "Förvaltningschef åäö"},
          {"title", "Förvaltningschef åäö"},
          {"unit", "ORG"},
          {"fte", 1.0},
          {"cost", 700000.0},
          {"vacant", false},
          {"layer", 2}}},
        {"post:" + std::string(kOddId),
         {{"type", "post"},
          {"ref", kOddId},
          {"label", "C:\\path\\"},
          {"title", "C:\\path\\"},
          {"unit", "ORG"},
          {"function", "IT"},
          {"fte", 1.0},
          {"cost", 1e300},
          {"vacant", false},
          {"layer", 3}}},
        {"post:CTRL",
         {{"type", "post"},
          {"ref", "CTRL"},
          {"label", ctrl_title(format)},
          {"title", ctrl_title(format)},
          {"unit", "EXT"},
          {"function", "drift"},
          {"fte", 1.0},
          {"cost", 0.0},
          {"vacant", true},
          {"layer", 1}}},
        {"unit:ORG",
         {{"type", "unit"},
          {"ref", "ORG"},
          {"label", "<script>alert(1)</script>"},
          {"name", "<script>alert(1)</script>"},
          {"kind", "administration"},
          {"head", "TOP"}}},
        {"unit:GRP",
         {{"type", "unit"},
          {"ref", "GRP"},
          {"label", "Ledningsgrupp 'x' & \"y\""},
          {"name", "Ledningsgrupp 'x' & \"y\""},
          {"kind", "group"}}},
        {"unit:EXT",
         {{"type", "unit"},
          {"ref", "EXT"},
          {"label", "Partner\tAB\nrad två"},
          {"name", "Partner\tAB\nrad två"},
          {"kind", "external"},
          {"capacity", 1200.0},
          {"head", "CTRL"}}},
    };
    if (units) {
        nodes["unit:IDLE"] = {{"type", "unit"},
                              {"ref", "IDLE"},
                              {"label", "Tom\renhet"},
                              {"name", "Tom\renhet"},
                              {"kind", "team"}};
    }
    return nodes;
}

std::vector<std::string> expected_tricky_edges(ExportFormat format, bool units) {
    const auto odd = "post:" + std::string(kOddId);
    std::vector<std::array<json, 3>> edges = {
        {"post:AMP", "post:TOP", {{"kind", "reports_to"}}},
        {"post:SV", "post:TOP", {{"kind", "reports_to"}}},
        {odd, "post:SV", {{"kind", "reports_to"}}},
        {"post:AMP",
         "post:TOP",
         {{"kind", "dotted_line"}, {"weight", 0.5}, {"note", "line1\r\nline2"}}},
        {"post:TOP", "unit:GRP", {{"kind", "member_of"}}},
        {"post:SV", "unit:GRP", {{"kind", "member_of"}}},
        {"unit:EXT", "unit:ORG", {{"kind", "serves"}, {"weight", 1200}, {"note", "<b>"}}},
        {"post:SV", "post:CTRL", {{"kind", "collaborates"}}},
    };
    if (units) {
        for (const auto* post : {"post:TOP", "post:AMP", "post:SV", "post:CTRL"}) {
            edges.push_back(
                {post, post == "post:CTRL"s ? "unit:EXT" : "unit:ORG", {{"kind", "in_unit"}}});
        }
        edges.push_back({odd, "unit:ORG", {{"kind", "in_unit"}}});
        edges.push_back({"unit:GRP", "unit:ORG", {{"kind", "parent"}}});
        edges.push_back({"unit:IDLE", "unit:ORG", {{"kind", "parent"}}});
    }
    std::vector<std::string> lines;
    for (auto& [source, target, attributes] : edges) {
        // GEXF has an edge label of its own: the exporter puts the kind there too.
        if (format == ExportFormat::Gexf) attributes["label"] = attributes["kind"];
        lines.push_back(edge_line(source, target, attributes));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

// Checks every node and edge that NetworkX read against the expectations, one by one so that a
// failure names the node.
void check_read(const json& read, const json& nodes, const std::vector<std::string>& edges) {
    CHECK(read.at("directed") == true);
    CHECK(read.at("nodes") == nodes.size());
    CHECK(read.at("edges") == edges.size());
    for (const auto& [id, attributes] : nodes.items()) {
        INFO("node " << id);
        REQUIRE(read.at("node").contains(id));
        CHECK(normalised(read.at("node").at(id)).dump() == normalised(attributes).dump());
    }
    CHECK(edge_lines(read) == edges);
}

}  // namespace

TEST_CASE("export formats are named in any ASCII case", "[io][export]") {
    using reorg::io::parse_export_format;
    CHECK(parse_export_format("graphml") == ExportFormat::GraphMl);
    CHECK(parse_export_format("GraphML") == ExportFormat::GraphMl);
    CHECK(parse_export_format("GEXF") == ExportFormat::Gexf);
    CHECK(parse_export_format("json") == ExportFormat::Json);
    CHECK(parse_export_format("Dot") == ExportFormat::Dot);
    CHECK_FALSE(parse_export_format("svg"));
    CHECK_FALSE(parse_export_format(""));
    CHECK_FALSE(parse_export_format("graphml "));
}

TEST_CASE("exported GraphML, GEXF and JSON read back in NetworkX with every string exact",
          "[io][export]") {
    const auto model = tricky_model();
    for (const auto format : {ExportFormat::GraphMl, ExportFormat::Gexf, ExportFormat::Json}) {
        for (const bool units : {false, true}) {
            INFO(name_of(format) << (units ? " --units" : ""));
            const auto read = read_with_networkx(exported(model, format, {.units = units}), format);
            check_read(read, expected_tricky_nodes(format, units),
                       expected_tricky_edges(format, units));
            CHECK(read.at("multigraph") == true);  // AMP → TOP twice: reports_to, dotted_line
            // The strings of the brief, spelled out.
            const auto& node = read.at("node");
            CHECK(node.at("unit:ORG").at("name") == "<script>alert(1)</script>");
            CHECK(node.at("post:TOP").at("title") == "\"a\\\"b");
            CHECK(node.at("post:AMP").at("title") == "&");
            CHECK(node.at("post:SV").at("title") == "Förvaltningschef åäö");
            CHECK(node.at("post:AMP").at("cost").get<double>() == 0.1 + 0.2);  // exact
            CHECK(node.at("post:" + std::string(kOddId)).at("cost").get<double>() == 1e300);
        }
    }
}

TEST_CASE("exported XML escapes markup and holds no raw control character", "[io][export]") {
    const auto model = tricky_model();
    for (const auto format : {ExportFormat::GraphMl, ExportFormat::Gexf}) {
        INFO(name_of(format));
        const auto text = exported(model, format, {.units = true});
        CHECK_THAT(text, Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        CHECK_THAT(text, !Contains("<script>"));
        CHECK_THAT(text, Contains("&quot;a\\&quot;b"));
        CHECK_THAT(text, Contains("Ledningsgrupp &apos;x&apos; &amp; &quot;y&quot;"));
        CHECK_THAT(text, Contains("Förvaltningschef åäö"));  // UTF-8 kept, not &#...;
        CHECK_THAT(text, Contains("line1&#13;&#10;line2"));
        CHECK(std::none_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 && c != '\n';
        }));
    }
}

TEST_CASE("exported JSON escapes control characters numerically and keeps UTF-8", "[io][export]") {
    const auto text = exported(tricky_model(), ExportFormat::Json);
    CHECK_THAT(text, Contains(R"("title": "bell\u0007 nul\u0000 bad)"));
    CHECK_THAT(text, Contains(R"("title": "\"a\\\"b")"));
    CHECK_THAT(text, Contains(R"("note": "line1\u000d\u000aline2")"));
    CHECK_THAT(text, Contains("Förvaltningschef åäö"));
    // Plain decimals where people write them so; the exponent only where needed.
    CHECK_THAT(text, Contains(R"("cost": 700000,)"));
    CHECK_THAT(text, Contains(R"("cost": 0.30000000000000004,)"));
    CHECK_THAT(text, Contains(R"("cost": 1e+300,)"));
}

TEST_CASE("Graphviz parses the exported DOT and reads every label back", "[io][export]") {
    const auto model = tricky_model();
    const auto text = exported(model, ExportFormat::Dot, {.units = true});
    CHECK(text.rfind("digraph reorg {\n", 0) == 0);
    const auto graph = read_with_graphviz(text);
    CHECK(graph.at("directed") == true);
    REQUIRE(graph.at("objects").size() == 9);  // 5 posts, 4 units
    CHECK(graph.at("edges").size() == 15);     // 3 reporting, 5 links, 5 in_unit, 2 parent

    // Graphviz keeps a quoted string's backslashes (only \" is undone by its lexer), so a node
    // is named by its id with backslashes doubled; labels are read as escStrings.
    std::map<std::string, std::string> labels;
    for (const auto& node : graph.at("objects")) {
        labels[node.at("name").get<std::string>()] =
            graphviz_label(node.at("label").get<std::string>());
    }
    CHECK(labels.at("post:TOP") == "\"a\\\"b");
    CHECK(labels.at("post:AMP") == "&");
    CHECK(labels.at("post:SV") == "Förvaltningschef åäö");
    CHECK(labels.at("post:a\"b\\\\c&<d>'") == "C:\\path\\");
    CHECK(labels.at("post:CTRL") == ctrl_title(ExportFormat::Dot));
    CHECK(labels.at("unit:ORG") == "<script>alert(1)</script>");
    CHECK(labels.at("unit:GRP") == "Ledningsgrupp 'x' & \"y\"");
    CHECK(labels.at("unit:EXT") == "Partner\tAB\nrad två");
    CHECK(labels.at("unit:IDLE") == "Tom\nenhet");  // a lone CR is a line break too

    std::vector<std::string> notes;
    for (const auto& edge : graph.at("edges")) {
        if (edge.contains("note"))
            notes.push_back(graphviz_label(edge.at("note").get<std::string>()));
    }
    std::sort(notes.begin(), notes.end());
    CHECK(notes == std::vector<std::string>{"<b>", "line1\nline2"});  // CR LF: one line break
}

TEST_CASE("ids differing only in characters a format escapes stay distinct node ids",
          "[io][export]") {
    // Each id beside the spelling of its escape in some format, or a near twin: if a writer's
    // escaping were not one-to-one, two of them would come out as one node id, and an edge
    // would hang on the wrong node or on a node of its own. Posts and units share the ids.
    const std::vector<std::string> ids = {
        "A&B",
        "A&amp;B",
        "A<B",
        "A&lt;B",
        "A>B",
        "A&gt;B",
        "A\"B",
        "A&quot;B",
        "A'B",
        "A&apos;B",
        "A&#9;B",
        "A&#38;B",
        "A\\B",
        "A\\\\B",
        "A\\\"B",
        "A\\nB",
        "A\\u0009B",
        "A\\x01B",
        "A B",
        "A  B",
        "A\xC2\xA0"
        "B",
        "Å",
        "A\xCC\x8A",
        "\xEF\xBF\xBD",
        "日本",
        "post:A",
        "unit:A",
        "A:B",
        "A;B",
        "A,B",
        "{A}",
        "[A]",
        "A->B",
        "-- A",
        "\\",
        "\"",
    };
    for (const auto& id : ids) {
        INFO(id);
        REQUIRE_FALSE(model::id_problem(id));  // ids a file may hold
    }
    model::ModelParts parts;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        model::Unit unit;
        unit.id = ids[i];
        unit.name = "Enhet";
        if (i > 0) unit.parent = model::at<model::UnitId>(i - 1);
        parts.units.push_back(unit);
        model::Post post;
        post.id = ids[i];
        post.title = "Tjänst";
        post.unit = model::at<model::UnitId>(i);
        if (i > 0) post.reports_to = model::at<model::PostId>(i - 1);
        parts.posts.push_back(post);
    }
    const model::Model m(std::move(parts));
    const auto nodes = 2 * ids.size();
    const auto edges = 3 * ids.size() - 2;  // reporting lines, in_unit, parents

    std::set<std::string> expected;
    for (const auto& id : ids) {
        expected.insert("post:" + id);
        expected.insert("unit:" + id);
    }
    for (const auto format : {ExportFormat::GraphMl, ExportFormat::Gexf, ExportFormat::Json}) {
        INFO(name_of(format));
        const auto read = read_with_networkx(exported(m, format, {.units = true}), format);
        CHECK(read.at("nodes") == nodes);
        CHECK(read.at("edges") == edges);
        std::set<std::string> read_ids;
        for (const auto& [id, attributes] : read.at("node").items()) read_ids.insert(id);
        CHECK(read_ids == expected);
    }
    // Graphviz names a node by its quoted string with only \" undone: backslashes doubled.
    const auto graph = read_with_graphviz(exported(m, ExportFormat::Dot, {.units = true}));
    REQUIRE(graph.at("objects").size() == nodes);
    CHECK(graph.at("edges").size() == edges);
    std::set<std::string> names;
    for (const auto& node : graph.at("objects")) names.insert(node.at("name").get<std::string>());
    std::set<std::string> doubled;
    for (const auto& name : expected) {
        std::string text;
        for (const char c : name) text += c == '\\' ? "\\\\" : std::string(1, c);
        doubled.insert(text);
    }
    CHECK(names == doubled);
}

TEST_CASE("export without --units shows exactly the units that links name", "[io][export]") {
    // IDLE is named by no link; ORG, GRP and EXT are (serves, member_of).
    const auto model = tricky_model();
    for (const auto format : kFormats) {
        INFO(name_of(format));
        const auto plain = exported(model, format);
        const auto with_units = exported(model, format, {.units = true});
        CHECK_THAT(plain, Contains("unit:ORG") && Contains("unit:GRP") && Contains("unit:EXT"));
        CHECK_THAT(plain, !Contains("unit:IDLE") && !Contains("in_unit") && !Contains("parent"));
        CHECK_THAT(with_units, Contains("unit:IDLE") && Contains("in_unit") && Contains("parent"));
    }
}

TEST_CASE("export gives the same bytes for the same model", "[io][export]") {
    const auto model = tricky_model();
    const auto kommun = reorg::io::load_model(kKommun);
    const auto kommun_again = reorg::io::load_model(kKommun);
    for (const auto format : kFormats) {
        for (const bool units : {false, true}) {
            INFO(name_of(format) << (units ? " --units" : ""));
            CHECK(exported(model, format, {.units = units}) ==
                  exported(model, format, {.units = units}));
            CHECK(exported(kommun, format, {.units = units}) ==
                  exported(kommun_again, format, {.units = units}));
        }
    }
}

TEST_CASE("an empty model exports as an empty graph in every format", "[io][export]") {
    const model::Model empty;
    for (const auto format : {ExportFormat::GraphMl, ExportFormat::Gexf, ExportFormat::Json}) {
        INFO(name_of(format));
        const auto read = read_with_networkx(exported(empty, format, {.units = true}), format);
        CHECK(read.at("nodes") == 0);
        CHECK(read.at("edges") == 0);
    }
    const auto graph = read_with_graphviz(exported(empty, ExportFormat::Dot));
    CHECK((!graph.contains("objects") || graph.at("objects").empty()));
}

TEST_CASE("the exported example municipality reads back in NetworkX as the model", "[io][export]") {
    const auto model = reorg::io::load_model(kKommun);
    const auto& forest = model::reporting_forest(model);

    for (const bool units : {false, true}) {
        // Expectations straight from the model.
        json nodes = json::object();
        const auto posts = model.posts();
        for (std::size_t i = 0; i < posts.size(); ++i) {
            const auto& post = posts[i];
            json node = {{"type", "post"},
                         {"ref", post.id},
                         {"unit", model[post.unit].id},
                         {"fte", post.fte},
                         {"cost", post.cost},
                         {"vacant", !post.person.has_value()},
                         {"layer", forest.depth(model::at<model::PostId>(i))}};
            if (!post.title.empty()) node["label"] = node["title"] = post.title;
            if (!post.function.empty()) node["function"] = post.function;
            nodes["post:" + std::string(post.id)] = node;
        }
        std::vector<bool> named(model.units().size(), units);
        for (const auto& link : model.links()) {
            for (const auto& end : {link.from, link.to}) {
                if (const auto* unit = std::get_if<model::UnitId>(&end)) {
                    named[model::index(*unit)] = true;
                }
            }
        }
        for (std::size_t i = 0; i < model.units().size(); ++i) {
            if (!named[i]) continue;
            const auto& unit = model.units()[i];
            json node = {{"type", "unit"},
                         {"ref", unit.id},
                         {"label", unit.name},
                         {"name", unit.name},
                         {"kind", model::to_string(unit.kind)}};
            if (unit.capacity) node["capacity"] = *unit.capacity;
            if (unit.head) node["head"] = model[*unit.head].id;
            nodes["unit:" + std::string(unit.id)] = node;
        }

        std::vector<std::array<json, 3>> edges;
        const auto node_id = [&model](model::Ref ref) {
            return (std::holds_alternative<model::PostId>(ref) ? "post:"s : "unit:"s) +
                   std::string(model.id_of(ref));
        };
        for (const auto& post : posts) {
            if (post.reports_to) {
                edges.push_back({"post:" + std::string(post.id),
                                 "post:" + std::string(model[*post.reports_to].id),
                                 {{"kind", "reports_to"}}});
            }
        }
        for (const auto& link : model.links()) {
            json attributes = {{"kind", model::to_string(link.kind)}};
            if (link.weight) attributes["weight"] = *link.weight;
            if (!link.note.empty()) attributes["note"] = link.note;
            edges.push_back({node_id(link.from), node_id(link.to), attributes});
        }
        if (units) {
            for (const auto& post : posts) {
                edges.push_back({"post:" + std::string(post.id),
                                 "unit:" + std::string(model[post.unit].id),
                                 {{"kind", "in_unit"}}});
            }
            for (const auto& unit : model.units()) {
                if (unit.parent) {
                    edges.push_back({"unit:" + std::string(unit.id),
                                     "unit:" + std::string(model[*unit.parent].id),
                                     {{"kind", "parent"}}});
                }
            }
        }

        for (const auto format : {ExportFormat::GraphMl, ExportFormat::Gexf, ExportFormat::Json}) {
            INFO(name_of(format) << (units ? " --units" : ""));
            std::vector<std::string> lines;
            for (auto [source, target, attributes] : edges) {
                if (format == ExportFormat::Gexf) attributes["label"] = attributes["kind"];
                lines.push_back(edge_line(source, target, attributes));
            }
            std::sort(lines.begin(), lines.end());
            const auto read = read_with_networkx(exported(model, format, {.units = units}), format);
            check_read(read, nodes, lines);
            // A few named by hand, so that the test does not only mirror the exporter's rules.
            CHECK(read.at("node").at("post:KC").at("title") == "Kommunchef");
            CHECK(read.at("node").at("post:KC").at("layer") == 1);
            CHECK(read.at("node").at("post:KC").at("cost").get<double>() == 1579050);
            CHECK(read.at("node").at("unit:KLF.IT").at("capacity").get<double>() == 16000);
        }
    }

    // Graphviz parses the whole municipality too.
    const reorg::test::TempFolder folder;
    const auto file =
        folder.write("kommun.dot", exported(model, ExportFormat::Dot, {.units = true}));
    const auto run = run_command(kDot + " -Tcanon " + shell_quoted(file));
    INFO("stderr: " << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
}
