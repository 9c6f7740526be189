#pragma once
#include <vector>

#include "reorg/analysis/detail/path_lengths.hpp"
#include "reorg/analysis/detail/work_queue.hpp"
#include "reorg/graph/undirected_graph.hpp"

namespace reorg::analysis::detail {

/// Exact betweenness (Brandes 2001): Σ over ordered sources s of δ_s(v), every unordered pair
/// counted twice, the sources shared out over `requested_threads` (0: every core) with one
/// accumulator per thread. Breadth-first unweighted; weighted, Dijkstra with Dial's buckets for
/// small integer lengths, else a binary heap. O(V·E) unweighted, O(V·E·log V) weighted.
[[nodiscard]] std::vector<double> exact_sums(const graph::UndirectedGraph& graph,
                                             const LengthInfo& lengths, unsigned requested_threads,
                                             ProgressReporter& reporter);

}  // namespace reorg::analysis::detail
