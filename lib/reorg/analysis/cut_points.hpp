#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "reorg/graph/undirected_graph.hpp"
#include "reorg/model/model.hpp"

/// Single points of failure and minimum cuts (SPEC §5 "Bottlenecks").
namespace reorg::analysis {

/// A vertex whose loss splits its connected part of the graph.
struct CutPoint {
    std::uint32_t vertex = 0;
    /// The vertices of its connected part, other than itself, that would lie outside the
    /// largest piece left after its loss (for a connected graph: outside the largest
    /// remaining connected part).
    std::size_t cut_off = 0;
};

/// Every articulation point with its cut-off, largest cut-off first (then by vertex).
/// O(V + E): one iterative depth-first search (no recursion depth limit) that takes the
/// cut-offs from the sizes of the DFS subtrees each vertex separates.
[[nodiscard]] std::vector<CutPoint> articulation_points(const graph::UndirectedGraph& graph);

/// Every edge whose loss disconnects its endpoints, as (smaller, larger) vertex pairs, sorted.
/// O(V + E), iterative.
[[nodiscard]] std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges(
    const graph::UndirectedGraph& graph);

/// Single points of failure of an organisation: articulation points of its work graph,
/// bridges, vacant posts among the articulation points, and groups with a single member.
struct SinglePoints {
    std::vector<CutPoint> articulation_points;  ///< vertex = PostId, as articulation_points()
    std::vector<std::pair<model::PostId, model::PostId>> bridges;  ///< as bridges()
    /// The vacant posts among articulation_points, in the same order.
    std::vector<model::PostId> vacant_articulation_points;
    /// Units of kind group with exactly one distinct post linked to them by member_of, ascending.
    std::vector<model::UnitId> single_member_groups;
};
[[nodiscard]] SinglePoints single_points(const model::Model& model,
                                         const graph::UndirectedGraph& work_graph);

/// Single points of failure of the unit graph (SPEC §5: units as vertices, an edge wherever a
/// reporting line, link or flow crosses units): units whose loss cuts other units off from the
/// rest, and the connections between two units whose loss splits it. O(units + edges).
struct UnitSinglePoints {
    /// vertex = UnitId; cut_off counts units, as articulation_points() does vertices.
    std::vector<CutPoint> articulation_points;
    std::vector<std::pair<model::UnitId, model::UnitId>> bridges;  ///< as bridges()
};
[[nodiscard]] UnitSinglePoints unit_single_points(const graph::UndirectedGraph& unit_graph);

/// The smallest set of other posts whose loss disconnects the posts of unit `a` (taken as one
/// vertex) from those of unit `b` (another) in the work graph (SPEC §5, "minimum cut").
/// Posts of sub-units count as the unit's. Through a max-flow on the vertex-split graph
/// (Boost's Boykov–Kolmogorov).
struct MinCut {
    bool directly_linked = false;  ///< a post of A and one of B share an edge: no cut exists
    /// Then, those edges as (post of A, post of B), sorted.
    std::vector<std::pair<model::PostId, model::PostId>> direct_links;
    bool connected = true;             ///< false: A and B are already apart (size 0)
    std::vector<model::PostId> posts;  ///< one minimum cut, ascending; its size is the cut's size
};
/// A unit without posts is apart from everything (connected = false). Throws
/// reorg::OptionError (option "between") when one unit contains the other or they are the
/// same. Builds the flow network on the posts reachable from A only.
[[nodiscard]] MinCut min_cut_between(const model::Model& model,
                                     const graph::UndirectedGraph& work_graph, model::UnitId a,
                                     model::UnitId b);

}  // namespace reorg::analysis
