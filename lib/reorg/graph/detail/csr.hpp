#pragma once
// The Boost.Graph types behind reorg's graph views. Only graph/ and analysis/ include this.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

namespace reorg::graph {

/// What an arc carries: its length when weights are used as distances.
struct Arc {
    double weight = 1.0;
};

namespace detail {

/// Compressed sparse rows with 32-bit vertex and arc indices: an undirected edge is two arcs.
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

}  // namespace detail
}  // namespace reorg::graph
