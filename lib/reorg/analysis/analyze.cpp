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

Bottlenecks analyze(const model::Model& model, const AnalyzeOptions& options) {
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

    const graph::WorkGraphOptions graph_options{.weighted = options.weighted};
    const auto work = graph::work_graph(model, graph_options);
    result.posts = betweenness(work, options.betweenness);
    // Units are exact by default: a real organisation has thousands even at a million posts.
    // Only a unit graph beyond kExactUnitsUpTo (a generated or very fragmented organisation,
    // where exact would take many minutes) is sampled, and the output says so.
    auto unit_options = options.betweenness;
    unit_options.exact = model.units().size() <= kExactUnitsUpTo;
    unit_options.exact_up_to = kExactUnitsUpTo;
    unit_options.epsilon.reset();
    unit_options.top_k.reset();
    unit_options.progress = nullptr;
    result.units = betweenness(graph::unit_graph(model, graph_options), unit_options);

    result.single_points = single_points(model, work);  // weights do not change what is cut
    result.load = service_load(model);
    result.decision_distance = decision_distance(model, result.to_group);
    if (result.between) {
        result.min_cut =
            min_cut_between(model, work, result.between->first, result.between->second);
    }
    if (result.merge)
        result.overlap = merger_overlap(model, result.merge->first, result.merge->second);
    result.findings = analyze_findings(model);
    return result;
}

}  // namespace reorg::analysis
