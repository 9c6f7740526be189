#include "reorg/analysis/centrality.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <utility>

#include "reorg/analysis/detail/brandes.hpp"
#include "reorg/analysis/detail/forest_betweenness.hpp"
#include "reorg/analysis/detail/path_lengths.hpp"
#include "reorg/analysis/detail/ranking.hpp"
#include "reorg/analysis/detail/sampled_betweenness.hpp"
#include "reorg/analysis/detail/work_queue.hpp"
#include "reorg/base/error.hpp"

namespace reorg::analysis {
namespace {

void validate(const BetweennessOptions& options) {
    if (options.epsilon && !(*options.epsilon > 0 && *options.epsilon < 1)) {
        throw OptionError("epsilon", "epsilon must lie strictly between 0 and 1");
    }
    if (!(options.delta > 0 && options.delta < 1)) {
        throw OptionError("delta", "delta must lie strictly between 0 and 1");
    }
    if (options.top_k && *options.top_k == 0) {
        throw OptionError("top_k", "the top k must be at least 1");
    }
    if (!(options.default_epsilon > 0 && options.default_epsilon < 1)) {
        throw OptionError("default_epsilon",
                          "the default epsilon must lie strictly between 0 and 1");
    }
    if (!(options.relative_tolerance >= 0 && options.relative_tolerance < 1e-3)) {
        throw OptionError("relative_tolerance", "the relative tolerance must lie in [0, 0.001)");
    }
}

}  // namespace

Betweenness betweenness(const graph::UndirectedGraph& graph, const BetweennessOptions& options) {
    validate(options);
    const std::size_t n = graph.vertex_count();
    const detail::LengthInfo lengths = detail::lengths_of(graph, options);
    detail::ProgressReporter reporter(options.progress);

    // A forest (a pure hierarchy) is exact in O(V) at any size: sampled only when asked.
    auto forest = options.epsilon ? std::nullopt : detail::forest_sums(graph);
    const bool sample =
        !options.exact && !forest && n > 2 && (options.epsilon || (n > options.exact_up_to));
    const std::size_t k = options.top_k ? std::min(*options.top_k, n) : 0;

    Betweenness result;
    if (!sample) {
        result.value.assign(n, 0.0);
        if (n > 2) {
            const auto sums = forest
                                  ? std::move(*forest)
                                  : detail::exact_sums(graph, lengths, options.threads, reporter);
            // NetworkX: the sum over ordered sources (each pair twice) times 1/((n−1)(n−2)).
            const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
            for (std::size_t v = 0; v < n; ++v) result.value[v] = sums[v] * scale;
        }
        result.error.assign(n, 0.0);
        if (options.top_k) {
            // Exact values that differ by rounding only (symmetric vertices) are ties, not ranks.
            const double max =
                n == 0 ? 0.0 : *std::max_element(result.value.begin(), result.value.end());
            detail::rank_uniform(result, k, 0.5e-9 * max);
        }
    } else if (options.top_k && !options.epsilon) {
        result = detail::top_k_sampled(graph, lengths, options, k, reporter);
    } else {
        result = detail::sampled_betweenness(
            graph, lengths, options, options.epsilon.value_or(options.default_epsilon), reporter);
        if (options.top_k) detail::rank_uniform(result, k, result.epsilon);
    }
    result.weighted = lengths.weighted;
    result.integer_weights = lengths.integer;
    result.relative_tolerance = lengths.tolerance;
    reporter.report(1.0);
    return result;
}

}  // namespace reorg::analysis
