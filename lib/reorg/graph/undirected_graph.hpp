#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace reorg::graph {

/// What an arc carries: its length when weights are used as distances.
struct Arc {
    double weight = 1.0;
};

namespace detail {
struct CsrStorage;  // graph/detail/csr.hpp: the Boost.Graph type, kept out of this header
}

/// An undirected simple graph over vertices 0..n-1 in compressed sparse rows (Boost.Graph's
/// compressed_sparse_row_graph), each edge stored as an arc in both directions. Read-only once
/// built; the hot loops of the analyses read neighbours() and arcs() as plain arrays, the rest
/// hands detail::csr(graph) (graph/detail/csr.hpp) to Boost.Graph's algorithms.
class UndirectedGraph {
public:
    struct Edge {
        std::uint32_t a = 0;
        std::uint32_t b = 0;
        double weight = 1.0;
    };

    UndirectedGraph();

    /// Builds the graph from edges in any order, each end below `vertices`. Self-loops are
    /// dropped; parallel edges become one edge with the smallest weight (the shortest
    /// distance). O(V + E log d), d the largest degree.
    static UndirectedGraph from_edges(std::size_t vertices, std::vector<Edge> edges);

    [[nodiscard]] std::size_t vertex_count() const noexcept;
    /// Undirected edges (half the arcs).
    [[nodiscard]] std::size_t edge_count() const noexcept;
    [[nodiscard]] std::size_t degree(std::uint32_t v) const noexcept {
        return offsets_[v + 1] - offsets_[v];
    }

    /// Starts loading where degree(v) and neighbours(v) begin, for a search that will soon
    /// ask: only a hint.
    void prefetch(std::uint32_t v) const noexcept { __builtin_prefetch(offsets_ + v); }

    /// The neighbours of `v`, ascending.
    [[nodiscard]] std::span<const std::uint32_t> neighbours(std::uint32_t v) const noexcept {
        return {targets_ + offsets_[v], offsets_[v + 1] - offsets_[v]};
    }
    /// The arcs to neighbours(v), in the same order.
    [[nodiscard]] std::span<const Arc> arcs(std::uint32_t v) const noexcept {
        return {arc_data_ + offsets_[v], offsets_[v + 1] - offsets_[v]};
    }

    /// Whether every weight is a whole number (then weighted distances compare exactly).
    [[nodiscard]] bool integer_weights() const noexcept { return integer_weights_; }
    /// Whether any weight differs from 1.
    [[nodiscard]] bool weighted() const noexcept { return weighted_; }

    /// The Boost.Graph storage; detail::csr() unwraps it.
    [[nodiscard]] const detail::CsrStorage& storage() const noexcept { return *csr_; }

private:
    // The Boost graph lives on the heap so that the raw pointers into it survive moves.
    std::shared_ptr<const detail::CsrStorage> csr_;
    const std::uint32_t* offsets_ = nullptr;
    const std::uint32_t* targets_ = nullptr;
    const Arc* arc_data_ = nullptr;
    bool integer_weights_ = true;
    bool weighted_ = false;
};

}  // namespace reorg::graph
