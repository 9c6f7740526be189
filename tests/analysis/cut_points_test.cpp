#include <boost/graph/biconnected_components.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "reorg/analysis/cut_points.hpp"
#include "reorg/base/error.hpp"
#include "reorg/graph/detail/csr.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"
#include "support/model_fixture.hpp"
#include "support/temp_folder.hpp"

using namespace reorg;
using graph::UndirectedGraph;

namespace {

using EdgeList = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

UndirectedGraph make_graph(std::size_t n, const EdgeList& edges) {
    std::vector<UndirectedGraph::Edge> list;
    for (const auto& [a, b] : edges) list.push_back({a, b, 1.0});
    return UndirectedGraph::from_edges(n, std::move(list));
}

std::map<std::uint32_t, std::size_t> as_map(const std::vector<analysis::CutPoint>& points) {
    std::map<std::uint32_t, std::size_t> result;
    for (const auto& p : points) result[p.vertex] = p.cut_off;
    return result;
}

/// Component sizes of the graph without `skip_vertex` and without the edge `skip_edge`, as a
/// component number per vertex (kNone for the skipped vertex) and the sizes.
constexpr std::uint32_t kNone = 0xffffffff;
struct Components {
    std::vector<std::uint32_t> of;
    std::vector<std::size_t> size;
};
Components components(const UndirectedGraph& g, std::uint32_t skip_vertex = kNone,
                      std::pair<std::uint32_t, std::uint32_t> skip_edge = {kNone, kNone}) {
    const auto n = static_cast<std::uint32_t>(g.vertex_count());
    Components c{std::vector<std::uint32_t>(n, kNone), {}};
    for (std::uint32_t s = 0; s < n; ++s) {
        if (s == skip_vertex || c.of[s] != kNone) continue;
        const auto id = static_cast<std::uint32_t>(c.size.size());
        std::vector<std::uint32_t> queue{s};
        c.of[s] = id;
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const auto v = queue[i];
            for (const auto w : g.neighbours(v)) {
                const bool skipped_edge = (v == skip_edge.first && w == skip_edge.second) ||
                                          (v == skip_edge.second && w == skip_edge.first);
                if (w == skip_vertex || skipped_edge || c.of[w] != kNone) continue;
                c.of[w] = id;
                queue.push_back(w);
            }
        }
        c.size.push_back(queue.size());
    }
    return c;
}

/// The oracle: remove each vertex in turn and look at the pieces its component falls into.
std::map<std::uint32_t, std::size_t> brute_force_cut_points(const UndirectedGraph& g) {
    const auto whole = components(g);
    std::map<std::uint32_t, std::size_t> result;
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
        const auto without = components(g, v);
        std::set<std::uint32_t> pieces;
        for (std::uint32_t w = 0; w < g.vertex_count(); ++w) {
            if (w != v && whole.of[w] == whole.of[v]) pieces.insert(without.of[w]);
        }
        if (pieces.size() < 2) continue;
        std::size_t largest = 0;
        for (const auto piece : pieces) largest = std::max(largest, without.size[piece]);
        result[v] = whole.size[whole.of[v]] - 1 - largest;
    }
    return result;
}

EdgeList brute_force_bridges(const UndirectedGraph& g) {
    EdgeList result;
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
        for (const auto w : g.neighbours(v)) {
            if (v < w && components(g, kNone, {v, w}).of[v] != components(g, kNone, {v, w}).of[w]) {
                result.emplace_back(v, w);
            }
        }
    }
    return result;
}

/// Sparse random graphs of every shape that matters: forests (some vertices start a new tree),
/// trees with a few extra edges (cycles), isolated vertices, and now and then a denser one.
UndirectedGraph random_graph(std::mt19937& random) {
    const auto n = std::uniform_int_distribution<std::uint32_t>(1, 40)(random);
    const auto pick = [&](std::uint32_t below) {
        return std::uniform_int_distribution<std::uint32_t>(0, below - 1)(random);
    };
    const double new_tree = std::uniform_real_distribution<double>(0.0, 0.3)(random);
    EdgeList edges;
    for (std::uint32_t v = 1; v < n; ++v) {
        if (std::bernoulli_distribution(new_tree)(random)) continue;
        edges.emplace_back(v, pick(v));
    }
    const auto extra = pick(n / 2 + 1) + (pick(8) == 0 ? n * 2 : 0);
    for (std::uint32_t i = 0; i < extra; ++i) edges.emplace_back(pick(n), pick(n));
    return make_graph(n, edges);
}

}  // namespace

/*
 *    0 ── 1 ── 2           5 ── 6        10        11 ── 12 ── 13
 *         │    │           │
 *         3 ── 4 ── 7 ──── 8 ── 9
 *
 *  Losing 4 leaves {0,1,2,3} and {7,8,5,6,9}: 4 posts outside the largest part; losing 7
 *  leaves {0..4} and {8,5,6,9}: 4; losing 8 leaves {0..4,7}, {5,6} and {9}: 3; losing 1, 5 or
 *  12 cuts one vertex off.
 */
TEST_CASE("spof: articulation points of a drawn graph carry their cut-offs", "[analysis][spof]") {
    const auto g = make_graph(14, {{0, 1},
                                   {1, 2},
                                   {1, 3},
                                   {2, 4},
                                   {3, 4},
                                   {4, 7},
                                   {7, 8},
                                   {8, 5},
                                   {5, 6},
                                   {8, 9},
                                   {11, 12},
                                   {12, 13}});
    const auto points = analysis::articulation_points(g);
    std::vector<std::pair<std::uint32_t, std::size_t>> got;
    for (const auto& p : points) got.emplace_back(p.vertex, p.cut_off);
    // Largest cut-off first, then by vertex.
    CHECK(got == std::vector<std::pair<std::uint32_t, std::size_t>>{
                     {4, 4}, {7, 4}, {8, 3}, {1, 1}, {5, 1}, {12, 1}});
    CHECK(analysis::bridges(g) ==
          EdgeList{{0, 1}, {4, 7}, {5, 6}, {5, 8}, {7, 8}, {8, 9}, {11, 12}, {12, 13}});
}

TEST_CASE("spof: graphs without cut vertices have none", "[analysis][spof]") {
    CHECK(analysis::articulation_points(UndirectedGraph()).empty());
    CHECK(analysis::articulation_points(make_graph(3, {})).empty());
    CHECK(analysis::articulation_points(make_graph(2, {{0, 1}})).empty());
    CHECK(analysis::bridges(make_graph(2, {{0, 1}})) == EdgeList{{0, 1}});
    // A cycle 0-1-2-3-0: no articulation point, no bridge.
    const auto cycle = make_graph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
    CHECK(analysis::articulation_points(cycle).empty());
    CHECK(analysis::bridges(cycle).empty());
}

TEST_CASE("spof: the centre of a star cuts off all but one leaf", "[analysis][spof]") {
    // The root of the depth-first search is a cut vertex only with two or more DFS children.
    const auto star = make_graph(6, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}});
    const auto points = analysis::articulation_points(star);
    REQUIRE(points.size() == 1);
    CHECK(points[0].vertex == 0);
    CHECK(points[0].cut_off == 4);
}

TEST_CASE("spof: a chain of a million vertices is searched without recursion", "[analysis][spof]") {
    constexpr std::uint32_t n = 1'000'000;
    EdgeList edges;
    edges.reserve(n - 1);
    for (std::uint32_t v = 0; v + 1 < n; ++v) edges.emplace_back(v, v + 1);
    const auto g = make_graph(n, edges);
    const auto points = analysis::articulation_points(g);
    REQUIRE(points.size() == n - 2);
    // Losing vertex v leaves v and n-1-v vertices: the middle two cut off the most.
    CHECK(points[0].vertex == n / 2 - 1);
    CHECK(points[0].cut_off == n / 2 - 1);
    CHECK(points[1].vertex == n / 2);
    CHECK(points[1].cut_off == n / 2 - 1);
    CHECK(points.back().cut_off == 1);
    CHECK(analysis::bridges(g).size() == n - 1);
}

TEST_CASE("spof: articulation points and cut-offs match removing each vertex on random graphs",
          "[analysis][spof]") {
    std::mt19937 random(20240601);
    std::size_t with_points = 0;
    for (int round = 0; round < 400; ++round) {
        const auto g = random_graph(random);
        INFO("round " << round << ", " << g.vertex_count() << " vertices, " << g.edge_count()
                      << " edges");
        const auto points = analysis::articulation_points(g);
        const auto expected = brute_force_cut_points(g);
        CHECK(as_map(points) == expected);
        CHECK(std::is_sorted(points.begin(), points.end(), [](const auto& x, const auto& y) {
            return x.cut_off != y.cut_off ? x.cut_off > y.cut_off : x.vertex < y.vertex;
        }));
        if (!expected.empty()) ++with_points;

        // Boost's own articulation points agree on the set.
        std::vector<std::uint32_t> boost_points;
        boost::articulation_points(reorg::graph::detail::csr(g), std::back_inserter(boost_points));
        std::set<std::uint32_t> boost_set(boost_points.begin(), boost_points.end());
        std::set<std::uint32_t> ours;
        for (const auto& p : points) ours.insert(p.vertex);
        CHECK(ours == boost_set);

        CHECK(analysis::bridges(g) == brute_force_bridges(g));
    }
    // The generator must exercise the interesting case most of the time.
    CHECK(with_points > 200);
}

namespace {

/*
 *  units: ORG ── DEV                 posts (reporting lines ─, collaboration ═, dotted ·):
 *          ├─── OPS
 *          ├─── LG (group)                     A (ORG)
 *          ├─── SOLO (group)                  /        \
 *          └─── TEAM (team)              B (DEV)      C (OPS, vacant)
 *                                        /    \            \
 *                                       D ════ E            F
 *                                                           ·
 *                                                           G (OPS)
 *
 *  member_of: A → LG, B → LG, C → SOLO twice (one member), D → TEAM (not a group).
 *  Losing A cuts off {C, F, G} from {B, D, E}: 3; losing C leaves {F, G}: 2;
 *  losing B leaves {D, E}: 2; losing F leaves {G}: 1.
 */
constexpr std::string_view kOrganisation = R"(
units:
  - {id: ORG, name: Org, kind: administration, head: A}
  - {id: DEV, name: Dev, parent: ORG, head: B}
  - {id: OPS, name: Ops, parent: ORG, head: C}
  - {id: LG, name: Management, kind: group, parent: ORG}
  - {id: SOLO, name: Steering, kind: group, parent: ORG}
  - {id: TEAM, name: Team, kind: team, parent: ORG}
posts:
  - {id: A, unit: ORG, person: pa}
  - {id: B, unit: DEV, reports_to: A, person: pb}
  - {id: C, unit: OPS, reports_to: A}
  - {id: D, unit: DEV, reports_to: B, person: pd}
  - {id: E, unit: DEV, reports_to: B, person: pe}
  - {id: F, unit: OPS, reports_to: C, person: pf}
  - {id: G, unit: OPS, person: pg}
links:
  - {from: D, to: E, kind: collaborates}
  - {from: G, to: F, kind: dotted_line}
  - {from: A, to: LG, kind: member_of}
  - {from: B, to: LG, kind: member_of}
  - {from: C, to: SOLO, kind: member_of}
  - {from: C, to: SOLO, kind: member_of}
  - {from: D, to: TEAM, kind: member_of}
)";

model::Model load(std::string_view yaml) { return test::load_yaml(yaml); }

model::UnitId unit(const model::Model& m, std::string_view id) { return test::require_unit(m, id); }

using test::ids;

}  // namespace

TEST_CASE("spof: single points of failure of a drawn organisation", "[analysis][spof]") {
    const auto m = load(kOrganisation);
    const auto s = analysis::single_points(m, graph::work_graph(m));

    std::vector<std::pair<std::string, std::size_t>> points;
    for (const auto& p : s.articulation_points) {
        points.emplace_back(m[model::at<model::PostId>(p.vertex)].id, p.cut_off);
    }
    CHECK(points ==
          std::vector<std::pair<std::string, std::size_t>>{{"A", 3}, {"B", 2}, {"C", 2}, {"F", 1}});
    CHECK(ids(m, s.vacant_articulation_points) == std::vector<std::string>{"C"});

    std::set<std::pair<std::string, std::string>> bridges;
    for (const auto& [a, b] : s.bridges) bridges.emplace(m[a].id, m[b].id);
    CHECK(bridges == std::set<std::pair<std::string, std::string>>{
                         {"A", "B"}, {"A", "C"}, {"C", "F"}, {"F", "G"}});
    for (const auto& [a, b] : s.bridges) CHECK(a < b);

    REQUIRE(s.single_member_groups.size() == 1);
    CHECK(m[s.single_member_groups[0]].id == "SOLO");
}

TEST_CASE("spof: single points of failure of a drawn unit graph match removing each unit",
          "[analysis][spof]") {
    const auto m = io::load_model(REORG_TEST_DATA_DIR "/unit-graph.yaml");
    const auto g = graph::unit_graph(m);
    const auto s = analysis::unit_single_points(g);

    std::vector<std::pair<std::string, std::size_t>> points;
    for (const auto& p : s.articulation_points) {
        points.emplace_back(m[model::at<model::UnitId>(p.vertex)].id, p.cut_off);
    }
    CHECK(points == std::vector<std::pair<std::string, std::size_t>>{
                        {"HQ", 2}, {"B", 2}, {"A", 1}, {"C", 1}});
    CHECK(as_map(s.articulation_points) == brute_force_cut_points(g));

    std::vector<std::pair<std::string, std::string>> bridges;
    EdgeList bridge_vertices;
    for (const auto& [a, b] : s.bridges) {
        bridges.emplace_back(m[a].id, m[b].id);
        bridge_vertices.emplace_back(static_cast<std::uint32_t>(model::index(a)),
                                     static_cast<std::uint32_t>(model::index(b)));
    }
    CHECK(bridges == std::vector<std::pair<std::string, std::string>>{
                         {"HQ", "A"}, {"A", "A1"}, {"B", "C"}, {"C", "EXT"}});
    CHECK(bridge_vertices == brute_force_bridges(g));
}

namespace {

/*
 *  units: ORG ─┬─ SALES ── SALES.NORTH        posts (reporting lines ─ │, collaboration ═,
 *              ├─ IT                           dotted line ·):
 *              ├─ MID
 *              ├─ FAR                                    M (ORG)
 *              └─ EMPTY (no posts)             ┌─────────┼─────────┐
 *                                           S1 (SALES)   X (MID)    I1 (IT)
 *                                              │         │    ·      │
 *      Z (FAR), on its own                  S2 (NORTH)   Y (MID)  ·· I2 (IT)
 *                                              ╚═════════╝
 *
 *  Every path from SALES to IT passes M, or Y and then X: two minimum cuts, {M, Y} nearest to
 *  SALES and {M, X} nearest to IT. The cut returned is the one nearest to the first unit.
 */
constexpr std::string_view kCutOrganisation = R"(
units:
  - {id: ORG, name: Org, kind: administration, head: M}
  - {id: SALES, name: Sales, parent: ORG, head: S1}
  - {id: SALES.NORTH, name: North, kind: team, parent: SALES, head: S2}
  - {id: IT, name: IT, parent: ORG, head: I1}
  - {id: MID, name: Middle, parent: ORG, head: X}
  - {id: FAR, name: Far away, parent: ORG}
  - {id: EMPTY, name: No posts, parent: ORG}
posts:
  - {id: M, unit: ORG}
  - {id: S1, unit: SALES, reports_to: M}
  - {id: S2, unit: SALES.NORTH, reports_to: S1}
  - {id: X, unit: MID, reports_to: M}
  - {id: Y, unit: MID, reports_to: X}
  - {id: I1, unit: IT, reports_to: M}
  - {id: I2, unit: IT, reports_to: I1}
  - {id: Z, unit: FAR}
links:
  - {from: S2, to: Y, kind: collaborates}
  - {from: X, to: I2, kind: dotted_line}
)";

}  // namespace

TEST_CASE("mincut: the minimum cut between two units of a drawn organisation",
          "[analysis][mincut]") {
    const auto m = load(kCutOrganisation);
    const auto g = graph::work_graph(m);

    const auto cut = analysis::min_cut_between(m, g, unit(m, "SALES"), unit(m, "IT"));
    CHECK_FALSE(cut.directly_linked);
    CHECK(cut.direct_links.empty());
    CHECK(cut.connected);
    CHECK(ids(m, cut.posts) == std::vector<std::string>{"M", "Y"});

    const auto back = analysis::min_cut_between(m, g, unit(m, "IT"), unit(m, "SALES"));
    CHECK(back.connected);
    CHECK(ids(m, back.posts) == std::vector<std::string>{"M", "X"});

    // NORTH, a sub-unit of SALES, alone: S1 now stands between it and M.
    const auto north = analysis::min_cut_between(m, g, unit(m, "SALES.NORTH"), unit(m, "IT"));
    CHECK(ids(m, north.posts) == std::vector<std::string>{"S1", "Y"});

    // X (MID) and I2 (IT) share the dotted line: no cut exists.
    const auto direct = analysis::min_cut_between(m, g, unit(m, "MID"), unit(m, "IT"));
    CHECK(direct.directly_linked);
    CHECK(direct.connected);
    REQUIRE(direct.direct_links.size() == 1);
    CHECK(m[direct.direct_links[0].first].id == "X");
    CHECK(m[direct.direct_links[0].second].id == "I2");
    CHECK(direct.posts.empty());
}

TEST_CASE("mincut: units apart or without posts have no cut", "[analysis][mincut]") {
    const auto m = load(kCutOrganisation);
    const auto g = graph::work_graph(m);
    const auto apart = analysis::min_cut_between(m, g, unit(m, "FAR"), unit(m, "IT"));
    CHECK_FALSE(apart.connected);
    CHECK_FALSE(apart.directly_linked);
    CHECK(apart.posts.empty());
    const auto empty = analysis::min_cut_between(m, g, unit(m, "SALES"), unit(m, "EMPTY"));
    CHECK_FALSE(empty.connected);
    CHECK(empty.posts.empty());
}

TEST_CASE("mincut: a unit inside the other is the caller's error, naming the between option",
          "[analysis][mincut]") {
    const auto m = load(kCutOrganisation);
    const auto g = graph::work_graph(m);
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"SALES", "SALES.NORTH"}, {"SALES.NORTH", "ORG"}, {"IT", "IT"}}) {
        INFO(a << " and " << b);
        try {
            (void)analysis::min_cut_between(m, g, unit(m, a), unit(m, b));
            FAIL("no error");
        } catch (const OptionError& error) {
            CHECK(error.option() == "between");
            CHECK_THAT(error.message(),
                       Catch::Matchers::Contains(a == b ? "same unit" : "lies inside"));
        }
    }
}

namespace {

/// A model of `n` posts without reporting lines: the first `in_a` in unit A (half of them in
/// its sub-unit A.SUB), the next `in_b` in B, the rest in OTHER. Ids live in the model's storage.
model::Model flat_model(std::size_t n, std::size_t in_a, std::size_t in_b) {
    auto text = std::make_shared<std::vector<std::string>>();
    text->reserve(n + 4);
    const auto store = [&](std::string s) -> std::string_view { return text->emplace_back(s); };
    model::ModelParts parts;
    parts.units.push_back({store("A"), "A", model::UnitKind::Department, {}, {}, {}});
    parts.units.push_back(
        {store("A.SUB"), "A sub", model::UnitKind::Team, model::at<model::UnitId>(0), {}, {}});
    parts.units.push_back({store("B"), "B", model::UnitKind::Department, {}, {}, {}});
    parts.units.push_back({store("OTHER"), "Other", model::UnitKind::Department, {}, {}, {}});
    for (std::size_t p = 0; p < n; ++p) {
        model::Post post;
        post.id = store("p" + std::to_string(p));
        post.unit = model::at<model::UnitId>(p < in_a          ? (p % 2 == 0 ? 0 : 1)
                                             : p < in_a + in_b ? 2
                                                               : 3);
        parts.posts.push_back(post);
    }
    parts.storage.push_back(text);
    return model::Model(std::move(parts));
}

/// Whether A's posts reach B's in `g` without the posts in `removed`.
bool reaches(const UndirectedGraph& g, std::size_t in_a, std::size_t in_b,
             const std::vector<bool>& removed) {
    std::vector<bool> seen(g.vertex_count(), false);
    std::vector<std::uint32_t> queue;
    for (std::uint32_t p = 0; p < in_a; ++p) {
        seen[p] = true;
        queue.push_back(p);
    }
    for (std::size_t i = 0; i < queue.size(); ++i) {
        for (const auto w : g.neighbours(queue[i])) {
            if (seen[w] || removed[w]) continue;
            if (w >= in_a && w < in_a + in_b) return true;
            seen[w] = true;
            queue.push_back(w);
        }
    }
    return false;
}

/// The smallest number of other posts whose removal separates A from B, by trying every set
/// of 0, 1, 2, ... of them.
std::size_t brute_force_cut_size(const UndirectedGraph& g, std::size_t in_a, std::size_t in_b) {
    const auto n = g.vertex_count();
    const auto others = n - in_a - in_b;
    for (std::size_t size = 0; size <= others; ++size) {
        // Every subset of the others with `size` members, as a selection mask.
        std::vector<bool> select(others, false);
        std::fill(select.end() - static_cast<std::ptrdiff_t>(size), select.end(), true);
        do {
            std::vector<bool> removed(n, false);
            for (std::size_t i = 0; i < others; ++i) removed[in_a + in_b + i] = select[i];
            if (!reaches(g, in_a, in_b, removed)) return size;
        } while (std::next_permutation(select.begin(), select.end()));
    }
    return others + 1;  // unreachable: removing all others always separates
}

}  // namespace

TEST_CASE("mincut: minimum cuts match a brute-force search on random graphs",
          "[analysis][mincut]") {
    std::mt19937 random(7);
    std::size_t cuts = 0;
    std::size_t direct = 0;
    std::size_t apart = 0;
    for (int round = 0; round < 300; ++round) {
        const auto pick = [&](std::size_t lo, std::size_t hi) {
            return std::uniform_int_distribution<std::size_t>(lo, hi)(random);
        };
        const auto in_a = pick(1, 3);
        const auto in_b = pick(1, 3);
        const auto n = in_a + in_b + pick(0, 10);
        const auto m = flat_model(n, in_a, in_b);
        // Sparse graphs, with A–B edges mostly avoided so that real cuts arise.
        std::vector<UndirectedGraph::Edge> edges;
        const auto count = pick(0, 3 * n);
        for (std::size_t i = 0; i < count; ++i) {
            const auto a = static_cast<std::uint32_t>(pick(0, n - 1));
            const auto b = static_cast<std::uint32_t>(pick(0, n - 1));
            const bool a_side = a < in_a;
            const bool b_side = b >= in_a && b < in_a + in_b;
            const bool b_then_a = b < in_a && a >= in_a && a < in_a + in_b;
            if ((a_side && b_side) || b_then_a) {
                if (pick(0, 9) != 0) continue;
            }
            edges.push_back({a, b, 1.0});
        }
        const auto g = UndirectedGraph::from_edges(n, std::move(edges));
        INFO("round " << round << ": " << n << " posts, " << g.edge_count() << " edges");

        const auto cut = analysis::min_cut_between(m, g, model::at<model::UnitId>(0),
                                                   model::at<model::UnitId>(2));
        bool linked = false;
        for (std::uint32_t p = 0; p < in_a; ++p) {
            for (const auto w : g.neighbours(p)) linked = linked || (w >= in_a && w < in_a + in_b);
        }
        CHECK(cut.directly_linked == linked);
        if (linked) {
            ++direct;
            CHECK(cut.posts.empty());
            CHECK_FALSE(cut.direct_links.empty());
            continue;
        }
        const std::vector<bool> none(n, false);
        CHECK(cut.connected == reaches(g, in_a, in_b, none));
        if (!cut.connected) {
            ++apart;
            CHECK(cut.posts.empty());
            continue;
        }
        ++cuts;
        // The posts returned are others, and they really separate A from B ...
        std::vector<bool> removed(n, false);
        for (const auto p : cut.posts) {
            CHECK(model::index(p) >= in_a + in_b);
            removed[model::index(p)] = true;
        }
        CHECK_FALSE(reaches(g, in_a, in_b, removed));
        // ... and no smaller set does.
        CHECK(cut.posts.size() == brute_force_cut_size(g, in_a, in_b));
        CHECK(std::is_sorted(cut.posts.begin(), cut.posts.end()));
    }
    CHECK(cuts > 100);
    CHECK(direct > 10);
    CHECK(apart > 10);
}
