#pragma once
#include <cstddef>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/detail/path_lengths.hpp"
#include "reorg/analysis/detail/work_queue.hpp"
#include "reorg/graph/undirected_graph.hpp"

namespace reorg::analysis::detail {

/// Betweenness within `epsilon` of the exact values, all at once, with probability 1 − delta:
/// the Riondato–Kornaropoulos number of paths for the graph's vertex-diameter bound, drawn with
/// the seed and threads of `options`. Needs n > 2.
[[nodiscard]] Betweenness sampled_betweenness(const graph::UndirectedGraph& graph,
                                              const LengthInfo& lengths,
                                              const BetweennessOptions& options, double epsilon,
                                              ProgressReporter& reporter);

/// Adaptive sampling for the top k. A pilot sample (its own random stream, 1/16 of the cap, not
/// counted) picks M = max(8k, 64) candidates. Then rounds of samples, doubling from the RK size
/// for ε = 0.05 up to the cap; after each, every vertex gets the Chernoff interval of its hit
/// rate with δ shared out as δ/R per round (R rounds at most), half of it among the candidates
/// and half among the rest — so the candidates, the likely top, get tight intervals. It stops
/// when the k highest are separated from all the rest (min lower bound of the top k above the
/// max upper bound of the others), or at the cap, and reports which leading ranks are certain.
/// Needs n > 2.
[[nodiscard]] Betweenness top_k_sampled(const graph::UndirectedGraph& graph,
                                        const LengthInfo& lengths,
                                        const BetweennessOptions& options, std::size_t k,
                                        ProgressReporter& reporter);

}  // namespace reorg::analysis::detail
