#include "reorg/analysis/centrality.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <numeric>
#include <span>
#include <string>
#include <thread>
#include <utility>

#include "reorg/base/error.hpp"
#include "reorg/base/random.hpp"

namespace reorg::analysis {
namespace {

using graph::UndirectedGraph;
using Vertex = std::uint32_t;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
/// Sampled paths per random stream: sample i always comes from block i / kBlock, whatever the
/// number of threads, so that sampled results depend on the seed alone.
constexpr std::uint64_t kBlock = 64;
/// Dial's bucket queue for integer lengths up to this; longer ones take the binary heap.
constexpr double kMaxBucketLength = 4096;
/// Random streams: the samples that are counted, and top-k's pilot that only picks candidates.
constexpr std::uint64_t kMainStream = 0;
constexpr std::uint64_t kPilotStream = 1;

// Sampling draws from base::Random: a seed gives the same sample on every platform.
using Rng = base::Random;

// ---------------------------------------------------------------------------------------------
// Threads: items (sources, or blocks of samples) in chunks dealt to the threads in a fixed
// order — thread t takes chunks t, t + T, t + 2T, ... — so that what each thread adds up, and
// so the sum of the per-thread totals, never depends on timing: the same input and thread count
// give the same bits. Thread 0 is the caller, which alone reports progress.

unsigned thread_count(unsigned requested, std::size_t items) {
    unsigned threads =
        requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
    if (items < threads) threads = static_cast<unsigned>(std::max<std::size_t>(items, 1));
    return threads;
}

class WorkQueue {
public:
    WorkQueue(std::size_t begin, std::size_t end, std::size_t chunk)
        : begin_(begin), end_(end), chunk_(std::max<std::size_t>(chunk, 1)) {}

    /// Sets the number of threads that will take work; before any take().
    void deal_to(unsigned threads) { next_.assign(threads, Next{}); }

    bool take(unsigned thread, std::size_t& begin, std::size_t& end) {
        if (cancelled_.load(std::memory_order_relaxed)) return false;
        const std::size_t chunk = next_[thread].chunk++ * next_.size() + thread;
        if (chunk >= (end_ - begin_ + chunk_ - 1) / chunk_) return false;
        begin = begin_ + chunk * chunk_;
        end = std::min(begin + chunk_, end_);
        return true;
    }
    void finished(std::size_t items) { done_.fetch_add(items, std::memory_order_relaxed); }
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    [[nodiscard]] std::size_t done() const { return done_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::size_t size() const { return end_ - begin_; }

private:
    struct alignas(64) Next {  // one cache line per thread
        std::size_t chunk = 0;
    };
    std::vector<Next> next_;
    std::atomic<std::size_t> done_{0};
    std::atomic<bool> cancelled_{false};
    std::size_t begin_;
    std::size_t end_;
    std::size_t chunk_;
};

/// Calls the user's callback at most about every 1 % of the work, from the calling thread.
class ProgressReporter {
public:
    explicit ProgressReporter(const Progress& progress) : progress_(progress) {}

    void report(double fraction) {
        if (!progress_) return;
        fraction = std::clamp(fraction, 0.0, 1.0);
        if (fraction >= last_ + 0.01 || (fraction == 1.0 && last_ < 1.0)) {
            last_ = fraction;
            progress_(fraction);
        }
    }

private:
    const Progress& progress_;
    double last_ = 0;
};

/// Runs work(thread, begin, end) over the queue's chunks on `threads` threads (the caller is
/// thread 0 and reports `fraction(done)` as progress). The first exception stops the others
/// from taking more work and is rethrown here, after every thread has finished.
template <class Work, class Fraction>
void run_parallel(unsigned threads, WorkQueue& queue, ProgressReporter& reporter, Fraction fraction,
                  Work&& work) {
    std::vector<std::exception_ptr> errors(threads);
    queue.deal_to(threads);
    const auto loop = [&](unsigned thread) {
        try {
            std::size_t begin = 0;
            std::size_t end = 0;
            while (queue.take(thread, begin, end)) {
                work(thread, begin, end);
                queue.finished(end - begin);
                if (thread == 0) reporter.report(fraction(queue.done()));
            }
        } catch (...) {
            errors[thread] = std::current_exception();
            queue.cancel();
        }
    };
    {
        std::vector<std::jthread> pool;
        pool.reserve(threads - 1);
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(loop, t);
        loop(0);
    }
    for (const auto& error : errors) {
        if (error) std::rethrow_exception(error);
    }
}

/// Lengths closer than `tolerance` relative to the larger count as equal (0: exactly equal).
bool same_length(double a, double b, double tolerance) {
    return a == b || std::abs(a - b) <= tolerance * std::max(a, b);
}

// ---------------------------------------------------------------------------------------------
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

struct LengthInfo {
    bool weighted = false;
    bool integer = true;
    double min = 1;
    double max = 1;
    double tolerance = 0;  ///< relative; 0 for integer lengths
};

LengthInfo lengths_of(const UndirectedGraph& graph, const BetweennessOptions& options) {
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

/// Whether Dial's buckets serve as the priority queue: integer lengths, none too long.
bool buckets(const LengthInfo& lengths) {
    return lengths.weighted && lengths.integer && lengths.max <= kMaxBucketLength;
}

/// Σ over ordered sources s of δ_s(v): every unordered pair counted twice.
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

// ---------------------------------------------------------------------------------------------
// Sampling (Riondato–Kornaropoulos; paths found as in KADABRA). A sample is a uniformly random
// ordered pair s ≠ t and one s–t shortest path chosen uniformly among all of them; the interior
// vertices of the path each score one hit. The expected hit rate of v is
// b(v) = Σ_{s≠t} (σ_st(v)/σ_st) / (n(n−1)), which is NetworkX's normalised value × (n−2)/n.

/// Unweighted: a balanced bidirectional breadth-first search (KADABRA): each step expands the
/// side whose frontier has the smaller total degree, a vertex belongs to the side that reached
/// it first, and the first level that meets the other side yields every shortest path through
/// the meeting edges (x, y), σ_st = Σ σ_s(x)·σ_t(y). One is drawn with those weights and
/// completed by walking back to both ends, each step choosing a predecessor p with probability
/// σ(p)/σ(current).
class BfsPathSampler {
public:
    explicit BfsPathSampler(const UndirectedGraph& graph)
        : graph_(graph), slots_(graph.vertex_count()) {}

    /// Calls hit(v) for the interior vertices of one path between s and t (none if no path).
    template <class Hit>
    void sample(Vertex s, Vertex t, Rng& rng, Hit&& hit) {
        begin_epoch();
        const std::uint32_t mark[2] = {2 * epoch_, 2 * epoch_ + 1};
        slots_[s] = {1.0, 0, mark[0]};
        slots_[t] = {1.0, 0, mark[1]};
        frontier_[0].assign(1, s);
        frontier_[1].assign(1, t);
        std::size_t degrees[2] = {graph_.degree(s), graph_.degree(t)};
        meeting_.clear();
        while (meeting_.empty()) {
            if (frontier_[0].empty() || frontier_[1].empty()) return;  // no path
            const int side = degrees[0] <= degrees[1] ? 0 : 1;
            const std::uint32_t mine = mark[side];
            const std::uint32_t theirs = mark[1 - side];
            next_.clear();
            std::size_t next_degrees = 0;
            for (const Vertex x : frontier_[side]) {
                const Slot& from = slots_[x];
                const std::int32_t distance = from.distance + 1;
                for (const Vertex y : graph_.neighbours(x)) {
                    Slot& slot = slots_[y];
                    if (slot.owner == mine) {
                        if (slot.distance == distance) slot.paths += from.paths;
                    } else if (slot.owner == theirs) {
                        meeting_.push_back(side == 0 ? std::pair{x, y} : std::pair{y, x});
                    } else if (meeting_.empty()) {
                        slot = {from.paths, distance, mine};
                        next_.push_back(y);
                        next_degrees += graph_.degree(y);
                    }
                }
            }
            frontier_[side].swap(next_);
            degrees[side] = next_degrees;
        }
        // Meeting edges (x from s's side, y from t's side), all on shortest paths.
        double total = 0;
        for (const auto& [x, y] : meeting_) total += slots_[x].paths * slots_[y].paths;
        double pick = rng.unit() * total;
        std::pair<Vertex, Vertex> chosen = meeting_.back();
        for (const auto& edge : meeting_) {
            pick -= slots_[edge.first].paths * slots_[edge.second].paths;
            if (pick < 0) {
                chosen = edge;
                break;
            }
        }
        walk(chosen.first, mark[0], rng, hit);
        walk(chosen.second, mark[1], rng, hit);
    }

private:
    struct Slot {
        double paths = 0;
        std::int32_t distance = 0;
        std::uint32_t owner = 0;  ///< 2·epoch + side of the sample that reached it
    };

    void begin_epoch() {
        if (++epoch_ >= (1u << 31)) {
            for (auto& slot : slots_) slot.owner = 0;
            epoch_ = 1;
        }
    }

    /// From `v` back to its side's end (exclusive), hitting every vertex on the way.
    template <class Hit>
    void walk(Vertex v, std::uint32_t mark, Rng& rng, Hit& hit) {
        while (slots_[v].distance > 0) {
            hit(v);
            const std::int32_t previous = slots_[v].distance - 1;
            double pick = rng.unit() * slots_[v].paths;
            Vertex chosen = v;
            for (const Vertex p : graph_.neighbours(v)) {
                const Slot& slot = slots_[p];
                if (slot.owner == mark && slot.distance == previous) {
                    chosen = p;
                    pick -= slot.paths;
                    if (pick < 0) break;
                }
            }
            if (chosen == v) return;  // cannot happen: a reached vertex has a predecessor
            v = chosen;
        }
    }

    const UndirectedGraph& graph_;
    std::vector<Slot> slots_;
    std::uint32_t epoch_ = 0;
    std::vector<Vertex> frontier_[2];
    std::vector<Vertex> next_;
    std::vector<std::pair<Vertex, Vertex>> meeting_;
};

/// Weighted: a bidirectional Dijkstra, each step settling one vertex on the side that has done
/// less work (sum of degrees). With F and B the vertices settled from s and from t and μ the
/// shortest s–t length seen so far (through vertices reached from both sides), it stops once
/// top_s + top_t > μ (the smallest pending distances; strictly, so that ties are all found). Then
/// every shortest path leaves F exactly once, by an edge (u, v) with u ∈ F, v ∉ F, v ∈ B, d_s(u) +
/// ℓ(u, v) + d_t(v) = μ; the paths through it number σ_s(u)·σ_t(v), and one is drawn as in the
/// unweighted case. If t is settled from s (or s from t) first, the path is drawn from that side
/// alone.
class DijkstraPathSampler {
public:
    /// With `buckets`, lengths are integers up to `max_length` and each side keeps a ring of
    /// buckets (Dial) instead of a binary heap.
    DijkstraPathSampler(const UndirectedGraph& graph, double tolerance, bool buckets,
                        std::size_t max_length)
        : graph_(graph), tolerance_(tolerance) {
        for (auto& side : sides_) {
            side.slots.resize(graph.vertex_count());
            if (buckets) side.ring.resize(max_length + 1);
        }
    }

    template <class Hit>
    void sample(Vertex s, Vertex t, Rng& rng, Hit&& hit) {
        begin_epoch();
        const Vertex ends[2] = {s, t};
        for (int i = 0; i < 2; ++i) {
            Side& side = sides_[i];
            side.clear();
            side.slots[ends[i]] = {0.0, 1.0, epoch_, 0};
            push(side, 0.0, ends[i]);
        }
        double shortest = kInfinity;
        while (true) {
            const double top0 = top(sides_[0]);
            const double top1 = top(sides_[1]);
            if (top0 == kInfinity || top1 == kInfinity) return;  // no path
            if (top0 + top1 > shortest && !same_length(top0 + top1, shortest, tolerance_)) break;
            const int i = sides_[0].work <= sides_[1].work ? 0 : 1;
            Side& me = sides_[i];
            const Side& other = sides_[1 - i];
            const Vertex v = pop(me);
            Slot& settled = me.slots[v];
            settled.settled = epoch_;
            me.settled.push_back(v);
            me.work += graph_.degree(v) + 1;
            if (v == ends[1 - i]) {  // one side reached the other end: draw the path from it
                walk(me, v, ends[i], rng, hit, false);
                return;
            }
            const double distance = settled.distance;
            const double paths = settled.paths;
            // μ: any s–t path seen, through a vertex the other side has reached (its label is
            // the length of a real path even before it is settled).
            if (other.slots[v].reached == epoch_) {
                shortest = std::min(shortest, distance + other.slots[v].distance);
            }
            const auto neighbours = graph_.neighbours(v);
            const auto arcs = graph_.arcs(v);
            for (std::size_t a = 0; a < neighbours.size(); ++a) {
                const Vertex w = neighbours[a];
                const double length = distance + arcs[a].weight;
                if (other.slots[w].reached == epoch_) {
                    shortest = std::min(shortest, length + other.slots[w].distance);
                }
                Slot& slot = me.slots[w];
                if (slot.settled == epoch_) continue;
                if (slot.reached != epoch_) {
                    slot = {length, paths, epoch_, 0};
                    push(me, length, w);
                } else if (same_length(length, slot.distance, tolerance_)) {
                    slot.paths += paths;
                } else if (length < slot.distance) {
                    slot.distance = length;
                    slot.paths = paths;
                    push(me, length, w);
                }
            }
        }
        // The exits from F; the shortest of them are the shortest paths.
        const Side& from_s = sides_[0];
        const Side& from_t = sides_[1];
        double best = kInfinity;
        exits_.clear();
        for (const Vertex u : from_s.settled) {
            const auto neighbours = graph_.neighbours(u);
            const auto arcs = graph_.arcs(u);
            for (std::size_t a = 0; a < neighbours.size(); ++a) {
                const Vertex v = neighbours[a];
                if (from_s.slots[v].settled == epoch_ || from_t.slots[v].settled != epoch_) {
                    continue;
                }
                const double length =
                    from_s.slots[u].distance + arcs[a].weight + from_t.slots[v].distance;
                if (length < best && !same_length(length, best, tolerance_)) exits_.clear();
                if (exits_.empty() || same_length(length, best, tolerance_)) {
                    best = std::min(best, length);
                    exits_.push_back({u, v});
                }
            }
        }
        if (exits_.empty()) return;
        double total = 0;
        for (const auto& [u, v] : exits_) total += from_s.slots[u].paths * from_t.slots[v].paths;
        double pick = rng.unit() * total;
        std::pair<Vertex, Vertex> chosen = exits_.back();
        for (const auto& edge : exits_) {
            pick -= from_s.slots[edge.first].paths * from_t.slots[edge.second].paths;
            if (pick < 0) {
                chosen = edge;
                break;
            }
        }
        walk(from_s, chosen.first, s, rng, hit, true);
        walk(from_t, chosen.second, t, rng, hit, true);
    }

private:
    struct Slot {
        double distance = 0;
        double paths = 0;
        std::uint32_t reached = 0;  ///< epoch of the sample that reached it
        std::uint32_t settled = 0;  ///< epoch of the sample that settled it
    };
    struct Side {
        std::vector<Slot> slots;
        std::vector<std::pair<double, Vertex>> heap;  ///< without buckets
        std::vector<std::vector<Vertex>> ring;        ///< Dial's buckets, by distance mod size
        std::uint64_t current = 0;                    ///< the distance of the bucket in use
        std::size_t position = 0;                     ///< next entry of that bucket
        std::size_t pending = 0;                      ///< entries in the ring
        std::vector<Vertex> settled;
        std::size_t work = 0;

        void clear() {
            heap.clear();
            if (pending > 0 || position > 0) {
                for (auto& bucket : ring) bucket.clear();
            }
            current = 0;
            position = 0;
            pending = 0;
            settled.clear();
            work = 0;
        }
    };

    void begin_epoch() {
        if (++epoch_ == std::numeric_limits<std::uint32_t>::max()) {
            for (auto& side : sides_) {
                for (auto& slot : side.slots) slot.reached = slot.settled = 0;
            }
            epoch_ = 1;
        }
    }

    // Entries pushed from a vertex settled at distance d lie in (d, d + max_length], so the ring
    // of max_length + 1 buckets never mixes two distances in one bucket.
    static void push(Side& side, double distance, Vertex v) {
        if (side.ring.empty()) {
            side.heap.push_back({distance, v});
            std::push_heap(side.heap.begin(), side.heap.end(), std::greater<>{});
        } else {
            side.ring[static_cast<std::size_t>(distance) % side.ring.size()].push_back(v);
            ++side.pending;
        }
    }

    /// The smallest pending distance on a side (stale entries dropped), or infinity.
    double top(Side& side) const {
        const auto stale = [&](Vertex v, double distance) {
            const Slot& slot = side.slots[v];
            return slot.settled == epoch_ || slot.distance != distance;
        };
        if (side.ring.empty()) {
            while (!side.heap.empty()) {
                const auto [distance, v] = side.heap.front();
                if (!stale(v, distance)) return distance;
                std::pop_heap(side.heap.begin(), side.heap.end(), std::greater<>{});
                side.heap.pop_back();
            }
            return kInfinity;
        }
        while (side.pending > 0) {
            auto& bucket = side.ring[side.current % side.ring.size()];
            const auto distance = static_cast<double>(side.current);
            for (; side.position < bucket.size(); ++side.position, --side.pending) {
                if (!stale(bucket[side.position], distance)) return distance;
            }
            bucket.clear();
            side.position = 0;
            ++side.current;
        }
        return kInfinity;
    }

    /// Removes the entry top() found.
    static Vertex pop(Side& side) {
        if (side.ring.empty()) {
            std::pop_heap(side.heap.begin(), side.heap.end(), std::greater<>{});
            const Vertex v = side.heap.back().second;
            side.heap.pop_back();
            return v;
        }
        --side.pending;
        return side.ring[side.current % side.ring.size()][side.position++];
    }

    /// From `v` back to `end` (exclusive) through settled predecessors, hitting each vertex
    /// on the way (`v` itself only if `include_start`).
    template <class Hit>
    void walk(const Side& side, Vertex v, Vertex end, Rng& rng, Hit& hit, bool include_start) {
        bool first = true;
        while (v != end) {
            if (!first || include_start) hit(v);
            first = false;
            const Slot& here = side.slots[v];
            const auto neighbours = graph_.neighbours(v);
            const auto arcs = graph_.arcs(v);
            double total = 0;
            for (std::size_t a = 0; a < neighbours.size(); ++a) {
                if (predecessor(side, here, neighbours[a], arcs[a].weight)) {
                    total += side.slots[neighbours[a]].paths;
                }
            }
            double pick = rng.unit() * total;
            Vertex chosen = end;
            for (std::size_t a = 0; a < neighbours.size(); ++a) {
                if (predecessor(side, here, neighbours[a], arcs[a].weight)) {
                    chosen = neighbours[a];
                    pick -= side.slots[chosen].paths;
                    if (pick < 0) break;
                }
            }
            v = chosen;
        }
    }

    bool predecessor(const Side& side, const Slot& here, Vertex p, double length) const {
        const Slot& slot = side.slots[p];
        return slot.settled == epoch_ && slot.distance < here.distance &&
               same_length(slot.distance + length, here.distance, tolerance_);
    }

    const UndirectedGraph& graph_;
    double tolerance_;
    Side sides_[2];
    std::uint32_t epoch_ = 0;
    std::vector<std::pair<Vertex, Vertex>> exits_;
};

/// Draws samples on several threads, each thread counting hits per vertex in its own array.
/// Sample i of a stream is drawn from the random generator of block i / kBlock, so the summed
/// counts depend on the seed only, not on the threads or on how the samples are split in runs.
class Sampler {
public:
    Sampler(const UndirectedGraph& graph, const LengthInfo& lengths, std::uint64_t seed,
            unsigned threads)
        : graph_(graph), lengths_(lengths), seed_(seed), threads_(threads), state_(threads) {}

    /// Draws the samples [begin, end) of `stream`, adding their hits to the counts.
    void run(std::uint64_t stream, std::uint64_t begin, std::uint64_t end,
             ProgressReporter& reporter, const std::function<double(std::uint64_t)>& fraction) {
        if (begin >= end) return;
        const std::uint64_t first_block = begin / kBlock;
        const std::uint64_t end_block = (end + kBlock - 1) / kBlock;
        WorkQueue queue(first_block, end_block, 1);
        run_parallel(
            threads_, queue, reporter,
            [&](std::size_t blocks_done) {
                return fraction(std::min<std::uint64_t>(end - begin, blocks_done * kBlock));
            },
            [&](unsigned thread, std::size_t block_begin, std::size_t block_end) {
                auto& state = state_[thread];
                if (state.counts.empty()) {
                    state.counts.assign(graph_.vertex_count(), 0);
                    if (lengths_.weighted) {
                        state.dijkstra.emplace(graph_, lengths_.tolerance, buckets(lengths_),
                                               static_cast<std::size_t>(lengths_.max));
                    } else {
                        state.bfs.emplace(graph_);
                    }
                }
                for (std::uint64_t block = block_begin; block < block_end; ++block) {
                    Rng rng(seed_, stream, block);
                    const std::uint64_t from = std::max(begin, block * kBlock);
                    const std::uint64_t to = std::min(end, (block + 1) * kBlock);
                    // Samples of this block before `from` belong to an earlier call: they are
                    // drawn again, uncounted, so that sample i is the same however it is split.
                    for (std::uint64_t i = block * kBlock; i < to; ++i) draw(state, rng, i >= from);
                }
            });
    }

    /// Hits per vertex over every sample run so far (summed over threads).
    [[nodiscard]] std::vector<std::uint64_t> counts() const {
        std::vector<std::uint64_t> total(graph_.vertex_count(), 0);
        for (const auto& state : state_) {
            if (state.counts.empty()) continue;
            for (std::size_t v = 0; v < total.size(); ++v) total[v] += state.counts[v];
        }
        return total;
    }

    void clear() {
        for (auto& state : state_) std::fill(state.counts.begin(), state.counts.end(), 0);
    }

private:
    struct State {
        std::vector<std::uint64_t> counts;
        std::optional<BfsPathSampler> bfs;
        std::optional<DijkstraPathSampler> dijkstra;
    };

    void draw(State& state, Rng& rng, bool count) {
        const auto n = static_cast<std::uint32_t>(graph_.vertex_count());
        const Vertex s = rng.below(n);
        Vertex t = rng.below(n - 1);
        if (t >= s) ++t;
        std::uint64_t* const counts = state.counts.data();
        const auto hit = [counts, count](Vertex v) {
            if (count) ++counts[v];
        };
        if (state.bfs) {
            state.bfs->sample(s, t, rng, hit);
        } else {
            state.dijkstra->sample(s, t, rng, hit);
        }
    }

    const UndirectedGraph& graph_;
    const LengthInfo& lengths_;
    std::uint64_t seed_;
    unsigned threads_;
    std::vector<State> state_;
};

/// An upper bound on the vertex diameter (vertices on a longest shortest path). Per connected
/// part: a breadth-first search from any vertex a0 finds the farthest a, one from a the
/// farthest b, and one from the middle m of an a–b path gives ecc(m); every shortest path has
/// at most 2·min(ecc(a0), ecc(m)) edges (the triangle inequality through a0 or m), and no
/// more vertices than the part. Weighted shortest paths can have more edges than hop-shortest
/// ones: a path of weighted length L has at most L / ℓ_min edges, and L ≤ ℓ_max · hop diameter,
/// so the hop bound is scaled by ℓ_max / ℓ_min. O(vertices + edges).
std::size_t vertex_diameter_bound(const UndirectedGraph& graph, const LengthInfo& lengths) {
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

/// Riondato–Kornaropoulos: with r = (c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ)) samples, c = 0.5, every
/// sampled b(v) is within ε of the true one with probability at least 1 − δ.
std::uint64_t rk_sample_size(double epsilon, double delta, std::size_t vertex_diameter) {
    const double span = vertex_diameter > 3 ? static_cast<double>(vertex_diameter - 2) : 1.0;
    return static_cast<std::uint64_t>(std::ceil(
        0.5 / (epsilon * epsilon) * (std::floor(std::log2(span)) + 1 + std::log(1 / delta))));
}

/// Bernoulli relative entropy KL(a ‖ q).
double relative_entropy(double a, double q) {
    double result = 0;
    if (a > 0) result += a * std::log(a / q);
    if (a < 1) result += (1 - a) * std::log((1 - a) / (1 - q));
    return result;
}

/// The Chernoff (KL) confidence interval of a Bernoulli mean: {q : KL(p̂ ‖ q) ≤ bound}. For a
/// fixed number of samples N and bound = ln(2/δ')/N, it misses the true mean with probability
/// at most δ' (each tail P(p̂ ≤ a) ≤ exp(−N·KL(a ‖ q)) ≤ δ'/2).
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

/// Ranks the top k when every value is within ±half_width of the truth.
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

Betweenness sampled(const UndirectedGraph& graph, const LengthInfo& lengths,
                    const BetweennessOptions& options, double epsilon, ProgressReporter& reporter) {
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

/// Adaptive sampling for the top k. A pilot sample (its own random stream, 1/16 of the cap, not
/// counted) picks M = max(8k, 64) candidates. Then rounds of samples, doubling from the RK size
/// for ε = 0.05 up to the cap; after each, every vertex gets the Chernoff interval of its hit
/// rate with δ shared out as δ/R per round (R rounds at most), half of it among the candidates
/// and half among the rest — so the candidates, the likely top, get tight intervals. It stops
/// when the k highest are separated from all the rest (min lower bound of the top k above the
/// max upper bound of the others), or at the cap, and reports which leading ranks are certain.
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

}  // namespace

Betweenness betweenness(const graph::UndirectedGraph& graph, const BetweennessOptions& options) {
    validate(options);
    const std::size_t n = graph.vertex_count();
    const LengthInfo lengths = lengths_of(graph, options);
    ProgressReporter reporter(options.progress);

    const bool sample = !options.exact && n > 2 && (options.epsilon || (n > options.exact_up_to));
    const std::size_t k = options.top_k ? std::min(*options.top_k, n) : 0;

    Betweenness result;
    if (!sample) {
        result.value.assign(n, 0.0);
        if (n > 2) {
            const auto sums = exact_sums(graph, lengths, options.threads, reporter);
            // NetworkX: the sum over ordered sources (each pair twice) times 1/((n−1)(n−2)).
            const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
            for (std::size_t v = 0; v < n; ++v) result.value[v] = sums[v] * scale;
        }
        result.error.assign(n, 0.0);
        if (options.top_k) {
            // Exact values that differ by rounding only (symmetric vertices) are ties, not ranks.
            const double max =
                n == 0 ? 0.0 : *std::max_element(result.value.begin(), result.value.end());
            rank_uniform(result, k, 0.5e-9 * max);
        }
    } else if (options.top_k && !options.epsilon) {
        result = top_k_sampled(graph, lengths, options, k, reporter);
    } else {
        result = sampled(graph, lengths, options, options.epsilon.value_or(options.default_epsilon),
                         reporter);
        if (options.top_k) rank_uniform(result, k, result.epsilon);
    }
    result.weighted = lengths.weighted;
    result.integer_weights = lengths.integer;
    result.relative_tolerance = lengths.tolerance;
    reporter.report(1.0);
    return result;
}

}  // namespace reorg::analysis
