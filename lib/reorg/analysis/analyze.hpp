#pragma once
#include <optional>
#include <string>
#include <utility>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/cut_points.hpp"
#include "reorg/analysis/findings.hpp"
#include "reorg/analysis/flows.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/model/model.hpp"

/// Every bottleneck figure of SPEC §5 in one call: what `reorg analyze` prints.
namespace reorg::analysis {

struct AnalyzeOptions {
    BetweennessOptions betweenness;       ///< for posts; units as unit_betweenness() says
    std::optional<std::string> to_group;  ///< decision distance to this group too
    std::optional<std::pair<std::string, std::string>> between;  ///< minimum cut between units
    std::optional<std::pair<std::string, std::string>> merge;    ///< merger overlap of units
};

struct Bottlenecks {
    Betweenness posts;  ///< on the work graph (vertex = PostId)
    Betweenness units;  ///< on the unit graph (vertex = UnitId), exact up to 50,000 units
    /// The graphs were built weighted, but no edge of the work graph has a weight other than 1
    /// (no link between posts carries one): betweenness fell back to unweighted distances.
    bool unweighted_fallback = false;
    SinglePoints single_points;
    UnitSinglePoints unit_single_points;  ///< on the unit graph
    std::vector<UnitLoad> load;           ///< highest first; the first is the constraint
    DecisionDistance decision_distance;
    std::optional<model::UnitId> to_group;
    std::optional<std::pair<model::UnitId, model::UnitId>> between;
    std::optional<MinCut> min_cut;
    std::optional<std::pair<model::UnitId, model::UnitId>> merge;
    std::vector<OverlapGroup> overlap;
    FindingsAnalysis findings;
};

/// Runs every analysis on the model's graphs (weighted as `graphs` was built). Unit ids in the
/// options that the model lacks, or a `to_group` that is no group, are the caller's error:
/// OptionError naming the field (`to_group`, `between`, `merge`).
[[nodiscard]] Bottlenecks analyze(const graph::ModelGraphs& graphs, const AnalyzeOptions& options);

/// Betweenness of the posts on the work graph, as analyze() computes it.
[[nodiscard]] Betweenness post_betweenness(const graph::ModelGraphs& graphs,
                                           const BetweennessOptions& options = {});

/// Betweenness of the units on the unit graph, as analyze() computes it: exact up to 50,000
/// units (a real organisation has thousands even at a million posts), sampled beyond with
/// the default epsilon, whatever `options` asks of the posts (its seed and threads are used).
[[nodiscard]] Betweenness unit_betweenness(const graph::ModelGraphs& graphs,
                                           const BetweennessOptions& options = {});

}  // namespace reorg::analysis
