#include <catch2/catch.hpp>
#include <set>

#include "reorg/graph/detail/csr.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;

namespace {

/*
 *  units: ORG ── DEV          posts:  A (ORG)           links:
 *          └─── OPS                  / \                 D · · C  dotted line
 *                                   B   C (OPS)          D ─── E  collaborates (twice, 3 and 2)
 *                                 (DEV) |                E ─── A  collaborates, weight 2.5
 *                                  / \  F                DEV ── OPS serves
 *                                 D   E                  C ─── G  member_of LG
 */
constexpr std::string_view kFixture = R"(
units:
  - {id: ORG, name: Org, kind: administration, head: A}
  - {id: DEV, name: Dev, parent: ORG, head: B}
  - {id: OPS, name: Ops, parent: ORG, head: C}
  - {id: LG, name: Group, kind: group, parent: ORG}
posts:
  - {id: A, unit: ORG}
  - {id: B, unit: DEV, reports_to: A}
  - {id: C, unit: OPS, reports_to: A}
  - {id: D, unit: DEV, reports_to: B}
  - {id: E, unit: DEV, reports_to: B}
  - {id: F, unit: OPS, reports_to: C}
links:
  - {from: D, to: C, kind: dotted_line}
  - {from: D, to: E, kind: collaborates, weight: 3}
  - {from: E, to: D, kind: collaborates, weight: 2}
  - {from: E, to: A, kind: collaborates, weight: 2.5}
  - {from: DEV, to: OPS, kind: serves, weight: 100}
  - {from: C, to: LG, kind: member_of}
)";

model::Model fixture() {
    test::TempFolder folder;
    return io::load_model(folder.write("m.yaml", kFixture));
}

std::set<std::pair<std::uint32_t, std::uint32_t>> edge_set(const graph::UndirectedGraph& g) {
    std::set<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
        for (const auto w : g.neighbours(v)) edges.emplace(std::min(v, w), std::max(v, w));
    }
    return edges;
}

}  // namespace

TEST_CASE("the work graph joins posts by reporting lines, dotted lines and collaborations",
          "[graph][views]") {
    const auto model = fixture();
    const auto g = graph::work_graph(model);
    const auto id = [&](std::string_view post) {
        return static_cast<std::uint32_t>(model::index(*model.find_post(post)));
    };
    using E = std::pair<std::uint32_t, std::uint32_t>;
    const auto e = [&](std::string_view a, std::string_view b) {
        return E{std::min(id(a), id(b)), std::max(id(a), id(b))};
    };
    CHECK(g.vertex_count() == 6);
    CHECK(edge_set(g) == std::set<E>{e("A", "B"), e("A", "C"), e("B", "D"), e("B", "E"),
                                     e("C", "F"), e("D", "C"), e("D", "E"), e("E", "A")});
    CHECK(g.edge_count() == 8);  // D–E given twice is one edge
    CHECK_FALSE(g.weighted());   // unweighted unless asked

    // Every arc is there in both directions, and matches Boost's own view of the CSR graph.
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
        const auto [first, last] = boost::adjacent_vertices(v, reorg::graph::detail::csr(g));
        CHECK(std::vector<std::uint32_t>(first, last) ==
              std::vector<std::uint32_t>(g.neighbours(v).begin(), g.neighbours(v).end()));
        for (const auto w : g.neighbours(v)) {
            const auto back = g.neighbours(w);
            CHECK(std::find(back.begin(), back.end(), v) != back.end());
        }
    }
}

TEST_CASE("a weighted work graph keeps the shortest of parallel edges", "[graph][views]") {
    const auto model = fixture();
    const auto g = graph::work_graph(model, {.weighted = true});
    const auto d = static_cast<std::uint32_t>(model::index(*model.find_post("D")));
    const auto e = static_cast<std::uint32_t>(model::index(*model.find_post("E")));
    const auto a = static_cast<std::uint32_t>(model::index(*model.find_post("A")));
    const auto weight = [&](std::uint32_t from, std::uint32_t to) {
        const auto n = g.neighbours(from);
        const auto at = std::find(n.begin(), n.end(), to) - n.begin();
        return g.arcs(from)[static_cast<std::size_t>(at)].weight;
    };
    CHECK(weight(d, e) == 2.0);
    CHECK(weight(e, d) == 2.0);
    CHECK(weight(e, a) == 2.5);
    CHECK(g.weighted());
    CHECK_FALSE(g.integer_weights());
}

TEST_CASE("the unit graph joins units wherever a line or link crosses them", "[graph][views]") {
    const auto model = fixture();
    const auto g = graph::unit_graph(model);
    const auto u = [&](std::string_view id) {
        return static_cast<std::uint32_t>(model::index(*model.find_unit(id)));
    };
    using E = std::pair<std::uint32_t, std::uint32_t>;
    const auto e = [&](std::string_view a, std::string_view b) {
        return E{std::min(u(a), u(b)), std::max(u(a), u(b))};
    };
    // ORG–DEV (B reports to A, E collaborates with A), ORG–OPS (C reports to A), DEV–OPS (dotted
    // line D→C, serves), OPS–LG (C is a member).
    CHECK(edge_set(g) ==
          std::set<E>{e("ORG", "DEV"), e("ORG", "OPS"), e("DEV", "OPS"), e("OPS", "LG")});
}

TEST_CASE("the why-graph points from each finding to its causes", "[graph][views]") {
    test::TempFolder folder;
    const auto model = io::load_model(folder.write("m.yaml", R"(
units: [{id: U, name: U}]
posts: [{id: P, unit: U}]
findings:
  - {id: F1, kind: doesnt_work, statement: s, because: [C1, C2]}
  - {id: C1, kind: cause, statement: s, because: [C2]}
  - {id: C2, kind: cause, statement: s, because: [C1]}
)"));
    const auto g = graph::why_graph(model);
    CHECK(g.because[0] == std::vector<std::uint32_t>{1, 2});
    CHECK(g.because[1] == std::vector<std::uint32_t>{2});
    CHECK(g.explains[2] == std::vector<std::uint32_t>{0, 1});
    CHECK(g.explains[0].empty());
}

TEST_CASE("an empty graph has no edges", "[graph][views]") {
    const auto g = graph::UndirectedGraph::from_edges(3, {});
    CHECK(g.vertex_count() == 3);
    CHECK(g.edge_count() == 0);
    CHECK(g.neighbours(2).empty());
    const graph::UndirectedGraph none;
    CHECK(none.vertex_count() == 0);
}
