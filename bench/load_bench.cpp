// Times loading a model and computing its structure, in one process per model so that the
// peak memory is that model's: `reorg_bench_load MODEL` prints one JSON line.
#include <chrono>
#include <cstdio>
#include <exception>

#include "reorg/analysis/structure.hpp"
#include "reorg/io/load.hpp"

#include "bench_support.hpp"

namespace {

using reorg::bench::peak_mib;
using reorg::bench::seconds_since;

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: reorg_bench_load MODEL\n");
        return 2;
    }
    try {
        auto start = std::chrono::steady_clock::now();
        const auto model = reorg::io::load_model(argv[1]);
        const double load = seconds_since(start);
        start = std::chrono::steady_clock::now();
        const auto structure = reorg::analysis::structure(model);
        const double stats = seconds_since(start);
        std::printf(
            "{\"model\": \"%s\", \"posts\": %zu, \"links\": %zu, \"load_s\": %.3f, "
            "\"stats_s\": %.3f, \"peak_mib\": %.0f, \"managers\": %zu}\n",
            argv[1], model.posts().size(), model.links().size(), load, stats, peak_mib(),
            structure.managers);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "reorg_bench_load: %s\n", error.what());
        return 1;
    }
}
