#include "reorg/analysis/detail/forest_betweenness.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>

namespace reorg::analysis::detail {

std::optional<std::vector<double>> forest_sums(const graph::UndirectedGraph& graph) {
    using Vertex = std::uint32_t;
    const std::size_t n = graph.vertex_count();
    // Self-loops are dropped and parallel edges merged, so a forest of c trees has exactly
    // n − c edges, and any graph with more has a cycle.
    if (graph.edge_count() >= n && n > 0) return std::nullopt;

    // Breadth-first order per tree, each vertex after its parent; then sizes bottom-up.
    constexpr Vertex kNone = std::numeric_limits<Vertex>::max();
    std::vector<Vertex> parent(n, kNone);
    std::vector<Vertex> order;
    std::vector<Vertex> tree_of(n, kNone);  // index into tree_size; kNone until reached
    std::vector<std::uint64_t> tree_size;
    order.reserve(n);
    for (Vertex root = 0; root < n; ++root) {
        if (tree_of[root] != kNone) continue;
        const auto tree = static_cast<Vertex>(tree_size.size());
        const std::size_t first = order.size();
        tree_of[root] = tree;
        order.push_back(root);
        for (std::size_t next = first; next < order.size(); ++next) {
            const Vertex v = order[next];
            for (const Vertex w : graph.neighbours(v)) {
                if (tree_of[w] != kNone) continue;
                tree_of[w] = tree;
                parent[w] = v;
                order.push_back(w);
            }
        }
        tree_size.push_back(order.size() - first);
    }
    if (graph.edge_count() != n - tree_size.size()) return std::nullopt;

    // size[v]: v and everything below it. squares[v]: Σ size² over v's children.
    std::vector<std::uint64_t> size(n, 1);
    std::vector<std::uint64_t> squares(n, 0);
    for (std::size_t i = n; i-- > 0;) {
        const Vertex v = order[i];
        if (parent[v] == kNone) continue;
        size[parent[v]] += size[v];
        squares[parent[v]] += size[v] * size[v];
    }
    // Exact in 64 bits below 2³² vertices; a double holds it exactly below 2⁵³ (95 million
    // vertices in one tree).
    std::vector<double> sums(n);
    for (Vertex v = 0; v < n; ++v) {
        const std::uint64_t others = tree_size[tree_of[v]] - 1;
        const std::uint64_t above = others + 1 - size[v];
        sums[v] = static_cast<double>(others * others - squares[v] - above * above);
    }
    return sums;
}

}  // namespace reorg::analysis::detail
