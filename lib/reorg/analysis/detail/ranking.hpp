#pragma once
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/detail/path_lengths.hpp"

// The top k of betweenness values, and how many of its ranks their error bars make certain.
namespace reorg::analysis::detail {

/// Vertices by value, highest first, ties by vertex number; the first `k` of them.
template <class Value>
std::vector<Vertex> highest(const std::vector<Value>& values, std::size_t k) {
    std::vector<Vertex> order(values.size());
    std::iota(order.begin(), order.end(), Vertex{0});
    k = std::min(k, order.size());
    const auto better = [&](Vertex a, Vertex b) {
        return values[a] != values[b] ? values[a] > values[b] : a < b;
    };
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      better);
    order.resize(k);
    return order;
}

/// Leading ranks of `top` that are certain: rank i is when every vertex at ranks ≤ i is surely
/// above every vertex ranked lower (min lower bound of ranks ≤ i > max upper bound of the
/// rest), for i = 1..j. `rest_upper` is the highest upper bound outside `top`.
[[nodiscard]] std::size_t certain_ranks(const std::vector<Vertex>& top,
                                        const std::vector<double>& lower,
                                        const std::vector<double>& upper, double rest_upper);

/// Ranks the top k when every value is within ±half_width of the truth.
void rank_uniform(Betweenness& result, std::size_t k, double half_width);

}  // namespace reorg::analysis::detail
