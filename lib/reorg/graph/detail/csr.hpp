#pragma once
// The Boost.Graph type behind UndirectedGraph, for the algorithms and tests that hand it to
// Boost.Graph. Only graph/ and analysis/ include this; it is not installed.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include "reorg/graph/undirected_graph.hpp"

namespace reorg::graph::detail {

/// Compressed sparse rows with 32-bit vertex and arc indices: an undirected edge is two arcs.
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

/// What UndirectedGraph holds on the heap (so that its raw pointers survive moves).
struct CsrStorage {
    Csr graph;
};

/// The Boost.Graph view of `graph`, for Boost.Graph's algorithms.
[[nodiscard]] inline const Csr& csr(const UndirectedGraph& graph) noexcept {
    return graph.storage().graph;
}

}  // namespace reorg::graph::detail
