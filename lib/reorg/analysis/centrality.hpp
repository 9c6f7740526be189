#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "reorg/graph/undirected_graph.hpp"

/// Betweenness centrality on the work graph and the unit graph (SPEC §5 "Bottlenecks").
namespace reorg::analysis {

/// Called now and then (about every 1 % of the work, and once with 1 at the end) from the
/// calling thread only, with the fraction of the work done (0 to 1).
using Progress = std::function<void(double fraction)>;

// Every field has a default member initializer, so that call sites read
// betweenness(graph, {.epsilon = 0.01}) without -Wmissing-field-initializers.
struct BetweennessOptions {
    bool exact = false;               ///< force the exact computation at any size
    std::optional<double> epsilon{};  ///< sample with this additive error bound, at any size
    double delta = 0.1;               ///< the bound holds with probability 1 − delta
    /// Rank the top K. Above `exact_up_to` vertices (and without `epsilon`, and not a forest,
    /// which is exact at any size): sample adaptively
    /// until the top K are separated from the rest, or until `max_samples`. Otherwise the top K
    /// of the exact (or epsilon-sampled) values.
    std::optional<std::size_t> top_k{};
    std::uint64_t seed = 1;            ///< sampling is reproducible with the same seed
    unsigned threads = 0;              ///< 0: every core
    std::size_t exact_up_to = 20000;   ///< vertices up to which exact is the default
    double default_epsilon = 0.01;     ///< epsilon when sampling is chosen by size
    double relative_tolerance = 1e-9;  ///< path lengths this close are equal (fractional weights)
    /// top_k: the most samples to draw before giving up on separating the top K; 0 means the
    /// Riondato–Kornaropoulos sample size for epsilon = default_epsilon / 3 (about 280,000 paths
    /// for a million posts: some 20 s on two cores).
    std::uint64_t max_samples = 0;
    Progress progress{};  ///< optional
};

enum class BetweennessMethod { Exact, Sampled };

/// Betweenness of every vertex, normalised as NetworkX's betweenness_centrality(normalized=True)
/// on an undirected graph: the sum over unordered pairs {s, t} with v ∉ {s, t} of σ_st(v)/σ_st,
/// divided by (n−1)(n−2)/2; all zero when n ≤ 2.
struct Betweenness {
    BetweennessMethod method = BetweennessMethod::Exact;
    /// Sampled: every value is within epsilon of the exact one, all at once, with probability
    /// at least 1 − delta (with top_k: the widest error bar). 0 when exact.
    double epsilon = 0;
    double delta = 0;                 ///< probability the bound fails (0 when exact)
    std::size_t samples = 0;          ///< shortest paths sampled (0 when exact)
    std::size_t vertex_diameter = 0;  ///< sampled: the vertex-diameter bound the size came from
    bool weighted = false;            ///< whether lengths were used as distances
    bool integer_weights = true;      ///< lengths compared exactly (else with the tolerance)
    double relative_tolerance = 0;    ///< used for fractional lengths (0: compared exactly)
    std::vector<double> value;        ///< per vertex
    /// Per vertex: half-width of its confidence interval (0 when exact, epsilon when sampled
    /// for a uniform bound, the vertex's own wider side of its interval with top_k).
    std::vector<double> error;
    /// With top_k: the vertices ranked highest, best first, and how many leading ranks are
    /// certain with confidence 1 − delta: rank i is certain when the vertices at ranks 1..i are
    /// surely above all the others, for every i up to certain_ranks (the order of those ranks
    /// is then sure too). The ranks beyond are uncertain.
    std::vector<std::uint32_t> top;
    std::size_t certain_ranks = 0;
    /// With top_k: whether the top K as a set are surely the K highest (their order may not be).
    bool top_separated = false;
};

/// Exact at any size for a forest (a hierarchy without cross links: its one path between two
/// posts, counted from subtree sizes in O(V)) unless `epsilon` asks for sampling. Otherwise
/// exact (Brandes, parallel over sources with one accumulator per thread) up to
/// `exact_up_to` vertices or with `exact`; otherwise sampled (Riondato–Kornaropoulos sample
/// size from a vertex-diameter bound, each sample a shortest path found by a balanced
/// bidirectional search), or with `top_k` adaptive sampling until the top K are separated.
/// Weighted when the graph has weights other than 1; integer weights are compared exactly,
/// fractional ones with `relative_tolerance`.
///
/// Exact: O(V·E) unweighted, O(V·E·log V) weighted (O(V·(E + L·D)) for integer lengths up to
/// 4096 with Dial's buckets: L the largest length, D the hop diameter). Its values may differ
/// in the last bits with the number of threads (the order of the per-thread sums).
/// Sampled: the values depend on the seed only, not on the number of threads.
/// Throws OptionError for epsilon or delta outside (0, 1), top_k = 0, a tolerance outside
/// [0, 1e-3); InputError (weighted) for a length that is not positive and finite.
[[nodiscard]] Betweenness betweenness(const graph::UndirectedGraph& graph,
                                      const BetweennessOptions& options = {});

}  // namespace reorg::analysis
