#include "reorg/analysis/detail/path_lengths.hpp"

#include <string>

#include "reorg/base/error.hpp"

namespace reorg::analysis::detail {
namespace {

/// Dial's bucket queue for integer lengths up to this; longer ones take the binary heap.
constexpr double kMaxBucketLength = 4096;

}  // namespace

LengthInfo lengths_of(const graph::UndirectedGraph& graph, const BetweennessOptions& options) {
    LengthInfo info;
    info.weighted = graph.weighted();
    if (!info.weighted) return info;
    info.integer = graph.integer_weights();
    info.tolerance = info.integer ? 0.0 : options.relative_tolerance;
    info.min = kInfinity;
    info.max = 0;
    for (Vertex v = 0; v < graph.vertex_count(); ++v) {
        for (const auto& arc : graph.arcs(v)) {
            if (!(arc.weight > 0) || !std::isfinite(arc.weight)) {
                throw InputError(Location("", 0, "weight"),
                                 "weighted betweenness needs positive, finite link weights; "
                                 "found " +
                                     std::to_string(arc.weight));
            }
            info.min = std::min(info.min, arc.weight);
            info.max = std::max(info.max, arc.weight);
        }
    }
    return info;
}

bool buckets(const LengthInfo& lengths) {
    return lengths.weighted && lengths.integer && lengths.max <= kMaxBucketLength;
}

}  // namespace reorg::analysis::detail
