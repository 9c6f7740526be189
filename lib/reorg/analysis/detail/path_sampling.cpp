#include "reorg/analysis/detail/path_sampling.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "reorg/base/random.hpp"

namespace reorg::analysis::detail {

using graph::UndirectedGraph;

namespace {

// Sampling draws from base::Random: a seed gives the same sample on every platform.
using Rng = base::Random;

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
            const auto& frontier = frontier_[side];
            for (std::size_t i = 0; i < frontier.size(); ++i) {
                // The search waits on memory: a vertex's place in the graph, its neighbours,
                // their slots and degrees are each a cache miss. So they are asked for ahead,
                // in that order, for the vertices due four, two and one steps later.
                if (i + 4 < frontier.size()) graph_.prefetch(frontier[i + 4]);
                if (i + 2 < frontier.size()) {
                    __builtin_prefetch(graph_.neighbours(frontier[i + 2]).data());
                }
                if (i + 1 < frontier.size()) {
                    for (const Vertex y : graph_.neighbours(frontier[i + 1])) {
                        __builtin_prefetch(&slots_[y]);
                        graph_.prefetch(y);
                    }
                }
                const Vertex x = frontier[i];
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

}  // namespace

struct Sampler::State {
    std::vector<std::uint64_t> counts;
    std::optional<BfsPathSampler> bfs;
    std::optional<DijkstraPathSampler> dijkstra;
};

Sampler::Sampler(const UndirectedGraph& graph, const LengthInfo& lengths, std::uint64_t seed,
                 unsigned threads)
    : graph_(graph), lengths_(lengths), seed_(seed), threads_(threads), state_(threads) {}

Sampler::~Sampler() = default;

void Sampler::run(std::uint64_t stream, std::uint64_t begin, std::uint64_t end,
                  ProgressReporter& reporter,
                  const std::function<double(std::uint64_t)>& fraction) {
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

std::vector<std::uint64_t> Sampler::counts() const {
    std::vector<std::uint64_t> total(graph_.vertex_count(), 0);
    for (const auto& state : state_) {
        if (state.counts.empty()) continue;
        for (std::size_t v = 0; v < total.size(); ++v) total[v] += state.counts[v];
    }
    return total;
}

void Sampler::clear() {
    for (auto& state : state_) std::fill(state.counts.begin(), state.counts.end(), 0);
}

void Sampler::draw(State& state, base::Random& rng, bool count) {
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

}  // namespace reorg::analysis::detail
