#include "reorg/analysis/detail/sampled_betweenness.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "reorg/analysis/detail/path_sampling.hpp"
#include "reorg/analysis/detail/ranking.hpp"
#include "reorg/analysis/detail/sampling_bounds.hpp"

namespace reorg::analysis::detail {

using graph::UndirectedGraph;

namespace {

/// Random streams: the samples that are counted, and top-k's pilot that only picks candidates.
constexpr std::uint64_t kMainStream = 0;
constexpr std::uint64_t kPilotStream = 1;

}  // namespace

Betweenness sampled_betweenness(const UndirectedGraph& graph, const LengthInfo& lengths,
                                const BetweennessOptions& options, double epsilon,
                                ProgressReporter& reporter) {
    const std::size_t n = graph.vertex_count();
    Betweenness result;
    result.method = BetweennessMethod::Sampled;
    result.epsilon = epsilon;
    result.delta = options.delta;
    result.vertex_diameter = vertex_diameter_bound(graph, lengths);
    // The bound is on b(v); NetworkX's values are b(v)·n/(n−2).
    const double scale = static_cast<double>(n) / static_cast<double>(n - 2);
    result.samples = rk_sample_size(epsilon / scale, options.delta, result.vertex_diameter);
    Sampler sampler(graph, lengths, options.seed, thread_count(options.threads, n));
    const double total = static_cast<double>(result.samples);
    sampler.run(kMainStream, 0, result.samples, reporter,
                [total](std::uint64_t done) { return static_cast<double>(done) / total; });
    const auto counts = sampler.counts();
    result.value.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        result.value[v] = static_cast<double>(counts[v]) / total * scale;
    }
    result.error.assign(n, epsilon);
    return result;
}

Betweenness top_k_sampled(const UndirectedGraph& graph, const LengthInfo& lengths,
                          const BetweennessOptions& options, std::size_t k,
                          ProgressReporter& reporter) {
    const std::size_t n = graph.vertex_count();
    const double scale = static_cast<double>(n) / static_cast<double>(n - 2);
    Betweenness result;
    result.method = BetweennessMethod::Sampled;
    result.delta = options.delta;
    result.vertex_diameter = vertex_diameter_bound(graph, lengths);

    const auto round_up = [](std::uint64_t samples) {
        return std::max<std::uint64_t>(kBlock, (samples + kBlock - 1) / kBlock * kBlock);
    };
    const std::uint64_t first =
        round_up(rk_sample_size(0.05, options.delta, result.vertex_diameter));
    const std::uint64_t cap =
        std::max(first, round_up(options.max_samples != 0
                                     ? options.max_samples
                                     : rk_sample_size(options.default_epsilon / 3 / scale,
                                                      options.delta, result.vertex_diameter)));
    const std::uint64_t pilot = std::max(first, round_up(cap / 16));
    std::size_t rounds = 1;
    for (std::uint64_t size = first; size < cap; size *= 2) ++rounds;

    Sampler sampler(graph, lengths, options.seed, thread_count(options.threads, n));
    const double pilot_share = 1.0 / 17;  // of the progress bar
    const auto pilot_fraction = [&](std::uint64_t done) {
        return pilot_share * static_cast<double>(done) / static_cast<double>(pilot);
    };
    sampler.run(kPilotStream, 0, pilot, reporter, pilot_fraction);
    const std::size_t candidates = std::min(n, std::max<std::size_t>(8 * k, 64));
    std::vector<bool> candidate(n, false);
    for (const Vertex v : highest(sampler.counts(), candidates)) candidate[v] = true;
    sampler.clear();

    const double round_delta = options.delta / static_cast<double>(rounds);
    const double candidate_log = std::log(2 / (round_delta / 2 / static_cast<double>(candidates)));
    const double rest_log =
        candidates < n ? std::log(2 / (round_delta / 2 / static_cast<double>(n - candidates)))
                       : candidate_log;

    std::vector<std::uint64_t> counts;
    std::uint64_t samples = 0;
    std::map<std::pair<std::uint64_t, bool>, std::pair<double, double>> intervals;
    const auto interval = [&](Vertex v) {
        const auto key = std::pair{counts[v], static_cast<bool>(candidate[v])};
        auto found = intervals.find(key);
        if (found == intervals.end()) {
            const double estimate = static_cast<double>(counts[v]) / static_cast<double>(samples);
            const double log = candidate[v] ? candidate_log : rest_log;
            found =
                intervals
                    .emplace(key, chernoff_interval(estimate, log / static_cast<double>(samples)))
                    .first;
        }
        return found->second;
    };
    for (std::uint64_t target = first;; target = std::min(cap, target * 2)) {
        sampler.run(kMainStream, samples, target, reporter, [&](std::uint64_t done) {
            return pilot_share + (1 - pilot_share) * static_cast<double>(samples + done) /
                                     static_cast<double>(cap);
        });
        samples = target;
        counts = sampler.counts();
        intervals.clear();

        // The ranking; the highest upper bound outside the top k is that of the rest's most hit
        // candidate or non-candidate (upper bounds grow with the count).
        result.top = highest(counts, k);
        std::vector<bool> in_top(n, false);
        for (const Vertex v : result.top) in_top[v] = true;
        std::uint64_t best_rest[2] = {0, 0};
        bool any_rest[2] = {false, false};
        for (Vertex v = 0; v < n; ++v) {
            if (in_top[v]) continue;
            const int group = candidate[v] ? 1 : 0;
            if (!any_rest[group] || counts[v] > best_rest[group]) best_rest[group] = counts[v];
            any_rest[group] = true;
        }
        double rest_upper = -kInfinity;
        for (int group = 0; group < 2; ++group) {
            if (!any_rest[group]) continue;
            const double estimate =
                static_cast<double>(best_rest[group]) / static_cast<double>(samples);
            const double log = group == 1 ? candidate_log : rest_log;
            rest_upper = std::max(
                rest_upper, chernoff_interval(estimate, log / static_cast<double>(samples)).second);
        }
        std::vector<double> lower(result.top.size());
        std::vector<double> upper(result.top.size());
        for (std::size_t i = 0; i < result.top.size(); ++i) {
            std::tie(lower[i], upper[i]) = interval(result.top[i]);
        }
        result.certain_ranks = certain_ranks(result.top, lower, upper, rest_upper);
        result.top_separated =
            result.top.empty() || *std::min_element(lower.begin(), lower.end()) > rest_upper;
        if (result.top_separated || samples >= cap) break;
    }

    result.samples = samples;
    result.value.resize(n);
    result.error.resize(n);
    double widest = 0;
    for (Vertex v = 0; v < n; ++v) {
        const double estimate = static_cast<double>(counts[v]) / static_cast<double>(samples);
        const auto [lower, upper] = interval(v);
        result.value[v] = estimate * scale;
        result.error[v] = std::max(estimate - lower, upper - estimate) * scale;
        widest = std::max(widest, result.error[v]);
    }
    result.epsilon = widest;
    return result;
}

}  // namespace reorg::analysis::detail
