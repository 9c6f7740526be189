#include "reorg/analysis/cut_points.hpp"

#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <variant>

#include "reorg/analysis/detail/unit_pair.hpp"
#include "reorg/base/error.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::analysis {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// One vertex on the depth-first stack: where its scan of neighbours stands, its parent in the
/// DFS tree and its low point so far (the smallest discovery time reachable from its subtree
/// through one non-tree edge). `Extra` is what the caller accumulates per vertex.
template <class Extra>
struct Frame {
    std::uint32_t vertex = 0;
    std::uint32_t parent = kNone;
    std::uint32_t low = 0;
    const std::uint32_t* next = nullptr;
    const std::uint32_t* end = nullptr;
    Extra extra{};
};

/// Tarjan's low-point depth-first search over every component, with an explicit stack so that a
/// chain of a million posts does not overflow the call stack. Discovery times start at 1 (0 is
/// "not seen"), so a subtree's vertices are exactly those discovered from its root's time to the
/// clock at its finish. Calls
///   child_done(parent_frame, child_frame, discovery_of_parent, child_subtree_size),
///   vertex_done(frame, is_root) after the vertex's children, and
///   component_done(component_size) after the root.
/// The graph is simple, so skipping the parent vertex skips exactly the tree edge.
template <class Extra, class ChildDone, class VertexDone, class ComponentDone>
void low_point_search(const graph::UndirectedGraph& graph, ChildDone&& child_done,
                      VertexDone&& vertex_done, ComponentDone&& component_done) {
    const auto n = static_cast<std::uint32_t>(graph.vertex_count());
    std::vector<std::uint32_t> discovered(n, 0);
    std::vector<Frame<Extra>> stack;
    std::uint32_t clock = 0;
    const auto push = [&](std::uint32_t v, std::uint32_t parent) {
        discovered[v] = ++clock;
        const auto neighbours = graph.neighbours(v);
        stack.push_back(
            {v, parent, clock, neighbours.data(), neighbours.data() + neighbours.size(), Extra{}});
    };
    for (std::uint32_t root = 0; root < n; ++root) {
        if (discovered[root] != 0) continue;
        const std::uint32_t root_time = clock + 1;
        push(root, kNone);
        while (!stack.empty()) {
            auto& frame = stack.back();
            std::uint32_t child = kNone;
            while (frame.next != frame.end) {
                const std::uint32_t w = *frame.next++;
                const std::uint32_t time = discovered[w];
                if (time == 0) {
                    child = w;
                    break;
                }
                if (time < frame.low && w != frame.parent) frame.low = time;
            }
            if (child != kNone) {
                push(child, frame.vertex);  // invalidates `frame`
                continue;
            }
            const Frame<Extra> done = frame;
            stack.pop_back();
            const std::uint32_t size = clock - discovered[done.vertex] + 1;
            if (stack.empty()) {
                vertex_done(done, true);
            } else {
                auto& parent = stack.back();
                if (done.low < parent.low) parent.low = done.low;
                vertex_done(done, false);
                child_done(parent, done, discovered[parent.vertex], size);
            }
        }
        component_done(clock - root_time + 1);
    }
}

/// What a vertex learns from its DFS children whose subtrees its loss would cut off.
struct Separated {
    std::uint32_t pieces = 0;   ///< children whose subtree has no edge above the vertex
    std::uint32_t total = 0;    ///< vertices in those subtrees
    std::uint32_t largest = 0;  ///< the largest of them
};

struct Pending {
    std::uint32_t vertex = 0;
    Separated separated;
};

}  // namespace

std::vector<CutPoint> articulation_points(const graph::UndirectedGraph& graph) {
    std::vector<CutPoint> result;
    // The articulation points of the component being searched; their cut-off needs its size.
    std::vector<Pending> pending;
    low_point_search<Separated>(
        graph,
        [](Frame<Separated>& parent, const Frame<Separated>& child, std::uint32_t parent_time,
           std::uint32_t size) {
            if (child.low >= parent_time) {
                auto& s = parent.extra;
                ++s.pieces;
                s.total += size;
                s.largest = std::max(s.largest, size);
            }
        },
        [&](const Frame<Separated>& frame, bool is_root) {
            // Every child of the root is separated from the others; a non-root vertex also
            // leaves the piece holding its parent.
            if (frame.extra.pieces >= (is_root ? 2U : 1U)) {
                pending.push_back({frame.vertex, frame.extra});
            }
        },
        [&](std::uint32_t component_size) {
            for (const auto& p : pending) {
                // Pieces left: the separated subtrees and the rest of the component (empty for
                // the root, which has no vertices outside its children's subtrees).
                const std::uint32_t others = component_size - 1;
                const std::uint32_t rest = others - p.separated.total;
                const std::uint32_t largest = std::max(p.separated.largest, rest);
                result.push_back({p.vertex, others - largest});
            }
            pending.clear();
        });
    std::sort(result.begin(), result.end(), [](const CutPoint& x, const CutPoint& y) {
        return x.cut_off != y.cut_off ? x.cut_off > y.cut_off : x.vertex < y.vertex;
    });
    return result;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges(const graph::UndirectedGraph& graph) {
    struct Nothing {};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
    low_point_search<Nothing>(
        graph,
        [&](Frame<Nothing>& parent, const Frame<Nothing>& child, std::uint32_t parent_time,
            std::uint32_t) {
            // No edge from the child's subtree reaches the parent or above, other than this one.
            if (child.low > parent_time) {
                result.emplace_back(std::min(parent.vertex, child.vertex),
                                    std::max(parent.vertex, child.vertex));
            }
        },
        [](const Frame<Nothing>&, bool) {}, [](std::uint32_t) {});
    std::sort(result.begin(), result.end());
    return result;
}

SinglePoints single_points(const model::Model& model, const graph::UndirectedGraph& work_graph) {
    SinglePoints result;
    result.articulation_points = articulation_points(work_graph);
    for (const auto& point : result.articulation_points) {
        const auto post = model::at<model::PostId>(point.vertex);
        if (model[post].vacant()) result.vacant_articulation_points.push_back(post);
    }
    for (const auto& [a, b] : bridges(work_graph)) {
        result.bridges.emplace_back(model::at<model::PostId>(a), model::at<model::PostId>(b));
    }

    // Members are distinct posts: the same post linked twice is still one member.
    std::vector<std::pair<model::UnitId, model::PostId>> memberships;
    for (const auto& link : model.links()) {
        if (link.kind != model::LinkKind::MemberOf) continue;
        const auto* post = std::get_if<model::PostId>(&link.from);
        const auto* group = std::get_if<model::UnitId>(&link.to);
        if (post != nullptr && group != nullptr && model[*group].kind == model::UnitKind::Group) {
            memberships.emplace_back(*group, *post);
        }
    }
    std::sort(memberships.begin(), memberships.end());
    memberships.erase(std::unique(memberships.begin(), memberships.end()), memberships.end());
    for (std::size_t i = 0; i < memberships.size();) {
        std::size_t j = i;
        while (j < memberships.size() && memberships[j].first == memberships[i].first) ++j;
        if (j - i == 1) result.single_member_groups.push_back(memberships[i].first);
        i = j;
    }
    return result;
}

UnitSinglePoints unit_single_points(const graph::UndirectedGraph& unit_graph) {
    UnitSinglePoints result;
    result.articulation_points = articulation_points(unit_graph);
    for (const auto& [a, b] : bridges(unit_graph)) {
        result.bridges.emplace_back(model::at<model::UnitId>(a), model::at<model::UnitId>(b));
    }
    return result;
}

namespace {

enum class Side : std::uint8_t { Other, A, B };

/// The flow network of the vertex-split work graph in compressed sparse rows, its arc data in
/// plain arrays indexed by arc. Boost 1.74's BK takes explicit capacity, residual, reverse-arc,
/// colour and index maps, and every arc needs its reverse arc (capacity 0 where the reverse
/// direction carries nothing of its own). An adjacency_list holds each arc's properties in a heap
/// allocation of its own, which on a million-post organisation (23 million arcs) takes longer
/// to build and free than the flow takes to run.
class FlowNetwork {
public:
    using Graph =
        boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                           boost::no_property, std::uint32_t, std::uint32_t>;
    using Arc = boost::graph_traits<Graph>::edge_descriptor;

    /// `for_each_arc(add)` calls add(from, to, capacity) once per arc (never for the reverse
    /// arcs, which the network adds); it runs twice, so it must call the same arcs both times.
    template <class ForEachArc>
    FlowNetwork(std::size_t nodes, ForEachArc&& for_each_arc) {
        // Counting sort by source: count, then place each arc and its reverse, which knows
        // where its partner went.
        std::vector<std::uint32_t> start(nodes + 1, 0);
        std::size_t arcs = 0;
        for_each_arc([&](std::size_t from, std::size_t to, std::int64_t) {
            ++start[from + 1];
            ++start[to + 1];
            arcs += 2;
        });
        if (arcs >= std::numeric_limits<std::uint32_t>::max()) {
            throw Error("the minimum cut's flow network would have more than 2^32 arcs");
        }
        for (std::size_t v = 0; v < nodes; ++v) start[v + 1] += start[v];
        std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted(arcs);
        capacity_.assign(arcs, 0);
        reverse_.resize(arcs);
        for_each_arc([&](std::size_t from, std::size_t to, std::int64_t capacity) {
            const auto forward = start[from]++;
            const auto backward = start[to]++;
            sorted[forward] = {static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)};
            sorted[backward] = {static_cast<std::uint32_t>(to), static_cast<std::uint32_t>(from)};
            capacity_[forward] = capacity;
            reverse_[forward] = Arc(static_cast<std::uint32_t>(to), backward);
            reverse_[backward] = Arc(static_cast<std::uint32_t>(from), forward);
        });
        graph_ = Graph(boost::edges_are_sorted, sorted.begin(), sorted.end(),
                       static_cast<std::uint32_t>(nodes));
        residual_.assign(arcs, 0);
    }

    /// Runs BK from `source` to `sink`; returns the flow and whether each node ended on the
    /// source side (BK's source tree, black in its colour map).
    std::pair<std::int64_t, std::vector<bool>> max_flow(std::uint32_t source, std::uint32_t sink) {
        const auto arc_index = boost::get(boost::edge_index, graph_);
        const auto node_index = boost::get(boost::vertex_index, graph_);
        std::vector<boost::default_color_type> colour(boost::num_vertices(graph_));
        const auto flow = boost::boykov_kolmogorov_max_flow(
            graph_, boost::make_iterator_property_map(capacity_.begin(), arc_index),
            boost::make_iterator_property_map(residual_.begin(), arc_index),
            boost::make_iterator_property_map(reverse_.begin(), arc_index),
            boost::make_iterator_property_map(colour.begin(), node_index), node_index, source,
            sink);
        std::vector<bool> source_side(colour.size());
        for (std::size_t v = 0; v < colour.size(); ++v) {
            source_side[v] = colour[v] == boost::color_traits<boost::default_color_type>::black();
        }
        return {flow, std::move(source_side)};
    }

private:
    Graph graph_;
    std::vector<std::int64_t> capacity_;
    std::vector<std::int64_t> residual_;
    std::vector<Arc> reverse_;
};

}  // namespace

MinCut min_cut_between(const model::Model& model, const graph::UndirectedGraph& work_graph,
                       model::UnitId a, model::UnitId b) {
    const auto& units = model::unit_forest(model);
    detail::require_apart(model, units, a, b, "between");

    const auto n = static_cast<std::uint32_t>(work_graph.vertex_count());
    std::vector<Side> side(n, Side::Other);
    std::vector<std::uint32_t> frontier;  // the posts of A, then everything reached from them
    for (std::uint32_t p = 0; p < n; ++p) {
        const auto unit = model.posts()[p].unit;
        if (units.is_ancestor(a, unit)) {
            side[p] = Side::A;
            frontier.push_back(p);
        } else if (units.is_ancestor(b, unit)) {
            side[p] = Side::B;
        }
    }
    const std::size_t in_a = frontier.size();

    MinCut result;
    for (const auto p : frontier) {
        for (const auto w : work_graph.neighbours(p)) {
            if (side[w] == Side::B) {
                result.direct_links.emplace_back(model::at<model::PostId>(p),
                                                 model::at<model::PostId>(w));
            }
        }
    }
    if (!result.direct_links.empty()) {
        result.directly_linked = true;
        std::sort(result.direct_links.begin(), result.direct_links.end());
        return result;
    }

    // The flow only needs the posts reachable from A without passing through B: number those
    // other posts 0..k-1 (their in-node is 2 + 2i, their out-node 3 + 2i).
    std::vector<std::uint32_t> local(n, kNone);
    std::vector<std::uint32_t> others;
    std::vector<bool> seen(n, false);
    bool reaches_b = false;
    for (const auto p : frontier) seen[p] = true;
    for (std::size_t i = 0; i < frontier.size(); ++i) {
        for (const auto w : work_graph.neighbours(frontier[i])) {
            if (seen[w]) continue;
            seen[w] = true;
            if (side[w] == Side::B) {
                reaches_b = true;
                continue;
            }
            local[w] = static_cast<std::uint32_t>(others.size());
            others.push_back(w);
            frontier.push_back(w);
        }
    }
    if (!reaches_b) {
        result.connected = false;
        return result;
    }

    constexpr std::uint32_t kSource = 0;
    constexpr std::uint32_t kSink = 1;
    const auto in_node = [&](std::uint32_t p) { return 2 + 2 * std::size_t{local[p]}; };
    const auto out_node = [&](std::uint32_t p) { return 3 + 2 * std::size_t{local[p]}; };
    // No cut is larger than the number of other posts, so this capacity is never saturated.
    const auto infinite = static_cast<std::int64_t>(others.size()) + 1;

    FlowNetwork network(2 + 2 * others.size(), [&](auto&& add) {
        for (std::size_t i = 0; i < in_a; ++i) {
            for (const auto w : work_graph.neighbours(frontier[i])) {
                if (side[w] == Side::Other) add(kSource, in_node(w), infinite);
            }
        }
        for (const auto p : others) {
            add(in_node(p), out_node(p), 1);
            for (const auto w : work_graph.neighbours(p)) {
                // Nothing flows into the source or out of the sink: arcs from A are added from
                // A's side above, and B needs none of its own.
                if (side[w] == Side::B) {
                    add(out_node(p), kSink, infinite);
                } else if (side[w] == Side::Other) {
                    add(out_node(p), in_node(w), infinite);
                }
            }
        }
    });
    const auto [flow, source_side] = network.max_flow(kSource, kSink);

    // The saturated in→out arcs leaving the source side are the posts of the cut.
    for (const auto p : others) {
        if (source_side[in_node(p)] && !source_side[out_node(p)]) {
            result.posts.push_back(model::at<model::PostId>(p));
        }
    }
    std::sort(result.posts.begin(), result.posts.end());
    if (static_cast<std::int64_t>(result.posts.size()) != flow) {
        throw Error("minimum cut: the cut (" + std::to_string(result.posts.size()) +
                    " posts) differs from the flow (" + std::to_string(flow) + ")");
    }
    return result;
}

}  // namespace reorg::analysis
