#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "reorg/analysis/detail/path_lengths.hpp"
#include "reorg/analysis/detail/work_queue.hpp"
#include "reorg/base/random.hpp"
#include "reorg/graph/undirected_graph.hpp"

// Sampling (Riondato–Kornaropoulos; paths found as in KADABRA). A sample is a uniformly random
// ordered pair s ≠ t and one s–t shortest path chosen uniformly among all of them; the interior
// vertices of the path each score one hit. The expected hit rate of v is
// b(v) = Σ_{s≠t} (σ_st(v)/σ_st) / (n(n−1)), which is NetworkX's normalised value × (n−2)/n.
namespace reorg::analysis::detail {

/// Sampled paths per random stream: sample i always comes from block i / kBlock, whatever the
/// number of threads, so that sampled results depend on the seed alone.
inline constexpr std::uint64_t kBlock = 64;

/// Draws samples on several threads, each thread counting hits per vertex in its own array.
/// Sample i of a stream is drawn from the random generator of block i / kBlock, so the summed
/// counts depend on the seed only, not on the threads or on how the samples are split in runs.
/// Each path is found by a balanced bidirectional search: breadth-first unweighted, Dijkstra
/// weighted. Keeps references to `graph` and `lengths`.
class Sampler {
public:
    Sampler(const graph::UndirectedGraph& graph, const LengthInfo& lengths, std::uint64_t seed,
            unsigned threads);
    Sampler(const Sampler&) = delete;
    Sampler& operator=(const Sampler&) = delete;
    ~Sampler();

    /// Draws the samples [begin, end) of `stream`, adding their hits to the counts.
    void run(std::uint64_t stream, std::uint64_t begin, std::uint64_t end,
             ProgressReporter& reporter, const std::function<double(std::uint64_t)>& fraction);

    /// Hits per vertex over every sample run so far (summed over threads).
    [[nodiscard]] std::vector<std::uint64_t> counts() const;

    /// Forgets the hits counted so far.
    void clear();

private:
    struct State;  // per thread: its counts and its path search

    /// Draws one sample from `rng`, counting its hits in `state` if `count`.
    void draw(State& state, base::Random& rng, bool count);

    const graph::UndirectedGraph& graph_;
    const LengthInfo& lengths_;
    std::uint64_t seed_;
    unsigned threads_;
    std::vector<State> state_;
};

}  // namespace reorg::analysis::detail
