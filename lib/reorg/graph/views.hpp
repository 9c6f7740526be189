#pragma once
#include <cstdint>
#include <memory>
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
/// each finding it names in `because`; a cause named twice in one `because` is one arc, so
/// that no path or loop is found twice.
struct WhyGraph {
    std::vector<std::vector<std::uint32_t>> because;   ///< arcs out of each finding, as written
    std::vector<std::vector<std::uint32_t>> explains;  ///< arcs into each finding
};
[[nodiscard]] WhyGraph why_graph(const model::Model& model);

/// The graphs of one model, each built on first use and then kept, so that every analysis of
/// the model (and the diagram drawn beside its table) runs on the same graph and none is built
/// twice. Holds a reference to the model, which must outlive it. Safe to read from several
/// threads: a graph is built once even when two ask for it at the same time. A resource type:
/// moved, never copied.
class ModelGraphs {
public:
    explicit ModelGraphs(const model::Model& model, const WorkGraphOptions& options = {});
    ModelGraphs(ModelGraphs&&) noexcept;
    ModelGraphs& operator=(ModelGraphs&&) noexcept;
    ModelGraphs(const ModelGraphs&) = delete;
    ModelGraphs& operator=(const ModelGraphs&) = delete;
    ~ModelGraphs();

    [[nodiscard]] const model::Model& model() const noexcept { return *model_; }
    [[nodiscard]] const WorkGraphOptions& options() const noexcept { return options_; }

    /// work_graph(model(), options()); O(posts + links · log) the first time.
    [[nodiscard]] const UndirectedGraph& work() const;
    /// unit_graph(model(), options()).
    [[nodiscard]] const UndirectedGraph& units() const;
    /// why_graph(model()).
    [[nodiscard]] const WhyGraph& why() const;

private:
    struct Cache;
    const model::Model* model_;
    WorkGraphOptions options_;
    std::unique_ptr<Cache> cache_;
};

}  // namespace reorg::graph
