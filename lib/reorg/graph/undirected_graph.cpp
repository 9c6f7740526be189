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
    // Both directions of every edge go straight into Boost's structure (its rows, columns and
    // arc properties are public members): a counting sort by source places each arc in its
    // row, then each row (a handful of arcs) is sorted by target and weight and its parallel
    // arcs dropped, the shortest kept. No array of all arcs besides the graph's own: memory
    // first touched is what a large build waits for.
    std::vector<std::size_t> row(vertices + 1, 0);
    for (const auto& e : edges) {
        if (e.a == e.b) continue;
        ++row[e.a + 1];
        ++row[e.b + 1];
    }
    for (std::size_t v = 0; v < vertices; ++v) row[v + 1] += row[v];

    UndirectedGraph graph;
    const std::pair<std::uint32_t, std::uint32_t>* none = nullptr;
    auto storage = std::make_shared<detail::CsrStorage>(detail::CsrStorage{
        detail::Csr(boost::edges_are_sorted, none, none, static_cast<std::uint32_t>(vertices))});
    auto& forward = storage->graph.m_forward;
    auto& rowstart = forward.m_rowstart;
    auto& targets = forward.m_column;
    auto& properties = forward.m_edge_properties;
    targets.resize(row[vertices]);
    properties.resize(row[vertices]);
    {
        auto next = row;
        for (const auto& e : edges) {
            if (e.a == e.b) continue;
            targets[next[e.a]] = e.b;
            properties[next[e.a]++].weight = e.weight;
            targets[next[e.b]] = e.a;
            properties[next[e.b]++].weight = e.weight;
        }
    }
    edges = {};

    // Row by row, through a small buffer, into place: a row never ends after the next begins.
    std::vector<std::pair<std::uint32_t, double>> arcs;
    std::size_t kept = 0;
    for (std::size_t v = 0; v < vertices; ++v) {
        arcs.clear();
        for (std::size_t a = row[v]; a < row[v + 1]; ++a) {
            arcs.emplace_back(targets[a], properties[a].weight);
        }
        std::sort(arcs.begin(), arcs.end());
        for (std::size_t k = 0; k < arcs.size(); ++k) {
            const auto [target, weight] = arcs[k];
            if (k > 0 && target == arcs[k - 1].first) continue;
            targets[kept] = target;
            properties[kept].weight = weight;
            ++kept;
            if (weight != std::floor(weight)) graph.integer_weights_ = false;
            if (weight != 1.0) graph.weighted_ = true;
        }
        rowstart[v + 1] = static_cast<std::uint32_t>(kept);
    }
    targets.resize(kept);
    properties.resize(kept);
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
