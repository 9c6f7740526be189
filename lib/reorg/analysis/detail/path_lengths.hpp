#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "reorg/analysis/centrality.hpp"
#include "reorg/graph/undirected_graph.hpp"

namespace reorg::analysis::detail {

/// A vertex of graph::UndirectedGraph.
using Vertex = std::uint32_t;

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// What the graph's weights make of path lengths, for every shortest-path search.
struct LengthInfo {
    bool weighted = false;
    bool integer = true;
    double min = 1;
    double max = 1;
    double tolerance = 0;  ///< relative; 0 for integer lengths
};

/// The lengths of `graph` (the tolerance from `options` for fractional ones). O(edges). Throws
/// InputError (weighted) for a length that is not positive and finite.
[[nodiscard]] LengthInfo lengths_of(const graph::UndirectedGraph& graph,
                                    const BetweennessOptions& options);

/// Whether Dial's buckets serve as the priority queue: integer lengths, none too long.
[[nodiscard]] bool buckets(const LengthInfo& lengths);

/// Lengths closer than `tolerance` relative to the larger count as equal (0: exactly equal).
inline bool same_length(double a, double b, double tolerance) {
    return a == b || std::abs(a - b) <= tolerance * std::max(a, b);
}

}  // namespace reorg::analysis::detail
