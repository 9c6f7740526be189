// Times betweenness on a model's work graph (SPEC §9), the way bench/betweenness.sh compares it
// with igraph, graph-tool and NetworkX:
//
//   reorg_bench_betweenness MODEL [--weighted] [--exact] [--epsilon E] [--delta D] [--top-k K]
//                           [--threads T] [--seed S] [--values FILE]
//
// prints one JSON line: the graph's size, the method and its bound, the seconds of the
// betweenness call alone (the graph built beforehand, as for the peers), and the top 10.
// With --values, writes "post_id value error" per post to FILE for cross-checking.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/analysis/centrality.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/io/load.hpp"

#include "bench_support.hpp"

namespace {

using reorg::bench::seconds_since;

int usage() {
    std::fprintf(stderr,
                 "usage: reorg_bench_betweenness MODEL [--weighted] [--exact] [--epsilon E] "
                 "[--delta D] [--top-k K] [--threads T] [--seed S] [--values FILE]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    std::string model_path = argv[1];
    bool weighted = false;
    std::string values_path;
    reorg::analysis::BetweennessOptions options;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> const char* {
            if (i + 1 >= argc) std::exit(usage());
            return argv[++i];
        };
        if (arg == "--weighted") {
            weighted = true;
        } else if (arg == "--exact") {
            options.exact = true;
        } else if (arg == "--epsilon") {
            options.epsilon = std::stod(value());
        } else if (arg == "--delta") {
            options.delta = std::stod(value());
        } else if (arg == "--top-k") {
            options.top_k = std::stoull(value());
        } else if (arg == "--threads") {
            options.threads = static_cast<unsigned>(std::stoul(value()));
        } else if (arg == "--seed") {
            options.seed = std::stoull(value());
        } else if (arg == "--values") {
            values_path = value();
        } else {
            return usage();
        }
    }
    try {
        auto start = std::chrono::steady_clock::now();
        const auto model = reorg::io::load_model(model_path);
        const auto graph = reorg::graph::work_graph(model, {.weighted = weighted});
        const double load = seconds_since(start);
        start = std::chrono::steady_clock::now();
        const auto result = reorg::analysis::betweenness(graph, options);
        const double seconds = seconds_since(start);

        const bool sampled = result.method == reorg::analysis::BetweennessMethod::Sampled;
        std::string top;
        std::vector<std::uint32_t> order = result.top;
        if (order.empty()) {
            order.resize(result.value.size());
            for (std::uint32_t v = 0; v < order.size(); ++v) order[v] = v;
            const auto k = std::min<std::size_t>(10, order.size());
            std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k),
                              order.end(), [&](auto a, auto b) {
                                  return result.value[a] != result.value[b]
                                             ? result.value[a] > result.value[b]
                                             : a < b;
                              });
            order.resize(k);
        }
        for (std::size_t i = 0; i < order.size() && i < 10; ++i) {
            const auto v = order[i];
            char entry[160];
            std::snprintf(entry, sizeof entry, "%s[\"%s\", %.6g, %.2g]", i == 0 ? "" : ", ",
                          std::string(model.posts()[v].id).c_str(), result.value[v],
                          result.error[v]);
            top += entry;
        }
        std::printf(
            "{\"model\": \"%s\", \"posts\": %zu, \"edges\": %zu, \"weighted\": %s, "
            "\"integer_weights\": %s, \"method\": \"%s\", \"epsilon\": %.6g, \"delta\": %.3g, "
            "\"samples\": %zu, \"vertex_diameter\": %zu, \"top_k\": %zu, \"certain_ranks\": %zu, "
            "\"top_separated\": %s, \"threads\": %u, \"load_s\": %.3f, \"seconds\": %.3f, "
            "\"top\": [%s]}\n",
            model_path.c_str(), graph.vertex_count(), graph.edge_count(),
            result.weighted ? "true" : "false", result.integer_weights ? "true" : "false",
            sampled ? "sampled" : "exact", result.epsilon, result.delta, result.samples,
            result.vertex_diameter, options.top_k.value_or(0), result.certain_ranks,
            result.top_separated ? "true" : "false", options.threads, load, seconds, top.c_str());
        if (!values_path.empty()) {
            std::ofstream out(values_path);
            for (std::size_t v = 0; v < result.value.size(); ++v) {
                char line[160];
                std::snprintf(line, sizeof line, "%s %.17g %.3g\n",
                              std::string(model.posts()[v].id).c_str(), result.value[v],
                              result.error[v]);
                out << line;
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "reorg_bench_betweenness: %s\n", error.what());
        return 1;
    }
}
