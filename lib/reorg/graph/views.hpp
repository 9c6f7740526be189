#pragma once
#include <cstdint>
#include <vector>

#include "reorg/graph/undirected_graph.hpp"
#include "reorg/model/model.hpp"

/// The graphs the analyses run on, derived from a model in O(posts + links) (SPEC §5).
namespace reorg::graph {

struct WorkGraphOptions {
    /// Use link weights as distances (collaborations and dotted lines without a weight, and
    /// reporting lines, count 1). Otherwise every edge has length 1.
    bool weighted = false;
};

/// The work graph: one vertex per post (vertex i is PostId i), an undirected edge for every
/// reporting line, dotted line and post-to-post collaboration. Parallel edges are merged
/// (keeping the shortest), self-loops dropped.
[[nodiscard]] UndirectedGraph work_graph(const model::Model& model,
                                         const WorkGraphOptions& options = {});

/// The unit graph: one vertex per unit (vertex i is UnitId i), an edge wherever a reporting
/// line, a link or a flow crosses units: a post reporting to a post of another unit, a link
/// between posts of different units, a unit-to-unit link, a membership of a post in a group.
[[nodiscard]] UndirectedGraph unit_graph(const model::Model& model,
                                         const WorkGraphOptions& options = {});

/// The why-graph: findings as vertices (vertex i is FindingId i), an arc from each finding to
/// each finding it names in `because`.
struct WhyGraph {
    std::vector<std::vector<std::uint32_t>> because;   ///< arcs out of each finding
    std::vector<std::vector<std::uint32_t>> explains;  ///< arcs into each finding
};
[[nodiscard]] WhyGraph why_graph(const model::Model& model);

}  // namespace reorg::graph
