#include "reorg/analysis/detail/sampling_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace reorg::analysis::detail {
namespace {

/// Bernoulli relative entropy KL(a ‖ q).
double relative_entropy(double a, double q) {
    double result = 0;
    if (a > 0) result += a * std::log(a / q);
    if (a < 1) result += (1 - a) * std::log((1 - a) / (1 - q));
    return result;
}

}  // namespace

std::size_t vertex_diameter_bound(const graph::UndirectedGraph& graph, const LengthInfo& lengths) {
    const std::size_t n = graph.vertex_count();
    std::vector<std::int32_t> distance(n, -1);
    std::vector<bool> seen(n, false);
    std::vector<Vertex> queue;
    std::vector<Vertex> parent(n, 0);
    queue.reserve(n);
    // Breadth-first search inside one part; returns (eccentricity, farthest vertex).
    const auto search = [&](Vertex start) {
        for (const Vertex v : queue) distance[v] = -1;
        queue.assign(1, start);
        distance[start] = 0;
        parent[start] = start;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const Vertex v = queue[head];
            for (const Vertex w : graph.neighbours(v)) {
                if (distance[w] < 0) {
                    distance[w] = distance[v] + 1;
                    parent[w] = v;
                    queue.push_back(w);
                }
            }
        }
        return std::pair{distance[queue.back()], queue.back()};
    };
    std::size_t bound = 0;
    for (Vertex v = 0; v < n; ++v) {
        if (seen[v]) continue;
        const auto [eccentricity0, a] = search(v);
        for (const Vertex w : queue) seen[w] = true;
        const std::size_t size = queue.size();
        std::int32_t radius = eccentricity0;
        if (size > 2) {
            const auto [length, b] = search(a);
            Vertex middle = b;
            for (std::int32_t step = 0; step < length / 2; ++step) middle = parent[middle];
            radius = std::min(radius, search(middle).first);
        }
        auto part = static_cast<double>(2 * static_cast<std::int64_t>(radius));
        if (lengths.weighted) part = std::floor(part * lengths.max / lengths.min * (1 + 1e-12));
        bound = std::max(bound, std::min(size, static_cast<std::size_t>(part) + 1));
        for (const Vertex w : queue) distance[w] = -1;
        queue.clear();
    }
    return bound;
}

std::uint64_t rk_sample_size(double epsilon, double delta, std::size_t vertex_diameter) {
    const double span = vertex_diameter > 3 ? static_cast<double>(vertex_diameter - 2) : 1.0;
    return static_cast<std::uint64_t>(std::ceil(
        0.5 / (epsilon * epsilon) * (std::floor(std::log2(span)) + 1 + std::log(1 / delta))));
}

std::pair<double, double> chernoff_interval(double estimate, double bound) {
    double lower = 0;
    double upper = 1;
    if (estimate > 0) {
        double low = 0;
        double high = estimate;
        for (int i = 0; i < 100 && low < high; ++i) {
            const double middle = 0.5 * (low + high);
            if (middle == low || middle == high) break;
            (relative_entropy(estimate, middle) > bound ? low : high) = middle;
        }
        lower = low;
    }
    if (estimate < 1) {
        double low = estimate;
        double high = 1;
        for (int i = 0; i < 100 && low < high; ++i) {
            const double middle = 0.5 * (low + high);
            if (middle == low || middle == high) break;
            (relative_entropy(estimate, middle) > bound ? high : low) = middle;
        }
        upper = high;
    }
    return {lower, upper};
}

}  // namespace reorg::analysis::detail
