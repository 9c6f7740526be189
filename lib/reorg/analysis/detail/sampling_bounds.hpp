#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>

#include "reorg/analysis/detail/path_lengths.hpp"
#include "reorg/graph/undirected_graph.hpp"

// How many paths to sample, and how far a sampled value may lie from the truth.
namespace reorg::analysis::detail {

/// An upper bound on the vertex diameter (vertices on a longest shortest path). Per connected
/// part: a breadth-first search from any vertex a0 finds the farthest a, one from a the
/// farthest b, and one from the middle m of an a–b path gives ecc(m); every shortest path has
/// at most 2·min(ecc(a0), ecc(m)) edges (the triangle inequality through a0 or m), and no
/// more vertices than the part. Weighted shortest paths can have more edges than hop-shortest
/// ones: a path of weighted length L has at most L / ℓ_min edges, and L ≤ ℓ_max · hop diameter,
/// so the hop bound is scaled by ℓ_max / ℓ_min. O(vertices + edges).
[[nodiscard]] std::size_t vertex_diameter_bound(const graph::UndirectedGraph& graph,
                                                const LengthInfo& lengths);

/// Riondato–Kornaropoulos: with r = (c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ)) samples, c = 0.5, every
/// sampled b(v) is within ε of the true one with probability at least 1 − δ.
[[nodiscard]] std::uint64_t rk_sample_size(double epsilon, double delta,
                                           std::size_t vertex_diameter);

/// The Chernoff (KL) confidence interval of a Bernoulli mean: {q : KL(p̂ ‖ q) ≤ bound}. For a
/// fixed number of samples N and bound = ln(2/δ')/N, it misses the true mean with probability
/// at most δ' (each tail P(p̂ ≤ a) ≤ exp(−N·KL(a ‖ q)) ≤ δ'/2).
[[nodiscard]] std::pair<double, double> chernoff_interval(double estimate, double bound);

}  // namespace reorg::analysis::detail
