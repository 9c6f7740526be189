// Times the single-points-of-failure analysis on one model (SPEC §9: articulation points of a
// million posts in ≤ 1.5 s): `reorg_bench_articulation MODEL [EDGES_OUT]` loads the model, builds
// its work graph, and times articulation_points(), bridges() and single_points(), best of three
// runs each. With EDGES_OUT it also writes the work graph as a text edge list ("a b" per line,
// vertex = post index) for the peer library to read the very same graph. Prints one JSON line;
// `count` and `sum` (of the vertex numbers) let the script check that both found the same set.
#include <chrono>
#include <cstdio>
#include <exception>
#include <vector>

#include "reorg/analysis/cut_points.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"

#include "bench_support.hpp"

namespace {

using reorg::bench::seconds_since;

template <class Work>
double best_of_three(Work&& work) {
    double best = 1e300;
    for (int run = 0; run < 3; ++run) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const double taken = seconds_since(start);
        if (taken < best) best = taken;
    }
    return best;
}

bool write_edges(const reorg::graph::UndirectedGraph& graph, const char* path) {
    std::FILE* file = std::fopen(path, "wb");
    if (file == nullptr) return false;
    for (std::uint32_t v = 0; v < graph.vertex_count(); ++v) {
        for (const auto w : graph.neighbours(v)) {
            if (v < w) std::fprintf(file, "%u %u\n", v, w);
        }
    }
    return std::fclose(file) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: reorg_bench_articulation MODEL [EDGES_OUT]\n");
        return 2;
    }
    try {
        auto start = std::chrono::steady_clock::now();
        const auto model = reorg::io::load_model(argv[1]);
        const double load = seconds_since(start);
        start = std::chrono::steady_clock::now();
        const auto graph = reorg::graph::work_graph(model);
        const double build = seconds_since(start);
        if (argc == 3 && !write_edges(graph, argv[2])) {
            std::fprintf(stderr, "reorg_bench_articulation: cannot write %s\n", argv[2]);
            return 1;
        }

        std::vector<reorg::analysis::CutPoint> points;
        const double articulation =
            best_of_three([&] { points = reorg::analysis::articulation_points(graph); });
        std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;
        const double bridges_s = best_of_three([&] { bridges = reorg::analysis::bridges(graph); });
        reorg::analysis::SinglePoints single;
        const double single_s =
            best_of_three([&] { single = reorg::analysis::single_points(model, graph); });

        unsigned long long sum = 0;
        for (const auto& p : points) sum += p.vertex;
        std::printf(
            "{\"posts\": %zu, \"edges\": %zu, \"load_s\": %.3f, \"graph_s\": %.3f, "
            "\"articulation_s\": %.3f, \"bridges_s\": %.3f, \"single_points_s\": %.3f, "
            "\"count\": %zu, \"sum\": %llu, \"bridges\": %zu, \"vacant\": %zu, "
            "\"largest_cut_off\": %zu}\n",
            graph.vertex_count(), graph.edge_count(), load, build, articulation, bridges_s,
            single_s, points.size(), sum, bridges.size(), single.vacant_articulation_points.size(),
            points.empty() ? std::size_t{0} : points.front().cut_off);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "reorg_bench_articulation: %s\n", error.what());
        return 1;
    }
}
