#pragma once
#include <optional>
#include <vector>

#include "reorg/graph/undirected_graph.hpp"

namespace reorg::analysis::detail {

/// Exact betweenness of a forest, in the units of exact_sums() (Σ over ordered sources, each
/// unordered pair twice), or nothing when the graph has a cycle. In a tree there is one path
/// between two vertices whatever the lengths, and it passes v exactly when they lie in two
/// different parts of the tree without v: v scores (N−1)² − Σ sᵢ², N the size of its tree and
/// sᵢ the sizes of the parts. A pure hierarchy is such a forest, and the one work graph whose
/// paths may be as long as the organisation (a reporting chain of a million posts), where
/// Brandes is O(V²) and a sampled path O(V). O(V).
[[nodiscard]] std::optional<std::vector<double>> forest_sums(const graph::UndirectedGraph& graph);

}  // namespace reorg::analysis::detail
