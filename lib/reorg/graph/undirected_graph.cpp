#include "reorg/graph/undirected_graph.hpp"

#include "reorg/graph/detail/csr.hpp"

#include <algorithm>
#include <cmath>

namespace reorg::graph {

namespace {
const std::uint32_t kNoOffsets[] = {0, 0};
}

UndirectedGraph::UndirectedGraph()
    : csr_(std::make_shared<const detail::CsrStorage>()), offsets_(kNoOffsets) {}

UndirectedGraph UndirectedGraph::from_edges(std::size_t vertices, std::vector<Edge> edges) {
    // Both directions of every edge, sorted by (source, target, weight): the first arc of a run
    // of parallel arcs is the shortest, and the rows come out in CSR order. A counting sort by
    // source, then each row (a handful of arcs) by target and weight: ten million arcs sort in
    // a tenth of the time std::sort takes over all of them.
    std::vector<std::size_t> row(vertices + 1, 0);
    for (const auto& e : edges) {
        if (e.a == e.b) continue;
        ++row[e.a + 1];
        ++row[e.b + 1];
    }
    for (std::size_t v = 0; v < vertices; ++v) row[v + 1] += row[v];
    std::vector<Edge> arcs(row[vertices]);
    {
        auto next = row;
        for (const auto& e : edges) {
            if (e.a == e.b) continue;
            arcs[next[e.a]++] = e;
            arcs[next[e.b]++] = {e.b, e.a, e.weight};
        }
    }
    edges = {};

    // The rows go straight into Boost's structure (its rows, columns and arc properties are
    // public members), parallel arcs dropped: no list of pairs for its constructor to copy.
    UndirectedGraph graph;
    const std::pair<std::uint32_t, std::uint32_t>* none = nullptr;
    auto storage = std::make_shared<detail::CsrStorage>(detail::CsrStorage{
        detail::Csr(boost::edges_are_sorted, none, none, static_cast<std::uint32_t>(vertices))});
    auto& forward = storage->graph.m_forward;
    auto& rowstart = forward.m_rowstart;
    auto& targets = forward.m_column;
    auto& properties = forward.m_edge_properties;
    targets.reserve(arcs.size());
    properties.reserve(arcs.size());
    const auto by_target = [](const Edge& x, const Edge& y) {
        return x.b != y.b ? x.b < y.b : x.weight < y.weight;
    };
    for (std::size_t v = 0; v < vertices; ++v) {
        const auto first = arcs.begin() + static_cast<std::ptrdiff_t>(row[v]);
        const auto last = arcs.begin() + static_cast<std::ptrdiff_t>(row[v + 1]);
        std::sort(first, last, by_target);
        for (auto arc = first; arc != last; ++arc) {
            if (arc != first && arc->b == (arc - 1)->b) continue;
            targets.push_back(arc->b);
            properties.push_back({arc->weight});
            if (arc->weight != std::floor(arc->weight)) graph.integer_weights_ = false;
            if (arc->weight != 1.0) graph.weighted_ = true;
        }
        rowstart[v + 1] = static_cast<std::uint32_t>(targets.size());
    }
    graph.csr_ = std::move(storage);
    // The rows, columns and arc properties are public members of Boost's CSR structure; reading
    // them as arrays is what keeps the breadth-first searches of the analyses tight.
    const auto& csr = graph.csr_->graph;
    graph.offsets_ = csr.m_forward.m_rowstart.data();
    graph.targets_ = csr.m_forward.m_column.data();
    graph.arc_data_ = csr.m_forward.m_edge_properties.data();
    return graph;
}

std::size_t UndirectedGraph::vertex_count() const noexcept {
    return boost::num_vertices(csr_->graph);
}

std::size_t UndirectedGraph::edge_count() const noexcept {
    return boost::num_edges(csr_->graph) / 2;
}

}  // namespace reorg::graph
