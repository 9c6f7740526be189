#pragma once
#include <cstddef>
#include <iosfwd>

#include "reorg/analysis/analyze.hpp"
#include "reorg/model/model.hpp"

/// `reorg analyze` output: readable tables, the JSON document of SPEC §5, a per-post CSV.
namespace reorg::output {

struct AnalysisOutputOptions {
    std::size_t top = 20;  ///< posts and units listed by betweenness; 0 for all
};

/// Bottlenecks for a reader: the posts and units most paths run through, single points of
/// failure, service load and the constraint, decision distance, and the optional minimum cut,
/// merger overlap and root causes.
void write_analysis_table(std::ostream& out, const model::Model& model,
                          const analysis::Bottlenecks& result,
                          const AnalysisOutputOptions& options = {});

/// The keys of SPEC §5 (`betweenness`, `articulation_points`, `bridges`, `load`, `constraint`,
/// `min_cut`, `findings`, ...), stable and documented in the README.
void write_analysis_json(std::ostream& out, const model::Model& model,
                         const analysis::Bottlenecks& result,
                         const AnalysisOutputOptions& options = {});

/// One row per post: betweenness, its error bar, articulation point and cut-off, vacancy.
void write_analysis_csv(std::ostream& out, const model::Model& model,
                        const analysis::Bottlenecks& result);

}  // namespace reorg::output
