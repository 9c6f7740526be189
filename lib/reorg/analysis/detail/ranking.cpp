#include "reorg/analysis/detail/ranking.hpp"

namespace reorg::analysis::detail {

std::size_t certain_ranks(const std::vector<Vertex>& top, const std::vector<double>& lower,
                          const std::vector<double>& upper, double rest_upper) {
    // suffix[i]: the highest upper bound among ranks > i (0-based), including the rest.
    std::vector<double> suffix(top.size() + 1, rest_upper);
    for (std::size_t i = top.size(); i-- > 0;) suffix[i] = std::max(suffix[i + 1], upper[i]);
    double lowest = kInfinity;
    for (std::size_t i = 0; i < top.size(); ++i) {
        lowest = std::min(lowest, lower[i]);
        if (!(lowest > suffix[i + 1])) return i;
    }
    return top.size();
}

void rank_uniform(Betweenness& result, std::size_t k, double half_width) {
    result.top = highest(result.value, k);
    std::vector<double> lower(result.top.size());
    std::vector<double> upper(result.top.size());
    for (std::size_t i = 0; i < result.top.size(); ++i) {
        lower[i] = result.value[result.top[i]] - half_width;
        upper[i] = result.value[result.top[i]] + half_width;
    }
    double rest = -kInfinity;
    if (k < result.value.size())
        rest = result.value[highest(result.value, k + 1).back()] + half_width;
    result.certain_ranks = certain_ranks(result.top, lower, upper, rest);
    result.top_separated =
        result.top.empty() || *std::min_element(lower.begin(), lower.end()) > rest;
}

}  // namespace reorg::analysis::detail
