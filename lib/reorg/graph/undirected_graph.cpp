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
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<Arc> properties;
    {
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
        const auto by_target = [](const Edge& x, const Edge& y) {
            return x.b != y.b ? x.b < y.b : x.weight < y.weight;
        };
        for (std::size_t v = 0; v < vertices; ++v) {
            std::sort(arcs.begin() + static_cast<std::ptrdiff_t>(row[v]),
                      arcs.begin() + static_cast<std::ptrdiff_t>(row[v + 1]), by_target);
        }
        pairs.reserve(arcs.size());
        properties.reserve(arcs.size());
        for (std::size_t i = 0; i < arcs.size(); ++i) {
            if (i > 0 && arcs[i].a == arcs[i - 1].a && arcs[i].b == arcs[i - 1].b) continue;
            pairs.emplace_back(arcs[i].a, arcs[i].b);
            properties.push_back({arcs[i].weight});
        }
    }

    UndirectedGraph graph;
    graph.csr_ = std::make_shared<const detail::CsrStorage>(
        detail::CsrStorage{detail::Csr(boost::edges_are_sorted, pairs.begin(), pairs.end(),
                                       properties.begin(), static_cast<std::uint32_t>(vertices))});
    for (const auto& arc : properties) {
        if (arc.weight != std::floor(arc.weight)) graph.integer_weights_ = false;
        if (arc.weight != 1.0) graph.weighted_ = true;
    }
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
