#include "reorg/analysis/detail/brandes.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

namespace reorg::analysis::detail {

using graph::UndirectedGraph;

namespace {

// Exact betweenness (Brandes 2001), one source at a time, into a per-thread accumulator. Both
// variants keep one value per vertex that holds σ (shortest paths from the source) during the
// forward search and (1 + δ)/σ once the vertex has been accumulated, so that the backward pass
// pulls δ(w) = σ(w) · Σ_{successors v} (1 + δ(v))/σ(v) from its successors with reads only.

/// Unweighted: breadth-first search over the CSR arrays; the queue is the stack in BFS order.
/// The forward pass writes down the arcs of the shortest-path DAG as it meets them (a vertex's
/// successors, contiguous, in queue order), so that the backward pass reads those only — about
/// a fifth of the arcs on an organisation's work graph — instead of testing every neighbour.
class BfsBrandes {
public:
    explicit BfsBrandes(const UndirectedGraph& graph)
        : graph_(graph),
          distance_(graph.vertex_count(), -1),
          value_(graph.vertex_count(), 0.0),
          queue_(graph.vertex_count()),
          first_successor_(graph.vertex_count() + 1),
          successors_(2 * graph.edge_count()),
          sums(graph.vertex_count(), 0.0) {}

    void add_source(Vertex source) {
        std::int32_t* const distance = distance_.data();
        double* const value = value_.data();
        Vertex* const queue = queue_.data();
        Vertex* const successors = successors_.data();
        std::uint32_t* const first = first_successor_.data();
        distance[source] = 0;
        value[source] = 1.0;
        queue[0] = source;
        std::size_t head = 0;
        std::size_t tail = 1;
        std::uint32_t arcs = 0;
        while (head < tail) {
            first[head] = arcs;
            const Vertex v = queue[head++];
            const double paths = value[v];
            const std::int32_t next = distance[v] + 1;
            for (const Vertex w : graph_.neighbours(v)) {
                const std::int32_t d = distance[w];
                if (d < 0) {
                    distance[w] = next;
                    value[w] = paths;
                    queue[tail++] = w;
                    successors[arcs++] = w;
                } else if (d == next) {
                    value[w] += paths;
                    successors[arcs++] = w;
                }
            }
        }
        first[tail] = arcs;
        double* const sums_data = sums.data();
        for (std::size_t i = tail; i-- > 1;) {
            const Vertex w = queue[i];
            double pull = 0;
            for (std::uint32_t a = first[i]; a < first[i + 1]; ++a) pull += value[successors[a]];
            const double paths = value[w];
            const double dependency = paths * pull;
            sums_data[w] += dependency;
            value[w] = (1.0 + dependency) / paths;
        }
        for (std::size_t i = 0; i < tail; ++i) distance[queue[i]] = -1;
    }

private:
    const UndirectedGraph& graph_;
    std::vector<std::int32_t> distance_;  ///< −1: not reached from this source
    std::vector<double> value_;           ///< σ, then (1 + δ)/σ
    std::vector<Vertex> queue_;
    std::vector<std::uint32_t> first_successor_;  ///< per queue position, into successors_
    std::vector<Vertex> successors_;

public:
    std::vector<double> sums;  ///< Σ over this thread's sources of δ_s(v)
};

/// Weighted: Dijkstra, with Dial's bucket queue for small integer lengths (exact comparisons,
/// no heap), else a binary heap with lengths equal within the tolerance. As in the unweighted
/// case the forward pass writes down candidate DAG arcs — those that reached or tied a vertex
/// when scanned; the backward pass keeps the ones still on a shortest path.
class DijkstraBrandes {
public:
    DijkstraBrandes(const UndirectedGraph& graph, bool buckets, std::size_t max_length,
                    double tolerance)
        : graph_(graph),
          tolerance_(tolerance),
          slots_(graph.vertex_count()),
          settled_(buckets ? 0 : graph.vertex_count(), false),
          first_candidate_(graph.vertex_count() + 1),
          candidates_(2 * graph.edge_count()) {
        order_.reserve(graph.vertex_count());
        sums.assign(graph.vertex_count(), 0.0);
        if (buckets) buckets_.resize(max_length + 1);
    }

    void add_source(Vertex source) {
        buckets_.empty() ? forward_heap(source) : forward_buckets(source);
        double* const sums_data = sums.data();
        Slot* const slots = slots_.data();
        const Candidate* const candidates = candidates_.data();
        const std::uint32_t* const first = first_candidate_.data();
        const bool exact = tolerance_ == 0;
        for (std::size_t i = order_.size(); i-- > 1;) {
            const Vertex w = order_[i];
            const double distance = slots[w].distance;
            double pull = 0;
            for (std::uint32_t a = first[i]; a < first[i + 1]; ++a) {
                const Slot& successor = slots[candidates[a].target];
                const double length = distance + candidates[a].length;
                if (exact ? successor.distance == length
                          : same_length(length, successor.distance, tolerance_)) {
                    pull += successor.value;
                }
            }
            const double paths = slots[w].value;
            const double dependency = paths * pull;
            sums_data[w] += dependency;
            slots[w].value = (1.0 + dependency) / paths;
        }
        for (const Vertex v : order_) {
            slots[v].distance = kInfinity;
            if (!settled_.empty()) settled_[v] = false;
        }
        order_.clear();
    }

private:
    struct Slot {
        double distance = kInfinity;
        double value = 0;  ///< σ, then (1 + δ)/σ
    };
    struct Candidate {
        Vertex target;
        double length;
    };

    // Every pending entry lies within max_length of the current distance, so a ring of
    // max_length + 1 buckets holds them without collisions. An entry is stale when its vertex
    // has since been reached by a shorter path; each (vertex, distance) is pushed at most once.
    void forward_buckets(Vertex source) {
        Slot* const slots = slots_.data();
        Candidate* const candidates = candidates_.data();
        std::uint32_t* const first = first_candidate_.data();
        std::uint32_t recorded = 0;
        const std::size_t ring = buckets_.size();
        slots[source] = {0.0, 1.0};
        buckets_[0].push_back(source);
        std::size_t pending = 1;
        for (std::uint64_t current = 0; pending > 0; ++current) {
            auto& bucket = buckets_[current % ring];
            const auto here = static_cast<double>(current);
            for (std::size_t i = 0; i < bucket.size(); ++i) {
                const Vertex v = bucket[i];
                if (slots[v].distance != here) continue;
                first[order_.size()] = recorded;
                order_.push_back(v);
                const double paths = slots[v].value;
                const auto neighbours = graph_.neighbours(v);
                const auto arcs = graph_.arcs(v);
                for (std::size_t a = 0; a < neighbours.size(); ++a) {
                    const Vertex w = neighbours[a];
                    const double length = here + arcs[a].weight;
                    Slot& slot = slots[w];
                    if (length < slot.distance) {
                        slot.distance = length;
                        slot.value = paths;
                        buckets_[static_cast<std::size_t>(length) % ring].push_back(w);
                        ++pending;
                        candidates[recorded++] = {w, arcs[a].weight};
                    } else if (length == slot.distance) {
                        slot.value += paths;
                        candidates[recorded++] = {w, arcs[a].weight};
                    }
                }
            }
            pending -= bucket.size();
            bucket.clear();
        }
        first[order_.size()] = recorded;
    }

    void forward_heap(Vertex source) {
        Slot* const slots = slots_.data();
        Candidate* const candidates = candidates_.data();
        std::uint32_t* const first = first_candidate_.data();
        std::uint32_t recorded = 0;
        slots[source] = {0.0, 1.0};
        heap_.push_back({0.0, source});
        while (!heap_.empty()) {
            std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
            const auto [distance, v] = heap_.back();
            heap_.pop_back();
            if (settled_[v] || distance != slots[v].distance) continue;
            settled_[v] = true;
            first[order_.size()] = recorded;
            order_.push_back(v);
            const double paths = slots[v].value;
            const auto neighbours = graph_.neighbours(v);
            const auto arcs = graph_.arcs(v);
            for (std::size_t a = 0; a < neighbours.size(); ++a) {
                const Vertex w = neighbours[a];
                if (settled_[w]) continue;
                const double length = distance + arcs[a].weight;
                Slot& slot = slots[w];
                if (slot.distance == kInfinity ||
                    (length < slot.distance && !same_length(length, slot.distance, tolerance_))) {
                    slot = {length, paths};
                    heap_.push_back({length, w});
                    std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
                    candidates[recorded++] = {w, arcs[a].weight};
                } else if (same_length(length, slot.distance, tolerance_)) {
                    slot.value += paths;
                    candidates[recorded++] = {w, arcs[a].weight};
                }
            }
        }
        first[order_.size()] = recorded;
    }

    const UndirectedGraph& graph_;
    double tolerance_;
    std::vector<Slot> slots_;
    std::vector<bool> settled_;                   ///< heap only
    std::vector<Vertex> order_;                   ///< vertices in the order they were settled
    std::vector<std::uint32_t> first_candidate_;  ///< per settling position, into candidates_
    std::vector<Candidate> candidates_;
    std::vector<std::vector<Vertex>> buckets_;
    std::vector<std::pair<double, Vertex>> heap_;

public:
    std::vector<double> sums;
};

}  // namespace

std::vector<double> exact_sums(const UndirectedGraph& graph, const LengthInfo& lengths,
                               unsigned requested_threads, ProgressReporter& reporter) {
    const std::size_t n = graph.vertex_count();
    const unsigned threads = thread_count(requested_threads, n);
    // Small chunks keep the threads busy to the end; sources cost about the same.
    WorkQueue queue(0, n, std::clamp<std::size_t>(n / (std::size_t{threads} * 64), 1, 64));
    const auto fraction = [n](std::size_t done) {
        return static_cast<double>(done) / static_cast<double>(n);
    };
    const auto add = [](std::vector<double>& total, const std::vector<double>& part) {
        if (total.empty()) {
            total = part;
        } else {
            for (std::size_t v = 0; v < total.size(); ++v) total[v] += part[v];
        }
    };
    std::vector<double> total;
    if (!lengths.weighted) {
        std::vector<std::optional<BfsBrandes>> state(threads);
        run_parallel(threads, queue, reporter, fraction,
                     [&](unsigned thread, std::size_t begin, std::size_t end) {
                         auto& brandes = state[thread];
                         if (!brandes) brandes.emplace(graph);
                         for (std::size_t s = begin; s < end; ++s) {
                             brandes->add_source(static_cast<Vertex>(s));
                         }
                     });
        for (auto& brandes : state) {
            if (brandes) add(total, brandes->sums);
        }
    } else {
        const bool use_buckets = buckets(lengths);
        const auto max_length = static_cast<std::size_t>(lengths.max);
        std::vector<std::optional<DijkstraBrandes>> state(threads);
        run_parallel(threads, queue, reporter, fraction,
                     [&](unsigned thread, std::size_t begin, std::size_t end) {
                         auto& brandes = state[thread];
                         if (!brandes)
                             brandes.emplace(graph, use_buckets, max_length, lengths.tolerance);
                         for (std::size_t s = begin; s < end; ++s) {
                             brandes->add_source(static_cast<Vertex>(s));
                         }
                     });
        for (auto& brandes : state) {
            if (brandes) add(total, brandes->sums);
        }
    }
    if (total.empty()) total.assign(n, 0.0);
    return total;
}

}  // namespace reorg::analysis::detail
