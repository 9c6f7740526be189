#include "reorg/analysis/centrality.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <boost/graph/betweenness_centrality.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "reorg/analysis/detail/brandes.hpp"
#include "reorg/analysis/detail/forest_betweenness.hpp"
#include "reorg/base/error.hpp"
#include "reorg/graph/detail/csr.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/synth/generate.hpp"
#include "support/finishes_within.hpp"

using namespace reorg;
using analysis::betweenness;
using analysis::BetweennessMethod;
using analysis::BetweennessOptions;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using graph::UndirectedGraph;

namespace {

struct Reference {
    std::string name;
    UndirectedGraph graph;
    std::vector<double> expected;
};

/// The NetworkX values written by tests/data/betweenness/make_reference.py.
std::vector<Reference> references() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(REORG_TEST_DATA_DIR "/betweenness")) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Reference> result;
    for (const auto& file : files) {
        std::ifstream in(file);
        const auto document = nlohmann::json::parse(in);
        std::vector<UndirectedGraph::Edge> edges;
        for (const auto& edge : document.at("edges")) {
            edges.push_back({edge.at(0).get<std::uint32_t>(), edge.at(1).get<std::uint32_t>(),
                             edge.size() > 2 ? edge.at(2).get<double>() : 1.0});
        }
        result.push_back({document.at("name").get<std::string>(),
                          UndirectedGraph::from_edges(document.at("vertices").get<std::size_t>(),
                                                      std::move(edges)),
                          document.at("betweenness").get<std::vector<double>>()});
    }
    return result;
}

UndirectedGraph graph_of(std::size_t vertices,
                         std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> edges) {
    std::vector<UndirectedGraph::Edge> list;
    for (const auto& [a, b, w] : edges) list.push_back({a, b, w});
    return UndirectedGraph::from_edges(vertices, std::move(list));
}

/// A seeded G(n, p)-like graph with `edges` random edges; lengths drawn by `length` (or 1).
template <class Length>
UndirectedGraph random_graph(std::uint32_t n, std::size_t edges, unsigned seed, Length length) {
    std::mt19937 rng(seed);
    std::vector<UndirectedGraph::Edge> list;
    for (std::size_t i = 0; i < edges; ++i) {
        const auto a = static_cast<std::uint32_t>(rng() % n);
        const auto b = static_cast<std::uint32_t>(rng() % n);
        list.push_back({a, b, length(rng)});
    }
    return UndirectedGraph::from_edges(n, std::move(list));
}

UndirectedGraph random_graph(std::uint32_t n, std::size_t edges, unsigned seed) {
    return random_graph(n, edges, seed, [](std::mt19937&) { return 1.0; });
}

/// A generated organisation's work graph: reporting tree plus collaborations (weights 1..5).
UndirectedGraph organisation(std::size_t posts, std::uint64_t seed, bool weighted) {
    const auto model = synth::generate({.posts = posts, .seed = seed});
    return graph::work_graph(model, {.weighted = weighted});
}

/// A w × h grid: many shortest paths between most pairs, so path choice must be uniform.
UndirectedGraph grid(std::uint32_t w, std::uint32_t h) {
    std::vector<UndirectedGraph::Edge> edges;
    for (std::uint32_t y = 0; y < h; ++y) {
        for (std::uint32_t x = 0; x < w; ++x) {
            if (x + 1 < w) edges.push_back({y * w + x, y * w + x + 1, 1.0});
            if (y + 1 < h) edges.push_back({y * w + x, (y + 1) * w + x, 1.0});
        }
    }
    return UndirectedGraph::from_edges(std::size_t{w} * h, std::move(edges));
}

double max_difference(const std::vector<double>& a, const std::vector<double>& b) {
    REQUIRE(a.size() == b.size());
    double result = 0;
    for (std::size_t i = 0; i < a.size(); ++i) result = std::max(result, std::abs(a[i] - b[i]));
    return result;
}

/// Vertices on a longest shortest path (hop count + 1), by a search from every vertex.
std::size_t vertex_diameter(const UndirectedGraph& g) {
    std::size_t result = g.vertex_count() > 0 ? 1 : 0;
    std::vector<int> distance(g.vertex_count());
    std::vector<std::uint32_t> queue;
    for (std::uint32_t s = 0; s < g.vertex_count(); ++s) {
        std::fill(distance.begin(), distance.end(), -1);
        distance[s] = 0;
        queue.assign(1, s);
        for (std::size_t head = 0; head < queue.size(); ++head) {
            for (const auto w : g.neighbours(queue[head])) {
                if (distance[w] < 0) {
                    distance[w] = distance[queue[head]] + 1;
                    queue.push_back(w);
                }
            }
        }
        result = std::max(result, static_cast<std::size_t>(distance[queue.back()]) + 1);
    }
    return result;
}

std::size_t rk_size(double epsilon, double delta, std::size_t vertex_diameter) {
    const double span = vertex_diameter > 3 ? static_cast<double>(vertex_diameter - 2) : 1.0;
    return static_cast<std::size_t>(std::ceil(
        0.5 / (epsilon * epsilon) * (std::floor(std::log2(span)) + 1 + std::log(1 / delta))));
}

std::vector<std::uint32_t> exact_order(const std::vector<double>& values) {
    std::vector<std::uint32_t> order(values.size());
    for (std::uint32_t v = 0; v < order.size(); ++v) order[v] = v;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return values[a] > values[b]; });
    return order;
}

}  // namespace

TEST_CASE("exact betweenness centrality equals NetworkX's on every reference graph",
          "[analysis][centrality]") {
    const auto graphs = references();
    // Kite, Florentine families, karate club (twice), 5 G(n,p) × 3 weightings, BA, WS, grid ×2,
    // a disconnected graph and five tiny ones: if the folder went missing this must fail.
    REQUIRE(graphs.size() >= 29);
    for (const auto& reference : graphs) {
        INFO(reference.name);
        for (const unsigned threads : {1u, 2u}) {
            const auto result = betweenness(reference.graph, {.threads = threads});
            CHECK(result.method == BetweennessMethod::Exact);
            CHECK(result.epsilon == 0);
            REQUIRE(result.value.size() == reference.expected.size());
            for (std::size_t v = 0; v < result.value.size(); ++v) {
                INFO("vertex " << v);
                CHECK_THAT(result.value[v], WithinAbs(reference.expected[v], 1e-9));
            }
        }
    }
}

TEST_CASE("exact betweenness centrality is Boost.Graph's Brandes over (n-1)(n-2)",
          "[analysis][centrality]") {
    // Boost halves only for undirected graph types; our CSR is directedS with both arcs of every
    // edge, so Boost sums over ordered pairs (each pair twice) — the same sum NetworkX scales by
    // 1/((n−1)(n−2)) for normalized=True.
    struct Case {
        const char* name;
        UndirectedGraph graph;
    };
    const Case cases[] = {
        {"unweighted, connected", random_graph(300, 900, 11)},
        {"unweighted, in pieces", random_graph(300, 200, 12)},
        {"integer lengths 1..4",
         random_graph(250, 700, 13, [](std::mt19937& r) { return 1.0 + double(r() % 4); })},
        {"integer lengths up to 5000 (the heap, not Dial's buckets)",
         random_graph(200, 600, 14, [](std::mt19937& r) { return 1.0 + double(r() % 5000); })},
        {"fractional lengths",
         random_graph(200, 600, 15,
                      [](std::mt19937& r) { return 0.5 + double(r() % 100000) / 7e4; })},
        {"a generated organisation of 400 posts", organisation(400, 5, false)},
        {"its weighted work graph", organisation(400, 5, true)},
    };
    for (const auto& [name, g] : cases) {
        INFO(name);
        const auto& csr = reorg::graph::detail::csr(g);
        const std::size_t n = g.vertex_count();
        std::vector<double> boost_values(n, 0.0);
        auto centrality =
            boost::make_iterator_property_map(boost_values.begin(), get(boost::vertex_index, csr));
        if (g.weighted()) {
            boost::brandes_betweenness_centrality(
                csr, boost::centrality_map(centrality).weight_map(get(&graph::Arc::weight, csr)));
        } else {
            boost::brandes_betweenness_centrality(csr, boost::centrality_map(centrality));
        }
        const auto result = betweenness(g, {.threads = 2});
        const double scale = double(n - 1) * double(n - 2);
        double largest = 0;
        for (std::size_t v = 0; v < n; ++v) {
            INFO("vertex " << v);
            CHECK_THAT(result.value[v] * scale, WithinAbs(boost_values[v], 1e-9 * scale));
            largest = std::max(largest, boost_values[v]);
        }
        CHECK(largest > 0);  // a comparison of zeros would prove nothing
    }
}

/*
 *  A path and a square with a tail, by hand (NetworkX: pairs through v / ((n−1)(n−2)/2)):
 *
 *    0 ── 1 ── 2 ── 3 ── 4          1 ── 2
 *                                   │    │
 *                                   0 ── 3 ── 4
 */
TEST_CASE("betweenness centrality of drawn graphs matches the hand count",
          "[analysis][centrality]") {
    SECTION("a path of five") {
        const auto g = graph_of(5, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}});
        const auto result = betweenness(g);
        // Vertex 1 lies between 0 and {2, 3, 4}: 3 of 6 pairs; vertex 2 on 4 of 6.
        CHECK_THAT(result.value[0], WithinAbs(0.0, 1e-15));
        CHECK_THAT(result.value[1], WithinAbs(3.0 / 6, 1e-15));
        CHECK_THAT(result.value[2], WithinAbs(4.0 / 6, 1e-15));
        CHECK_THAT(result.value[3], WithinAbs(3.0 / 6, 1e-15));
    }
    SECTION("a square with a tail") {
        const auto g = graph_of(5, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 0, 1}, {3, 4, 1}});
        const auto result = betweenness(g);
        // 3: all of (0,4), (2,4) and (1,4) (via 0 or 2, then 3), half of (0,2) (via 1 or 3).
        // 0: half of (1,3), half of (1,4); 2 likewise; 1: half of (0,2).
        CHECK_THAT(result.value[3], WithinAbs((1 + 1 + 1 + 0.5) / 6, 1e-15));
        CHECK_THAT(result.value[0], WithinAbs((0.5 + 0.5) / 6, 1e-15));
        CHECK_THAT(result.value[2], WithinAbs((0.5 + 0.5) / 6, 1e-15));
        CHECK_THAT(result.value[1], WithinAbs(0.5 / 6, 1e-15));
        CHECK_THAT(result.value[4], WithinAbs(0.0, 1e-15));
    }
    SECTION("graphs of zero, one and two vertices are all zero") {
        CHECK(betweenness(UndirectedGraph()).value.empty());
        CHECK(betweenness(graph_of(1, {})).value == std::vector<double>{0});
        CHECK(betweenness(graph_of(2, {{0, 1, 1}})).value == std::vector<double>{0, 0});
        CHECK(betweenness(graph_of(2, {{0, 1, 1}}), {.epsilon = 0.1}).value ==
              std::vector<double>{0, 0});
    }
}

/*
 *  Lengths 0.1 + 0.2 and 0.3 are equal, but not in floating point (0.30000000000000004):
 *
 *        b
 *   0.1 / \ 0.2         integer version: 1 + 2 = 3
 *      a ─ c
 *        0.3
 */
TEST_CASE("betweenness centrality counts fractional lengths within the tolerance as equal",
          "[analysis][centrality]") {
    const auto fractional = graph_of(3, {{0, 1, 0.1}, {1, 2, 0.2}, {0, 2, 0.3}});
    const auto result = betweenness(fractional);
    CHECK(result.weighted);
    CHECK_FALSE(result.integer_weights);
    CHECK(result.relative_tolerance == 1e-9);
    // b lies on one of the two a–c shortest paths: 1/2 over the single pair.
    CHECK_THAT(result.value[1], WithinAbs(0.5, 1e-15));
    CHECK_THAT(result.value[0], WithinAbs(0.0, 1e-15));
    // Compared exactly, as NetworkX does, the path through b is longer.
    const auto strict = betweenness(fractional, {.relative_tolerance = 0});
    CHECK(strict.relative_tolerance == 0);
    CHECK_THAT(strict.value[1], WithinAbs(0.0, 1e-15));

    const auto integer = betweenness(graph_of(3, {{0, 1, 1}, {1, 2, 2}, {0, 2, 3}}));
    CHECK(integer.integer_weights);
    CHECK(integer.relative_tolerance == 0);
    CHECK_THAT(integer.value[1], WithinAbs(0.5, 1e-15));
    // The sampler draws b on half the a–c paths too.
    const auto sampled = betweenness(fractional, {.epsilon = 0.05, .seed = 3});
    CHECK_THAT(sampled.value[1], WithinAbs(0.5, 0.05));
}

TEST_CASE("exact betweenness centrality does not depend on the number of threads",
          "[analysis][centrality]") {
    for (const bool weighted : {false, true}) {
        INFO("weighted " << weighted);
        const auto g = organisation(1500, 2, weighted);
        const auto one = betweenness(g, {.threads = 1});
        const auto two = betweenness(g, {.threads = 2});
        const auto seven = betweenness(g, {.threads = 7});
        CHECK(max_difference(one.value, two.value) <= 1e-12);
        CHECK(max_difference(one.value, seven.value) <= 1e-12);
        CHECK(*std::max_element(one.value.begin(), one.value.end()) > 0.01);
    }
}

TEST_CASE("sampled betweenness centrality stays within epsilon of exact",
          "[analysis][centrality]") {
    struct Case {
        const char* name;
        UndirectedGraph graph;
        double epsilon;
    };
    const Case cases[] = {
        {"a generated organisation of 2000 posts", organisation(2000, 3, false), 0.025},
        {"the same with weights (bidirectional Dijkstra)", organisation(2000, 3, true), 0.025},
        {"a 40 × 40 grid (many shortest paths per pair)", grid(40, 40), 0.025},
        {"a sparse random graph in pieces", random_graph(1500, 1400, 21), 0.025},
        {"fractional lengths",
         random_graph(1200, 3000, 22,
                      [](std::mt19937& r) { return 0.5 + double(r() % 1000) / 400; }),
         0.025},
    };
    for (const auto& [name, g, epsilon] : cases) {
        INFO(name);
        const auto exact = betweenness(g, {.exact = true});
        const auto sampled = betweenness(g, {.epsilon = epsilon, .delta = 0.1, .seed = 42});
        CHECK(sampled.method == BetweennessMethod::Sampled);
        CHECK(sampled.epsilon == epsilon);
        CHECK(sampled.delta == 0.1);
        CHECK(sampled.error == std::vector<double>(g.vertex_count(), epsilon));
        // The sample size is Riondato–Kornaropoulos' from a true upper bound of the vertex
        // diameter (weighted: of the weighted one, which the bound also covers).
        if (!g.weighted()) CHECK(sampled.vertex_diameter >= vertex_diameter(g));
        const double n = double(g.vertex_count());
        CHECK(sampled.samples == rk_size(epsilon * (n - 2) / n, 0.1, sampled.vertex_diameter));
        // Every value within epsilon, and the total (n/(n−2) times the mean number of interior
        // vertices of a path, which every sample measures) within 3 %: a sampler that found
        // nothing, or paths of the wrong length, would land within epsilon of small values.
        CHECK(max_difference(sampled.value, exact.value) <= epsilon);
        const auto sum = [](const std::vector<double>& values) {
            return std::accumulate(values.begin(), values.end(), 0.0);
        };
        CHECK_THAT(sum(sampled.value), WithinRel(sum(exact.value), 0.03));
        CHECK(*std::max_element(exact.value.begin(), exact.value.end()) > epsilon);
    }
}

TEST_CASE("sampled betweenness centrality depends on the seed, not on the thread count",
          "[analysis][centrality]") {
    for (const bool weighted : {false, true}) {
        INFO("weighted " << weighted);
        const auto g = organisation(1000, 4, weighted);
        const BetweennessOptions options{.epsilon = 0.03, .seed = 9, .threads = 1};
        const auto one = betweenness(g, options);
        auto two_threads = options;
        two_threads.threads = 2;
        auto five_threads = options;
        five_threads.threads = 5;
        CHECK(betweenness(g, options).value == one.value);
        CHECK(betweenness(g, two_threads).value == one.value);
        CHECK(betweenness(g, five_threads).value == one.value);
        auto other_seed = options;
        other_seed.seed = 10;
        CHECK(betweenness(g, other_seed).value != one.value);
    }
}

namespace {
/// A seeded forest of `trees` trees over n vertices, each vertex below a random earlier one of
/// its tree, with lengths from `length` (a tree's one path does not depend on them).
template <class Length>
UndirectedGraph random_forest(std::uint32_t n, std::uint32_t trees, unsigned seed, Length length) {
    std::mt19937 rng(seed);
    std::vector<UndirectedGraph::Edge> edges;
    for (std::uint32_t v = trees; v < n; ++v) {
        // Vertices trees, 2·trees, ... below tree 0's part, and so on: v's tree is v % trees.
        const std::uint32_t earlier = v / trees;
        const auto parent = static_cast<std::uint32_t>(rng() % earlier) * trees + v % trees;
        edges.push_back({parent, v, length(rng)});
    }
    return UndirectedGraph::from_edges(n, std::move(edges));
}

/// A chain 0 ── 1 ── ... ── n−1.
UndirectedGraph chain(std::uint32_t n) {
    std::vector<UndirectedGraph::Edge> edges;
    for (std::uint32_t v = 1; v < n; ++v) edges.push_back({v - 1, v, 1});
    return UndirectedGraph::from_edges(n, std::move(edges));
}
}  // namespace

TEST_CASE("a forest's betweenness from subtree sizes equals Brandes", "[analysis][centrality]") {
    const auto unit = [](std::mt19937&) { return 1.0; };
    const auto lengths = [](std::mt19937& r) { return 0.5 + double(r() % 1000) / 7.0; };
    struct Case {
        const char* name;
        UndirectedGraph graph;
    };
    const Case cases[] = {
        {"one tree", random_forest(400, 1, 21, unit)},
        {"seven trees", random_forest(350, 7, 22, unit)},
        {"one tree with fractional lengths", random_forest(300, 1, 23, lengths)},
        {"a chain", chain(120)},
        {"a star", graph_of(6, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {0, 5, 1}})},
        {"lone vertices and one edge", graph_of(5, {{3, 1, 1}})},
    };
    const analysis::Progress no_progress;
    analysis::detail::ProgressReporter reporter(no_progress);
    for (const auto& [name, g] : cases) {
        INFO(name);
        const auto forest = analysis::detail::forest_sums(g);
        REQUIRE(forest);
        const auto brandes =
            analysis::detail::exact_sums(g, analysis::detail::lengths_of(g, {}), 1, reporter);
        REQUIRE(forest->size() == brandes.size());
        for (std::size_t v = 0; v < brandes.size(); ++v) {
            INFO("vertex " << v);
            CHECK_THAT((*forest)[v], WithinAbs(brandes[v], 1e-9 * (1 + brandes[v])));
        }
    }
    SECTION("one more edge closes a cycle: no longer a forest") {
        auto edges = std::vector<std::tuple<std::uint32_t, std::uint32_t, double>>{
            {0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}};
        CHECK(analysis::detail::forest_sums(graph_of(6, edges)));
        edges.emplace_back(4, 1, 1);
        CHECK_FALSE(analysis::detail::forest_sums(graph_of(6, edges)));
    }
}

TEST_CASE("a reporting chain far above the exact threshold is exact and quick",
          "[analysis][centrality]") {
    // Brandes is O(V²) here and each sampled path ~V/3 long: minutes. From subtree sizes, O(V).
    constexpr std::uint32_t n = 300'000;
    const auto g = chain(n);
    REQUIRE(reorg::test::finishes_within(std::chrono::seconds(20), [&] { (void)betweenness(g); }));
    const auto result = betweenness(g, {.top_k = 3});
    CHECK(result.method == BetweennessMethod::Exact);
    CHECK(result.samples == 0);
    // Vertex i lies between the i vertices before it and the n−1−i after it.
    const double pairs = double(n - 1) * double(n - 2) / 2;
    for (const std::uint32_t v : {0u, 1u, 1000u, n / 2, n - 2, n - 1}) {
        INFO("vertex " << v);
        CHECK_THAT(result.value[v], WithinRel(double(v) * double(n - 1 - v) / pairs, 1e-12));
    }
    // The middle of the chain ranks first.
    REQUIRE_FALSE(result.top.empty());
    CHECK((result.top.front() == n / 2 || result.top.front() == (n - 1) / 2));
    SECTION("with an epsilon it samples, as asked") {
        const auto short_chain = chain(2000);
        CHECK(betweenness(short_chain, {.epsilon = 0.2}).method == BetweennessMethod::Sampled);
    }
}

TEST_CASE("the centrality method follows the size and the options", "[analysis][centrality]") {
    const auto g = organisation(600, 6, false);
    SECTION("above exact_up_to it samples with the default epsilon") {
        const auto result = betweenness(g, {.exact_up_to = 500, .default_epsilon = 0.05});
        CHECK(result.method == BetweennessMethod::Sampled);
        CHECK(result.epsilon == 0.05);
        CHECK(result.delta == 0.1);
        CHECK(result.samples > 0);
    }
    SECTION("up to it, exact") {
        const auto result = betweenness(g, {.exact_up_to = 600});
        CHECK(result.method == BetweennessMethod::Exact);
        CHECK(result.samples == 0);
        CHECK(result.error == std::vector<double>(600, 0.0));
    }
    SECTION("an epsilon samples at any size; exact overrides it") {
        CHECK(betweenness(g, {.epsilon = 0.05}).method == BetweennessMethod::Sampled);
        CHECK(betweenness(g, {.exact = true, .epsilon = 0.05, .exact_up_to = 10}).method ==
              BetweennessMethod::Exact);
    }
}

/*
 *  Hubs of very different reach on a chain, each with its own leaves, plus a few random links
 *  among the leaves: the top three are far apart, the rest close together.
 *
 *    leaves(120) ─ h0 ── h1 ─ leaves(60)
 *                  │      │
 *    leaves(25) ── h2 ── h3 ─ leaves(10)
 */
namespace {
UndirectedGraph hubs(std::array<std::uint32_t, 4> sizes = {120, 60, 25, 10}) {
    std::vector<UndirectedGraph::Edge> edges = {{0, 1, 1}, {0, 2, 1}, {1, 3, 1}, {2, 3, 1}};
    std::uint32_t next = 4;
    for (std::uint32_t hub = 0; hub < 4; ++hub) {
        for (std::uint32_t i = 0; i < sizes[hub]; ++i) edges.push_back({hub, next++, 1});
    }
    std::mt19937 rng(5);
    const auto leaf = [&] { return 4 + static_cast<std::uint32_t>(rng() % (next - 4)); };
    for (int i = 0; i < 30; ++i) edges.push_back({leaf(), leaf(), 1});
    return UndirectedGraph::from_edges(next, std::move(edges));
}
}  // namespace

TEST_CASE("top-k centrality sampling stops once the top k are separated",
          "[analysis][centrality]") {
    const auto g = hubs();
    const auto exact = betweenness(g);
    const auto order = exact_order(exact.value);
    const auto result =
        betweenness(g, {.top_k = 3, .seed = 4, .exact_up_to = 0, .max_samples = 400000});
    CHECK(result.method == BetweennessMethod::Sampled);
    REQUIRE(result.top.size() == 3);
    CHECK(result.top_separated);
    CHECK(result.samples < 400000);  // stopped before the cap
    CHECK(result.certain_ranks >= 1);
    for (std::size_t i = 0; i < result.certain_ranks; ++i) CHECK(result.top[i] == order[i]);
    std::vector<std::uint32_t> top(result.top), truth(order.begin(), order.begin() + 3);
    std::sort(top.begin(), top.end());
    std::sort(truth.begin(), truth.end());
    CHECK(top == truth);
    // Every exact value lies inside its error bar, and the widest bar is the stated epsilon.
    for (std::size_t v = 0; v < exact.value.size(); ++v) {
        INFO("vertex " << v);
        CHECK(std::abs(result.value[v] - exact.value[v]) <= result.error[v]);
    }
    CHECK(result.epsilon == *std::max_element(result.error.begin(), result.error.end()));
    // The same with two threads.
    auto options = BetweennessOptions{
        .top_k = 3, .seed = 4, .threads = 2, .exact_up_to = 0, .max_samples = 400000};
    const auto again = betweenness(g, options);
    CHECK(again.value == result.value);
    CHECK(again.top == result.top);
}

TEST_CASE("top-k centrality sampling keeps doubling while the top k overlap",
          "[analysis][centrality]") {
    // Hubs of 70, 58, 46 and 34 leaves: close enough to need several rounds.
    const auto g = hubs({70, 58, 46, 34});
    const auto order = exact_order(betweenness(g).value);
    const auto result =
        betweenness(g, {.top_k = 2, .seed = 8, .exact_up_to = 0, .max_samples = 1000000});
    INFO("samples " << result.samples);
    // Rounds double from the RK size for ε = 0.05 (in blocks of 64): this took three or more.
    const std::size_t first = (rk_size(0.05, 0.1, result.vertex_diameter) + 63) / 64 * 64;
    CHECK(result.samples >= 4 * first);
    CHECK(result.samples < 1000000);
    CHECK(result.top_separated);
    CHECK(result.certain_ranks == 2);
    CHECK(result.top == std::vector<std::uint32_t>(order.begin(), order.begin() + 2));
}

TEST_CASE("with an epsilon the top k by centrality are ranked by the uniform bound",
          "[analysis][centrality]") {
    const auto g = hubs();
    const auto order = exact_order(betweenness(g).value);
    const auto result = betweenness(g, {.epsilon = 0.02, .top_k = 4, .seed = 2});
    CHECK(result.method == BetweennessMethod::Sampled);
    CHECK(result.epsilon == 0.02);
    REQUIRE(result.top.size() == 4);
    // The four hubs are far apart (more than 2ε): every rank is certain, and right.
    CHECK(result.certain_ranks == 4);
    CHECK(result.top_separated);
    CHECK(result.top == std::vector<std::uint32_t>(order.begin(), order.begin() + 4));
}

TEST_CASE("top-k centrality sampling says which ranks stay uncertain", "[analysis][centrality]") {
    // On a cycle every vertex has the same betweenness: no rank can be told apart.
    std::vector<UndirectedGraph::Edge> edges;
    for (std::uint32_t v = 0; v < 300; ++v) edges.push_back({v, (v + 1) % 300, 1});
    const auto cycle = UndirectedGraph::from_edges(300, std::move(edges));
    const auto result =
        betweenness(cycle, {.top_k = 3, .seed = 1, .exact_up_to = 0, .max_samples = 20000});
    CHECK(result.top.size() == 3);
    CHECK(result.certain_ranks == 0);
    CHECK_FALSE(result.top_separated);
    CHECK(result.samples == 20032);  // the cap, in whole blocks of 64
    // On an even cycle every vertex has (n−2)²/8 pairs through it, normalised (n−2)/(4(n−1)):
    // inside every error bar.
    const double exact = 298.0 / (4 * 299.0);
    CHECK_THAT(betweenness(cycle).value[0], WithinAbs(exact, 1e-12));
    for (std::size_t v = 0; v < 300; ++v)
        CHECK(std::abs(result.value[v] - exact) <= result.error[v]);
}

TEST_CASE("top-k centrality on a small graph ranks the exact values", "[analysis][centrality]") {
    // A star with one longer arm: centre 0, leaves 1..5, and 6 hanging from leaf 1.
    const auto g = graph_of(7, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {0, 5, 1}, {1, 6, 1}});
    const auto two = betweenness(g, {.top_k = 2});
    CHECK(two.method == BetweennessMethod::Exact);
    CHECK(two.top == std::vector<std::uint32_t>{0, 1});
    CHECK(two.certain_ranks == 2);
    CHECK(two.top_separated);
    // The third place is shared by leaves 2..5 (all 0 with 6): rank 3 is a tie.
    const auto three = betweenness(g, {.top_k = 3});
    CHECK(three.certain_ranks == 2);
    CHECK_FALSE(three.top_separated);
}

TEST_CASE("centrality progress is reported from the calling thread up to 1",
          "[analysis][centrality]") {
    const auto g = organisation(800, 7, false);
    for (const bool sample : {false, true}) {
        INFO("sampled " << sample);
        std::vector<double> seen;
        const auto caller = std::this_thread::get_id();
        bool same_thread = true;
        BetweennessOptions options{.threads = 2};
        if (sample) options.epsilon = 0.02;
        options.progress = [&](double fraction) {
            seen.push_back(fraction);
            same_thread = same_thread && std::this_thread::get_id() == caller;
        };
        (void)betweenness(g, options);
        CHECK(same_thread);
        REQUIRE(!seen.empty());
        CHECK(seen.size() <= 102);
        CHECK(std::is_sorted(seen.begin(), seen.end()));
        CHECK(seen.back() == 1.0);
    }
}

TEST_CASE("betweenness centrality rejects options and lengths it cannot honour",
          "[analysis][centrality]") {
    const auto g = graph_of(4, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}});
    CHECK_THROWS_AS(betweenness(g, {.epsilon = 0.0}), OptionError);
    CHECK_THROWS_AS(betweenness(g, {.epsilon = 1.5}), OptionError);
    CHECK_THROWS_AS(betweenness(g, {.delta = 1.0}), OptionError);
    CHECK_THROWS_AS(betweenness(g, {.top_k = 0}), OptionError);
    CHECK_THROWS_AS(betweenness(graph_of(3, {{0, 1, -1}, {1, 2, 1}})), InputError);
    CHECK_THROWS_AS(betweenness(graph_of(3, {{0, 1, 0}, {1, 2, 1}})), InputError);
}
