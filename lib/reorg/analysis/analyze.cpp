#include "reorg/analysis/analyze.hpp"

#include "reorg/base/error.hpp"
#include "reorg/graph/views.hpp"

namespace reorg::analysis {
namespace {

constexpr std::size_t kExactUnitsUpTo = 50'000;

model::UnitId require_unit(const model::Model& model, const std::string& id,
                           std::string_view option) {
    if (const auto unit = model.find_unit(id)) return *unit;
    throw OptionError(std::string(option), "no unit with id '" + id + "' in the model");
}

}  // namespace

Betweenness post_betweenness(const graph::ModelGraphs& graphs, const BetweennessOptions& options) {
    return betweenness(graphs.work(), options);
}

Betweenness unit_betweenness(const graph::ModelGraphs& graphs, const BetweennessOptions& options) {
    // Only a unit graph beyond kExactUnitsUpTo (a generated or very fragmented organisation,
    // where exact would take many minutes) is sampled, and the output says so.
    auto unit_options = options;
    unit_options.exact = graphs.model().units().size() <= kExactUnitsUpTo;
    unit_options.exact_up_to = kExactUnitsUpTo;
    unit_options.epsilon.reset();
    unit_options.top_k.reset();
    unit_options.progress = nullptr;
    return betweenness(graphs.units(), unit_options);
}

Bottlenecks analyze(const graph::ModelGraphs& graphs, const AnalyzeOptions& options) {
    const auto& model = graphs.model();
    Bottlenecks result;
    // decision_distance checks that it is a group.
    if (options.to_group) result.to_group = require_unit(model, *options.to_group, "to_group");
    if (options.between) {
        result.between = {require_unit(model, options.between->first, "between"),
                          require_unit(model, options.between->second, "between")};
    }
    if (options.merge) {
        result.merge = {require_unit(model, options.merge->first, "merge"),
                        require_unit(model, options.merge->second, "merge")};
    }

    result.posts = post_betweenness(graphs, options.betweenness);
    result.units = unit_betweenness(graphs, options.betweenness);
    result.unweighted_fallback = graphs.options().weighted && !result.posts.weighted;
    result.single_points = single_points(model, graphs.work());  // weights do not change cuts
    result.unit_single_points = unit_single_points(graphs.units());
    result.load = service_load(model);
    result.decision_distance = decision_distance(model, result.to_group);
    if (result.between) {
        result.min_cut =
            min_cut_between(model, graphs.work(), result.between->first, result.between->second);
    }
    if (result.merge)
        result.overlap = merger_overlap(model, result.merge->first, result.merge->second);
    result.findings = analyze_findings(model, graphs.why());
    return result;
}

}  // namespace reorg::analysis
