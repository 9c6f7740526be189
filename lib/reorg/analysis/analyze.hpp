#pragma once
#include <optional>
#include <string>
#include <utility>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/cut_points.hpp"
#include "reorg/analysis/findings.hpp"
#include "reorg/analysis/flows.hpp"
#include "reorg/model/model.hpp"

/// Every bottleneck figure of SPEC §5 in one call: what `reorg analyze` prints.
namespace reorg::analysis {

struct AnalyzeOptions {
    BetweennessOptions betweenness;       ///< for posts; units are always exact
    bool weighted = false;                ///< link weights as distances
    std::optional<std::string> to_group;  ///< decision distance to this group too
    std::optional<std::pair<std::string, std::string>> between;  ///< minimum cut between units
    std::optional<std::pair<std::string, std::string>> merge;    ///< merger overlap of units
};

struct Bottlenecks {
    Betweenness posts;  ///< on the work graph (vertex = PostId)
    Betweenness units;  ///< on the unit graph (vertex = UnitId), exact up to 50,000 units
    SinglePoints single_points;
    std::vector<UnitLoad> load;  ///< highest first; the first is the constraint
    DecisionDistance decision_distance;
    std::optional<model::UnitId> to_group;
    std::optional<std::pair<model::UnitId, model::UnitId>> between;
    std::optional<MinCut> min_cut;
    std::optional<std::pair<model::UnitId, model::UnitId>> merge;
    std::vector<OverlapGroup> overlap;
    FindingsAnalysis findings;
};

/// Runs every analysis. Unit ids in the options that the model lacks, or a `to_group` that is
/// no group, are the caller's error: OptionError naming the field (`to_group`, `between`,
/// `merge`).
[[nodiscard]] Bottlenecks analyze(const model::Model& model, const AnalyzeOptions& options);

}  // namespace reorg::analysis
