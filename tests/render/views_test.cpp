// The four views built from models: what each draws, focus and depth, overlays, the tidy
// layout's placement, and escaping all the way to SVG.
#include "reorg/render/views.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "reorg/analysis/centrality.hpp"
#include "reorg/base/error.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"
#include "reorg/render/graphviz.hpp"
#include "reorg/render/style.hpp"
#include "support/model_fixture.hpp"
#include "support/svg.hpp"

namespace {

using reorg::model::Model;
using reorg::render::Diagram;
using reorg::render::DiagramNode;
using reorg::render::find_attribute;
using reorg::render::LayoutChoice;
using reorg::render::Overlay;
using reorg::render::View;
using reorg::render::ViewOptions;
namespace style = reorg::render::style;

/*
 * data/minimal: KC heads KLF; IT.CHEF (KLF.IT) has three reports, KLF.IT.003 vacant; STF.CHEF
 * (STF) has three. STF.001 has a dotted line to EKO.CHEF; KC and STF.CHEF are members of the
 * group IT.STYR. KLF.IT (capacity 3000) serves STF (2400) and KLF (1200): load 1.2.
 *
 *                    KC
 *        /           |           \
 *   EKO.CHEF      IT.CHEF       STF.CHEF
 *      :        /    |    \     /   |    \
 *      :    .001  .002 .003  .001 .002 .003
 *      :..............................:   (dotted line)
 */
const Model& minimal() {
    static const Model model = reorg::io::load_model(REORG_DATA_DIR "/minimal/model.yaml");
    return model;
}

// The view with the figures it needs, computed as `reorg render` computes them.
Diagram draw(const Model& model, const ViewOptions& options) {
    const reorg::graph::ModelGraphs graphs(model);
    return reorg::render::make_diagram(model, options, reorg::render::figures_for(graphs, options));
}

std::string_view tooltip_id(const DiagramNode& node) {
    const auto tooltip = find_attribute(node.attributes, "tooltip");
    return tooltip.substr(0, tooltip.find(" — "));
}

// The ids of the posts a diagram draws, in drawing order (post boxes carry "ID — ..." tooltips).
std::vector<std::string> drawn_posts(const Model& model, const Diagram& diagram) {
    std::vector<std::string> ids;
    for (const auto& node : diagram.nodes) {
        const auto id = tooltip_id(node);
        if (!id.empty() && model.find_post(id)) ids.emplace_back(id);
    }
    return ids;
}

const DiagramNode& node_of(const Diagram& diagram, std::string_view id) {
    for (const auto& node : diagram.nodes) {
        if (tooltip_id(node) == id) return node;
    }
    FAIL("no node for " << id);
    throw;  // not reached
}

std::size_t count_edges(const Diagram& diagram, std::string_view name, std::string_view value) {
    return static_cast<std::size_t>(std::count_if(
        diagram.edges.begin(), diagram.edges.end(),
        [&](const auto& edge) { return find_attribute(edge.attributes, name) == value; }));
}

bool label_has(const DiagramNode& node, std::string_view text) {
    return find_attribute(node.attributes, "label").find(text) != std::string_view::npos;
}

std::string graph_label(const Diagram& diagram) {
    return std::string(find_attribute(diagram.graph, "label"));
}

// Legend nodes are plain HTML tables.
std::vector<std::string> legends(const Diagram& diagram) {
    std::vector<std::string> labels;
    for (const auto& node : diagram.nodes) {
        if (find_attribute(node.attributes, "shape") == "plain") {
            labels.emplace_back(find_attribute(node.attributes, "label"));
        }
    }
    return labels;
}

// A legend node, or (in the views dot lays out) a legend beside the title in the graph label.
bool has_legend(const Diagram& diagram, std::string_view title) {
    const auto heading = graph_label(diagram);
    if (heading.find("<B>" + std::string(title)) != std::string::npos) return true;
    const auto all = legends(diagram);
    return std::any_of(all.begin(), all.end(), [&](const std::string& label) {
        return label.find(std::string(title)) != std::string::npos;
    });
}

ViewOptions with_dot(ViewOptions options) {
    options.layout = LayoutChoice::Dot;
    return options;
}

}  // namespace

TEST_CASE("The posts view draws every post with title, holder or VACANT, and unit",
          "[render][views][posts]") {
    const auto diagram = draw(minimal(), with_dot({}));
    CHECK(drawn_posts(minimal(), diagram).size() == 10);
    const auto& chief = node_of(diagram, "KC");
    CHECK(label_has(chief, "Kommunchef"));
    CHECK(label_has(chief, "Karin Ek"));
    CHECK(label_has(chief, "Kommunledningsförvaltningen"));
    const auto& vacant = node_of(diagram, "KLF.IT.003");
    CHECK(label_has(vacant, "VACANT"));
    CHECK(find_attribute(vacant.attributes, "style").find("dashed") != std::string_view::npos);
    CHECK(find_attribute(chief.attributes, "style").find("dashed") == std::string_view::npos);
    // Reporting lines: one per post with a manager, plain (dotted lines and memberships have a
    // style).
    CHECK(count_edges(diagram, "style", "") == 9);
    CHECK(has_legend(diagram, "Posts"));

    const auto nameless = draw(minimal(), with_dot({.names = false}));
    CHECK_FALSE(label_has(node_of(nameless, "KC"), "Karin Ek"));
    CHECK(label_has(node_of(nameless, "KLF.IT.003"), "VACANT"));
}

TEST_CASE("Dotted lines are dashed edges and groups are drawn as groups",
          "[render][views][posts]") {
    for (const auto layout : {LayoutChoice::Dot, LayoutChoice::Tree}) {
        const auto diagram = draw(minimal(), {.layout = layout});
        CHECK(count_edges(diagram, "style", "dashed") == 1);
        CHECK(count_edges(diagram, "style", "dotted") == 2);  // KC and STF.CHEF in IT.STYR
        const auto& group = node_of(diagram, "IT.STYR");
        CHECK(find_attribute(group.attributes, "shape") == "tab");
        CHECK(label_has(group, "2 members"));
    }
}

TEST_CASE("Posts in external units are grey", "[render][views][posts]") {
    const auto model = reorg::test::load_yaml(R"(
units:
  - {id: A, name: Förvaltningen, kind: administration, head: P1}
  - {id: X, name: Konsultbolaget, kind: external, head: P2}
posts:
  - {id: P1, title: Chef, unit: A, person: H1}
  - {id: P2, title: Konsult, unit: X, reports_to: P1, person: H2}
people:
  - {id: H1, name: Ada}
  - {id: H2, name: Bo}
)");
    const auto diagram = draw(model, with_dot({}));
    CHECK(find_attribute(node_of(diagram, "P2").attributes, "fillcolor") == style::kExternal);
    CHECK(find_attribute(node_of(diagram, "P1").attributes, "fillcolor") == style::kBox);
}

TEST_CASE("Focus and depth choose a part of the org chart", "[render][views][focus]") {
    using Ids = std::vector<std::string>;
    const auto& model = minimal();
    CHECK(drawn_posts(model, draw(model, with_dot({.focus = "KC", .depth = 2}))) ==
          Ids{"KC", "EKO.CHEF", "IT.CHEF", "STF.CHEF"});
    CHECK(drawn_posts(model, draw(model, with_dot({.focus = "IT.CHEF"}))) ==
          Ids{"IT.CHEF", "KLF.IT.001", "KLF.IT.002", "KLF.IT.003"});
    // A unit: its posts (with its sub-units') and nothing that reports in from elsewhere.
    CHECK(drawn_posts(model, draw(model, with_dot({.focus = "STF"}))) ==
          Ids{"STF.CHEF", "STF.001", "STF.002", "STF.003"});
    CHECK(drawn_posts(model, draw(model, with_dot({.depth = 1}))) == Ids{"KC"});

    try {
        (void)draw(model, {.focus = "NOPE"});
        FAIL("an unknown focus must be refused");
    } catch (const reorg::OptionError& error) {
        CHECK(error.option() == "focus");
        CHECK(std::string(error.what()).find("NOPE") != std::string::npos);
    }
    CHECK_THROWS_AS(draw(model, {.depth = 0}), reorg::OptionError);
}

TEST_CASE("Above its limit of boxes the posts view shows units and says so",
          "[render][views][posts]") {
    const auto diagram = draw(minimal(), with_dot({.max_nodes = 5}));
    CHECK(drawn_posts(minimal(), diagram).empty());
    CHECK(graph_label(diagram).find("10 posts are more than the limit of 5") != std::string::npos);
    CHECK(label_has(node_of(diagram, "KLF.IT"), "IT-kontoret"));

    // Under a post the units are those that hold its posts: KC's reach both administrations.
    const auto under_kc = draw(minimal(), with_dot({.focus = "KC", .max_nodes = 9}));
    CHECK(label_has(node_of(under_kc, "KLF"), "Kommunledningsförvaltningen"));
    CHECK(label_has(node_of(under_kc, "STF"), "Service- och teknikförvaltningen"));
    // Under IT.CHEF only the IT office.
    const auto under_it = draw(minimal(), with_dot({.focus = "IT.CHEF", .max_nodes = 2}));
    CHECK(label_has(node_of(under_it, "KLF.IT"), "IT-kontoret"));
    CHECK(graph_label(under_it).find("4 posts are more than the limit of 2") != std::string::npos);
    for (const auto& node : under_it.nodes) CHECK(tooltip_id(node) != "KLF");
}

TEST_CASE("Above its limit of boxes the units view keeps its top levels and says so",
          "[render][views][units]") {
    const auto model = reorg::io::load_model(REORG_DATA_DIR "/kommun");
    const auto diagram = draw(model, {.view = View::Units, .max_nodes = 20});
    std::size_t units = 0;
    for (const auto& node : diagram.nodes) {
        if (model.find_unit(tooltip_id(node))) ++units;
    }
    CHECK(units > 0);
    CHECK(units <= 20);
    CHECK(graph_label(diagram).find("84 units are more than the limit of 20") != std::string::npos);
    // The posts view collapses to units, and those are cut the same way.
    const auto posts = draw(model, {.max_nodes = 20});
    CHECK(drawn_posts(model, posts).empty());
    CHECK(graph_label(posts).find("546 posts are more than the limit of 20") != std::string::npos);
    CHECK(graph_label(posts).find("84 units are more than the limit of 20") != std::string::npos);
}

TEST_CASE("The units view carries headcount, FTE and cost", "[render][views][units]") {
    const auto diagram = draw(minimal(), with_dot({.view = View::Units}));
    // KLF.IT: IT.CHEF, .001, .002 filled, .003 vacant; costs 1.18 + 0.59 + 0.73 + 0.70 M.
    const auto& it = node_of(diagram, "KLF.IT");
    CHECK(label_has(it, "3 staff · 4 FTE · 1 vacant"));
    CHECK(label_has(it, "cost 3.2 M"));
    // KLF rolls up its sub-units: KC, EKO.CHEF and the four of KLF.IT.
    CHECK(label_has(node_of(diagram, "KLF"), "5 staff · 6 FTE · 1 vacant"));
    CHECK(find_attribute(node_of(diagram, "IT.STYR").attributes, "shape") == "tab");
    CHECK(label_has(node_of(diagram, "IT.STYR"), "2 members"));  // KC and STF.CHEF
    CHECK(diagram.edges.size() == 2);                            // KLF.IT and IT.STYR under KLF
    CHECK(has_legend(diagram, "Units"));
}

TEST_CASE("The findings view colours by kind and clusters by unit", "[render][views][findings]") {
    const auto diagram = draw(minimal(), {.view = View::Findings});
    CHECK(find_attribute(node_of(diagram, "F01").attributes, "fillcolor") == style::kWorks);
    CHECK(find_attribute(node_of(diagram, "F02").attributes, "fillcolor") == style::kDoesnt);
    CHECK(find_attribute(node_of(diagram, "C01").attributes, "fillcolor") == style::kCause);
    // C02 ends the chain F02 → C01 → C02: the root cause, drawn thick.
    CHECK(label_has(node_of(diagram, "C02"), "ROOT CAUSE"));
    CHECK(find_attribute(node_of(diagram, "C02").attributes, "penwidth") == "3");
    CHECK(find_attribute(node_of(diagram, "C01").attributes, "penwidth").empty());
    CHECK(diagram.edges.size() == 2);
    // F01, F02 and C01 are about KLF.IT (or its posts); C02 first names KLF.
    REQUIRE(diagram.clusters.size() == 2);
    std::multiset<std::size_t> sizes;
    for (const auto& cluster : diagram.clusters) sizes.insert(cluster.nodes.size());
    CHECK(sizes == std::multiset<std::size_t>{1, 3});
    CHECK(has_legend(diagram, "Findings"));

    const auto focused = draw(minimal(), {.view = View::Findings, .focus = "STF"});
    CHECK(focused.edges.empty());
    CHECK(label_has(node_of(focused, "C02"), "ROOT CAUSE"));

    CHECK_THROWS_AS(draw(minimal(), {.view = View::Findings, .overlay = Overlay::Load}),
                    reorg::OptionError);
}

TEST_CASE("Loops of causes are drawn in their own colour", "[render][views][findings]") {
    /*
     *   F ──► C1 ──► C2
     *          ▲      │
     *          └─ C3 ◄┘        (C1 → C2 → C3 → C1 is a loop; F → C1 is not on it)
     */
    const auto model = reorg::test::load_yaml(R"(
units:
  - {id: A, name: Enheten, kind: department, head: P}
posts:
  - {id: P, title: Chef, unit: A}
findings:
  - {id: F, kind: doesnt_work, statement: Det blir fel, about: [A], because: [C1]}
  - {id: C1, kind: cause, statement: Ingen tid, about: [A], because: [C2]}
  - {id: C2, kind: cause, statement: Brandkårsutryckningar, about: [A], because: [C3]}
  - {id: C3, kind: cause, statement: Ingen planering, about: [A], because: [C1]}
)");
    const auto diagram = draw(model, {.view = View::Findings});
    REQUIRE(diagram.edges.size() == 4);
    const auto id_of = [&](std::uint32_t node) { return tooltip_id(diagram.nodes[node]); };
    std::set<std::pair<std::string, std::string>> loop_edges;
    for (const auto& edge : diagram.edges) {
        if (find_attribute(edge.attributes, "color") == style::kLoop) {
            loop_edges.emplace(id_of(edge.tail), id_of(edge.head));
        }
    }
    CHECK(loop_edges ==
          std::set<std::pair<std::string, std::string>>{{"C1", "C2"}, {"C2", "C3"}, {"C3", "C1"}});
}

TEST_CASE("The flows view sizes edges by volume and colours units by load",
          "[render][views][flows]") {
    const auto diagram = draw(minimal(), {.view = View::Flows});
    const auto& it = node_of(diagram, "KLF.IT");
    CHECK(label_has(it, "load 1.2"));
    CHECK(label_has(it, "OVERLOADED"));
    CHECK(find_attribute(it.attributes, "fillcolor") == style::load_colour(1.2));
    CHECK(find_attribute(it.attributes, "fontcolor") == "#ffffff");  // dark fill, light text
    REQUIRE(diagram.edges.size() == 2);
    std::vector<double> widths;
    for (const auto& edge : diagram.edges) {
        widths.push_back(std::stod(std::string(find_attribute(edge.attributes, "penwidth"))));
    }
    std::sort(widths.begin(), widths.end());
    CHECK(widths.back() == Approx(8));                                      // 2400, the largest
    CHECK(widths.front() == Approx(1 + 7 * std::sqrt(0.5)).epsilon(0.01));  // 1200
    CHECK(has_legend(diagram, "Load"));
}

TEST_CASE("Every overlay colours the chart and carries its legend", "[render][views][overlay]") {
    const auto& model = minimal();
    struct Case {
        Overlay overlay;
        std::string title;
    };
    for (const auto& [overlay, title] :
         {Case{Overlay::Findings, "Findings: net score"}, Case{Overlay::Betweenness, "Betweenness"},
          Case{Overlay::Load, "Load"}, Case{Overlay::Spof, "Single point of failure"}}) {
        for (const auto view : {View::Posts, View::Units, View::Flows}) {
            INFO(reorg::render::to_string(overlay) << " on " << reorg::render::to_string(view));
            const auto diagram = draw(model, {.view = view, .overlay = overlay});
            CHECK(has_legend(diagram, title));
        }
    }

    SECTION("findings: the unit's net score, on a red-to-green scale") {
        // KLF.IT: F01 works 3 × 9 = 27, F02 doesn't 5 × 12 = 60: net −33, the worst.
        const auto diagram = draw(model, with_dot({.overlay = Overlay::Findings}));
        CHECK(find_attribute(node_of(diagram, "KLF.IT.001").attributes, "fillcolor") ==
              style::diverging(-33, 33));
        CHECK(label_has(node_of(diagram, "KLF.IT.001"), "net -33"));
        CHECK(find_attribute(node_of(diagram, "STF.001").attributes, "fillcolor") == style::kBox);
    }
    SECTION("betweenness: the most central post is darkest") {
        const auto exact = reorg::analysis::betweenness(reorg::graph::work_graph(model));
        const auto top = static_cast<std::size_t>(
            std::max_element(exact.value.begin(), exact.value.end()) - exact.value.begin());
        const auto diagram = draw(model, with_dot({.overlay = Overlay::Betweenness}));
        const auto& node = node_of(diagram, model.posts()[top].id);
        CHECK(find_attribute(node.attributes, "fillcolor") == style::sequential(1, 1));
    }
    SECTION("the scale spans what is drawn, and says so when the extreme lies elsewhere") {
        // Within STF.CHEF's subtree STF.CHEF is the most central post (0.54), though IT.CHEF
        // is more central in the whole organisation (0.58).
        const auto diagram =
            draw(model, with_dot({.overlay = Overlay::Betweenness, .focus = "STF.CHEF"}));
        CHECK(find_attribute(node_of(diagram, "STF.CHEF").attributes, "fillcolor") ==
              style::sequential(1, 1));
        CHECK(graph_label(diagram).find("the highest in the whole organisation") !=
              std::string::npos);
        const auto whole = draw(model, with_dot({.overlay = Overlay::Betweenness}));
        CHECK(graph_label(whole).find("the highest in the whole organisation") ==
              std::string::npos);
    }
    SECTION("spof: articulation points by their cut-off, other posts untouched") {
        const auto diagram = draw(model, with_dot({.overlay = Overlay::Spof}));
        // IT.CHEF's loss cuts off its three reports.
        CHECK(label_has(node_of(diagram, "IT.CHEF"), "cuts off 3"));
        CHECK(find_attribute(node_of(diagram, "IT.CHEF").attributes, "fillcolor") != style::kBox);
        CHECK(find_attribute(node_of(diagram, "KLF.IT.001").attributes, "fillcolor") ==
              style::kBox);
    }
    SECTION("load on the units view") {
        const auto diagram = draw(model, with_dot({.view = View::Units, .overlay = Overlay::Load}));
        CHECK(find_attribute(node_of(diagram, "KLF.IT").attributes, "fillcolor") ==
              style::load_colour(1.2));
        CHECK(label_has(node_of(diagram, "KLF.IT"), "OVERLOADED"));
    }
}

TEST_CASE("Every overlay colour in a chart is explained by its legend, in order",
          "[render][views][overlay]") {
    const auto model = reorg::io::load_model(REORG_DATA_DIR "/kommun");
    for (const auto overlay :
         {Overlay::Findings, Overlay::Betweenness, Overlay::Load, Overlay::Spof}) {
        for (const auto view : {View::Posts, View::Units}) {
            INFO(reorg::render::to_string(overlay) << " on " << reorg::render::to_string(view));
            const auto diagram = draw(model, {.view = view, .overlay = overlay});
            const auto all = legends(diagram);
            REQUIRE(all.size() == 2);  // the view's own, then the overlay's
            const auto& legend = all.back();
            for (const auto& node : diagram.nodes) {
                const auto fill = find_attribute(node.attributes, "fillcolor");
                if (fill.empty() || find_attribute(node.attributes, "shape") == "plain") continue;
                const bool own = fill == style::kBox || fill == style::kExternal ||
                                 fill == style::kGroup || fill == style::kCommittee;
                if (!own)
                    CHECK(legend.find("BGCOLOR=\"" + std::string(fill) + "\"") !=
                          std::string::npos);
            }
            // Ranges run upwards: "a – b" with a ≤ b.
            for (std::size_t at = legend.find(" – "); at != std::string::npos;
                 at = legend.find(" – ", at + 1)) {
                const auto start = legend.rfind('>', at) + 1;
                const double from = std::stod(legend.substr(start, at - start));
                const double to = std::stod(legend.substr(at + std::string(" – ").size()));
                CHECK(from <= to);
            }
        }
    }
}

TEST_CASE("The tidy layout fixes every position; dot is kept for small charts",
          "[render][views][tidy]") {
    const auto& model = minimal();
    const auto tidy = draw(model, {.layout = LayoutChoice::Tree});
    CHECK(tidy.placement == reorg::render::Placement::Fixed);
    for (const auto& node : tidy.nodes) CHECK_FALSE(find_attribute(node.attributes, "pos").empty());
    for (const auto& edge : tidy.edges) CHECK_FALSE(find_attribute(edge.attributes, "pos").empty());

    CHECK(draw(model, {.tree_from = 5}).placement == reorg::render::Placement::Fixed);
    CHECK(draw(model, {.tree_from = 100}).placement == reorg::render::Placement::Dot);
    CHECK(draw(model, {.view = View::Units, .layout = LayoutChoice::Tree}).placement ==
          reorg::render::Placement::Fixed);
}

TEST_CASE("No two boxes of a tidy org chart overlap, groups included", "[render][views][tidy]") {
    const auto model = reorg::io::load_model(REORG_DATA_DIR "/kommun");
    for (const auto view : {View::Posts, View::Units}) {
        const auto diagram = draw(model, {.view = view, .layout = LayoutChoice::Tree});
        struct Box {
            double left, top, right, bottom;
        };
        std::vector<Box> boxes;
        for (const auto& node : diagram.nodes) {
            if (find_attribute(node.attributes, "shape") == "plain") continue;  // legends
            const std::string pos(find_attribute(node.attributes, "pos"));
            const auto comma = pos.find(',');
            REQUIRE(comma != std::string::npos);
            const double x = std::stod(pos.substr(0, comma));
            const double y = std::stod(pos.substr(comma + 1));
            const double w = std::stod(std::string(find_attribute(node.attributes, "width"))) * 72;
            const double h = std::stod(std::string(find_attribute(node.attributes, "height"))) * 72;
            boxes.push_back({x - w / 2, y - h / 2, x + w / 2, y + h / 2});
        }
        CHECK(boxes.size() == (view == View::Posts ? 546 + 2 : 84));  // two groups
        std::sort(boxes.begin(), boxes.end(),
                  [](const Box& a, const Box& b) { return a.left < b.left; });
        std::size_t overlaps = 0;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            for (std::size_t j = i + 1; j < boxes.size() && boxes[j].left < boxes[i].right; ++j) {
                if (boxes[j].top < boxes[i].bottom && boxes[i].top < boxes[j].bottom) ++overlaps;
            }
        }
        CHECK(overlaps == 0);
    }
}

TEST_CASE("A wide tidy chart says distant dotted lines in the box instead of drawing them",
          "[render][views][tidy]") {
    const auto model = reorg::io::load_model(REORG_DATA_DIR "/kommun");
    std::size_t dotted = 0;
    for (const auto& link : model.links()) {
        if (link.kind != reorg::model::LinkKind::DottedLine) continue;
        ++dotted;
        const auto from = std::get<reorg::model::PostId>(link.from);
        const auto to = std::get<reorg::model::PostId>(link.to);
        INFO(model[from].id << " has a dotted line to " << model[to].id);
        for (const auto layout : {LayoutChoice::Tree, LayoutChoice::Dot}) {
            const auto diagram =
                draw(model, {.focus = std::string(model[from].id), .depth = 1, .layout = layout});
            CHECK(label_has(node_of(diagram, model[from].id), "╌ "));
        }
    }
    REQUIRE(dotted > 2);
    const auto tidy = draw(model, {.layout = LayoutChoice::Tree});
    const auto drawn = count_edges(tidy, "style", "dashed");
    CHECK(drawn > 0);
    CHECK(drawn < dotted);
    const auto dot = draw(model, {.layout = LayoutChoice::Dot});
    CHECK(count_edges(dot, "style", "dashed") == dotted);
}

TEST_CASE("Hostile names come out as text in every view", "[render][views][escaping]") {
    const auto model = reorg::test::load_yaml(R"(
units:
  - {id: U1, name: "<script>alert(1)</script>", kind: administration, head: P1, capacity: 10}
  - {id: U2, name: "Öl \"enhet\" & co", kind: department, parent: U1}
posts:
  - {id: P1, title: "a\"b\\c", unit: U1, person: H1}
  - {id: P2, title: "Handläggare <i>", unit: U2, reports_to: P1}
people:
  - {id: H1, name: "Åsa & Björn \\N"}
links:
  - {from: U1, to: U2, kind: serves, weight: 5}
findings:
  - {id: F1, kind: doesnt_work, statement: "Mejl <b>brådskande</b> & nu", about: [U2], because: [C1]}
  - {id: C1, kind: cause, statement: "Ingen äger det", about: [U1]}
)");
    reorg::render::Graphviz graphviz;
    for (const auto layout : {LayoutChoice::Dot, LayoutChoice::Tree}) {
        const reorg::test::Svg posts(
            graphviz.render(draw(model, {.layout = layout}), reorg::render::Format::Svg));
        CHECK(posts.has_text(R"(a"b\c)"));
        CHECK(posts.has_text(R"(Åsa & Björn \N)"));
        CHECK(posts.has_text("<script>alert(1)</script>"));
        CHECK(posts.has_text("Handläggare <i>"));
        CHECK(posts.count("script") == 0);
        CHECK(posts.count("i") == 0);
    }
    const reorg::test::Svg units(
        graphviz.render(draw(model, {.view = View::Units}), reorg::render::Format::Svg));
    CHECK(units.has_text("<script>alert(1)</script>"));
    CHECK(units.has_text(R"(Öl "enhet" & co)"));
    const reorg::test::Svg findings(
        graphviz.render(draw(model, {.view = View::Findings}), reorg::render::Format::Svg));
    CHECK(findings.has_text("Mejl <b>brådskande</b> & nu"));
    CHECK(findings.count("b") == 0);
    const reorg::test::Svg flows(
        graphviz.render(draw(model, {.view = View::Flows}), reorg::render::Format::Svg));
    CHECK(flows.has_text("<script>alert(1)</script>"));
    CHECK(flows.count("script") == 0);
}

namespace {

// A model as CSV files in `folder` (posts.csv given, a one-unit units.csv made, no people).
Model csv_model(const reorg::test::TempFolder& folder, const std::string& posts) {
    folder.write("m/units.csv", "id,name,kind,parent,head,capacity\nAGY,Agency,office,,CE,\n");
    folder.write("m/posts.csv", posts);
    return reorg::io::load_model(folder.path() / "m");
}

// The lines of a label as text: tags dropped, <BR/> a line end, entities read back.
std::vector<std::string> label_lines(const DiagramNode& node) {
    const std::string label(find_attribute(node.attributes, "label"));
    std::vector<std::string> lines(1);
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label.compare(i, 5, "<BR/>") == 0) {
            lines.emplace_back();
            i += 4;
        } else if (label[i] == '<') {
            i = label.find('>', i);
        } else if (label[i] == '&') {
            const auto end = label.find(';', i);
            const auto entity = label.substr(i, end - i + 1);
            lines.back() += entity == "&amp;" ? "&" : entity == "&lt;" ? "<" : ">";
            i = end;
        } else {
            lines.back() += label[i];
        }
    }
    return lines;
}

}  // namespace

TEST_CASE("Every post box shows the post's id under its title unless ids are left out",
          "[render][views][posts]") {
    const auto& model = minimal();
    for (const auto layout : {LayoutChoice::Dot, LayoutChoice::Tree}) {
        INFO(static_cast<int>(layout));
        const auto diagram = draw(model, {.layout = layout});
        for (const auto& post : model.posts()) {
            const auto lines = label_lines(node_of(diagram, post.id));
            REQUIRE(lines.size() > 2);
            CHECK(lines[0] == post.title);
            CHECK(lines[1] == post.id);
        }
        const auto without = draw(model, {.layout = layout, .ids = false});
        for (const auto& post : model.posts()) {
            const auto lines = label_lines(node_of(without, post.id));
            CHECK(std::find(lines.begin(), lines.end(), std::string(post.id)) == lines.end());
        }
    }
}

TEST_CASE("Without a people table the person column names the holder", "[render][views][posts]") {
    const reorg::test::TempFolder folder;
    const auto model = csv_model(folder,
                                 "id,title,unit,reports_to,function,fte,cost,person\n"
                                 "CE,Chief Executive,AGY,,lead,1,,Alba Quist\n"
                                 "M1,Manager,AGY,CE,lead,1,,\n");
    const auto diagram = draw(model, with_dot({}));
    CHECK(label_has(node_of(diagram, "CE"), "Alba Quist"));
    CHECK(label_has(node_of(diagram, "M1"), "VACANT"));
    CHECK_FALSE(label_has(node_of(draw(model, with_dot({.names = false})), "CE"), "Alba Quist"));

    // Where the people table names others, a holder without a name is not shown by its id.
    folder.write("m/people.csv", "id,name\nP1,Alba Quist\nM1.holder,\n");
    folder.write("m/posts.csv",
                 "id,title,unit,reports_to,function,fte,cost,person\n"
                 "CE,Chief Executive,AGY,,lead,1,,P1\n"
                 "M1,Manager,AGY,CE,lead,1,,M1.holder\n");
    const auto named = draw(reorg::io::load_model(folder.path() / "m"), with_dot({}));
    CHECK(label_has(node_of(named, "CE"), "Alba Quist"));
    CHECK_FALSE(label_has(node_of(named, "M1"), "M1.holder"));
    CHECK_FALSE(label_has(node_of(named, "M1"), "VACANT"));
}

TEST_CASE("A post that stands for a group of staff shows its FTE and grade",
          "[render][views][posts]") {
    const reorg::test::TempFolder folder;
    const auto model = csv_model(folder,
                                 "id,title,unit,reports_to,function,fte,cost,person,grade\n"
                                 "CE,Chief Executive,AGY,,lead,1,,Alba Quist,SCS2\n"
                                 "J1,Administrator,AGY,CE,admin,3.5,,J1.holder,EO\n"
                                 "J2,Administrator,AGY,CE,admin,2,,J2.holder,AO\n");
    for (const auto layout : {LayoutChoice::Dot, LayoutChoice::Tree}) {
        const auto diagram = draw(model, {.layout = layout});
        CHECK(label_has(node_of(diagram, "J1"), "3.5 FTE · EO"));
        CHECK(label_has(node_of(diagram, "J2"), "2 FTE · AO"));
        // One person's post says nothing of FTE; a group's unnamed holders are not listed.
        CHECK_FALSE(label_has(node_of(diagram, "CE"), "FTE"));
        CHECK_FALSE(label_has(node_of(diagram, "J1"), "J1.holder"));
    }
}

TEST_CASE("The heading says how many posts a depth or a focus leaves out",
          "[render][views][focus]") {
    const auto& model = minimal();  // 10 posts, 4 on the top two levels, 4 under IT.CHEF
    CHECK_THAT(graph_label(draw(model, {.depth = 2})),
               Catch::Contains("4 of 10 posts shown; 6 below depth 2"));
    CHECK_THAT(graph_label(draw(model, {.focus = "IT.CHEF"})),
               Catch::Contains("4 of 10 posts shown; 6 outside IT.CHEF"));
    CHECK_THAT(graph_label(draw(model, {.focus = "IT.CHEF", .depth = 1})),
               Catch::Contains("1 of 10 posts shown; 3 below depth 1, 6 outside IT.CHEF"));
    CHECK_THAT(graph_label(draw(model, {})), Catch::Contains("10 posts shown; 1 vacant"));
    CHECK_THAT(graph_label(draw(model, {.view = View::Units, .depth = 1})),
               Catch::Contains("2 of 4 units shown; 2 below depth 1"));
}

TEST_CASE("Text in a tidy box is cut or wrapped to fit inside it", "[render][views][tidy]") {
    const reorg::test::TempFolder folder;
    const std::string long_title(60, 'W');
    const auto model = csv_model(
        folder,
        "id,title,unit,reports_to,function,fte,cost,person\n"
        "CE,Chief Executive of the Regional Coordination and Delivery Directorate for the "
        "North,AGY,,lead,1,,\n"
        "M1," +
            long_title + ",AGY,CE,lead,1,,\n");
    const auto diagram = draw(model, {.layout = LayoutChoice::Tree});
    const double box =
        std::stod(std::string(find_attribute(node_of(diagram, "CE").attributes, "width"))) * 72;
    for (const auto* id : {"CE", "M1"}) {
        INFO(id);
        const auto lines = label_lines(node_of(diagram, id));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            INFO(lines[i]);
            // Titles are bold; the other lines are at most 10 points.
            CHECK(style::text_width(lines[i], 10, true) < box - 10);
        }
    }
    const auto chief = label_lines(node_of(diagram, "CE"));
    CHECK(chief[0] + " " + chief[1] != "Chief Executive of the Regional Coordination and");
    CHECK(chief[0].rfind("Chief Executive", 0) == 0);
    CHECK(chief[1].find("…") != std::string::npos);  // two lines at most, then cut
    CHECK(label_lines(node_of(diagram, "M1"))[0].find("…") != std::string::npos);
}

TEST_CASE("An overlay with nothing to colour says so instead of drawing a scale",
          "[render][views][overlay]") {
    const reorg::test::TempFolder folder;
    const auto model = csv_model(folder,
                                 "id,title,unit,reports_to,function,fte,cost,person\n"
                                 "CE,Chief Executive,AGY,,lead,1,,\n"
                                 "M1,Manager,AGY,CE,lead,1,,\n");
    for (const auto view : {View::Posts, View::Units}) {
        const auto findings = draw(model, {.view = view, .overlay = Overlay::Findings});
        CHECK_THAT(graph_label(findings), Catch::Contains("no findings in this model"));
        CHECK_FALSE(has_legend(findings, "Findings: net score"));
        const auto load = draw(model, {.view = view, .overlay = Overlay::Load});
        CHECK_THAT(graph_label(load), Catch::Contains("no unit in this model has a capacity"));
        CHECK_FALSE(has_legend(load, "Load"));
    }
    // A part of the organisation without findings, in a model that has some.
    const auto part =
        draw(minimal(), {.view = View::Units, .overlay = Overlay::Findings, .focus = "IT.STYR"});
    const bool says = graph_label(part).find("none of the units drawn here") != std::string::npos;
    const bool scale = has_legend(part, "Findings: net score");
    CHECK(says != scale);
}

TEST_CASE("Text widths follow Helvetica's metrics and fitted text stays within its width",
          "[render][style]") {
    CHECK(style::text_width("", 10) == 0);
    CHECK(style::text_width("W", 10) > 2 * style::text_width("i", 10));
    CHECK(style::text_width("abc", 10, true) > style::text_width("abc", 10));
    CHECK(style::text_width("abc", 20) == Approx(2 * style::text_width("abc", 10)));
    CHECK(style::text_width("漢字", 10) > style::text_width("ab", 10));
    const style::TextFit fit{100, 10, false};
    CHECK(style::fitted_html("short & sweet", fit) == "short &amp; sweet");
    const auto cut = style::fitted_html(std::string(80, 'x'), fit);
    REQUIRE(cut.size() > 3);
    CHECK(cut.substr(cut.size() - 3) == "…");
    CHECK(style::text_width(cut, 10) <= 100);
    std::size_t lines = 0;
    const auto wrapped = style::fitted_lines_html(
        "one two three four five six seven eight nine ten", fit, 2, &lines);
    CHECK(lines == 2);
    CHECK(wrapped.find("<BR/>") != std::string::npos);
    CHECK(wrapped.substr(wrapped.size() - 3) == "…");
    CHECK(style::fitted_lines_html("one two", fit, 2, &lines) == "one two");
    CHECK(lines == 1);
}

namespace {

// A model of `units` units in a row, each serving the next (volume = its index), and a loop of
// `findings` findings, each because of the next, about the units in turn; the finding at
// `severe` has severity 5, the others 1.
Model big_review(const reorg::test::TempFolder& folder, std::size_t units, std::size_t findings,
                 std::size_t severe) {
    std::string unit_rows = "id,name,kind,parent,head,capacity\n";
    std::string link_rows = "from,to,kind,weight,note\n";
    for (std::size_t u = 0; u < units; ++u) {
        unit_rows += "U" + std::to_string(u) + ",Unit " + std::to_string(u) + ",office,,,1000\n";
        if (u + 1 < units) {
            link_rows += "U" + std::to_string(u) + ",U" + std::to_string(u + 1) + ",serves," +
                         std::to_string(u + 1) + ",\n";
        }
    }
    std::string finding_rows = "id,kind,statement,about,because,severity,count,source,check\n";
    for (std::size_t f = 0; f < findings; ++f) {
        finding_rows += "F" + std::to_string(f) + "," + (f % 10 == 0 ? "doesnt_work" : "cause") +
                        ",Handovers take too long," + "U" + std::to_string(f % units) + ",F" +
                        std::to_string((f + 1) % findings) + "," + (f == severe ? "5" : "1") +
                        ",1,survey,\n";
    }
    folder.write("big/units.csv", unit_rows);
    folder.write("big/posts.csv", "id,title,unit,reports_to,function,fte,cost,person\n");
    folder.write("big/links.csv", link_rows);
    folder.write("big/findings.csv", finding_rows);
    return reorg::io::load_model(folder.path() / "big");
}

std::size_t boxes_with_tooltip_prefix(const Diagram& diagram, char prefix) {
    return static_cast<std::size_t>(
        std::count_if(diagram.nodes.begin(), diagram.nodes.end(), [&](const DiagramNode& node) {
            const auto tooltip = find_attribute(node.attributes, "tooltip");
            return !tooltip.empty() && tooltip.front() == prefix;
        }));
}

}  // namespace

TEST_CASE("Beyond its limit the why-graph keeps the most severe findings and their causes",
          "[render][views][findings]") {
    const reorg::test::TempFolder folder;
    const auto model = big_review(folder, 30, 2'000, 1'500);
    const auto diagram = draw(model, {.view = View::Findings});
    CHECK(boxes_with_tooltip_prefix(diagram, 'F') == reorg::render::kGraphBoxes);
    // The most severe first, then what it is because of, down the loop.
    CHECK(label_has(node_of(diagram, "F1500"), "severity 5"));
    (void)node_of(diagram, "F1501");
    (void)node_of(diagram, "F1619");
    CHECK_THAT(
        graph_label(diagram),
        Catch::Contains("120 of 2000 findings shown: the most severe, each with its causes"));
    const auto ten = draw(model, {.view = View::Findings, .max_nodes = 10});
    CHECK(boxes_with_tooltip_prefix(ten, 'F') == 10);
    const auto all = draw(model, {.view = View::Findings, .max_nodes = 5'000});
    CHECK(boxes_with_tooltip_prefix(all, 'F') == 2'000);
    CHECK(graph_label(all).find("findings shown") == std::string::npos);
}

TEST_CASE("Beyond its limit the flows view keeps the largest flows", "[render][views][flows]") {
    const reorg::test::TempFolder folder;
    const auto model = big_review(folder, 400, 10, 0);
    const auto diagram = draw(model, {.view = View::Flows});
    const auto units = boxes_with_tooltip_prefix(diagram, 'U');
    CHECK(units <= reorg::render::kGraphBoxes);
    CHECK(units >= reorg::render::kGraphBoxes - 1);
    // The largest flows are those at the end of the row.
    (void)node_of(diagram, "U399");
    for (const auto& node : diagram.nodes) {
        const auto id = tooltip_id(node);
        if (id.empty() || id.front() != 'U') continue;
        REQUIRE(std::stoi(std::string(id.substr(1))) >= 399 - static_cast<int>(units));
    }
    CHECK_THAT(graph_label(diagram), Catch::Contains("of 399 flows shown: the largest"));
}
