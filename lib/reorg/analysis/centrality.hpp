#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "reorg/graph/undirected_graph.hpp"

/// Betweenness centrality on the work graph and the unit graph (SPEC §5 "Bottlenecks").
namespace reorg::analysis {

/// Called now and then from one thread with the fraction of the work done (0 to 1).
using Progress = std::function<void(double fraction)>;

struct BetweennessOptions {
    bool exact = false;                ///< force the exact computation at any size
    std::optional<double> epsilon;     ///< sample with this additive error bound
    double delta = 0.1;                ///< the bound holds with probability 1 − delta
    std::optional<std::size_t> top_k;  ///< sample until the top K are separated
    std::uint64_t seed = 1;            ///< sampling is reproducible with the same seed
    unsigned threads = 0;              ///< 0: every core
    std::size_t exact_up_to = 20000;   ///< vertices up to which exact is the default
    double default_epsilon = 0.01;     ///< epsilon when sampling is chosen by size
    double relative_tolerance = 1e-9;  ///< path lengths this close are equal (fractional weights)
    Progress progress;                 ///< optional
};

enum class BetweennessMethod { Exact, Sampled };

/// Betweenness of every vertex, normalised as NetworkX's betweenness_centrality(normalized=True)
/// on an undirected graph: the sum over pairs s≠t≠v of σ_st(v)/σ_st, divided by (n−1)(n−2)/2.
struct Betweenness {
    BetweennessMethod method = BetweennessMethod::Exact;
    double epsilon = 0;             ///< additive bound of sampled values (0 when exact)
    double delta = 0;               ///< probability the bound fails (0 when exact)
    std::size_t samples = 0;        ///< shortest paths sampled (0 when exact)
    bool weighted = false;          ///< whether lengths were used as distances
    bool integer_weights = true;    ///< lengths compared exactly (else with the tolerance)
    double relative_tolerance = 0;  ///< used for fractional lengths
    std::vector<double> value;      ///< per vertex
    std::vector<double> error;      ///< per vertex: half-width of its confidence interval
    /// With top_k: the vertices ranked highest, best first, and how many leading ranks are
    /// separated from the rest with confidence 1 − delta (the others are uncertain).
    std::vector<std::uint32_t> top;
    std::size_t certain_ranks = 0;
};

/// Exact (Brandes, parallel over sources with one accumulator per thread) up to
/// `exact_up_to` vertices or with `exact`; otherwise sampled (Riondato–Kornaropoulos sample
/// size from a vertex-diameter bound, each sample a shortest path found by a balanced
/// bidirectional search), or with `top_k` adaptive sampling until the top K are separated.
/// Weighted when the graph has weights other than 1.
[[nodiscard]] Betweenness betweenness(const graph::UndirectedGraph& graph,
                                      const BetweennessOptions& options = {});

}  // namespace reorg::analysis
