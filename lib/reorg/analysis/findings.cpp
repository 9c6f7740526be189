#include "reorg/analysis/findings.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <variant>

#include "reorg/graph/views.hpp"
#include "reorg/model/hierarchy.hpp"

namespace reorg::analysis {
namespace {

using model::FindingId;
using model::FindingKind;
using Arcs = std::vector<std::vector<std::uint32_t>>;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// Steps of the path search per doesnt_work finding: simple paths through a dense tangle of
/// causes can branch exponentially without ever reaching a root.
constexpr std::size_t kMaxChainSteps = 1'000'000;

FindingId finding_at(std::uint32_t vertex) { return model::at<FindingId>(vertex); }

std::vector<FindingId> to_findings(const std::vector<std::uint32_t>& vertices) {
    std::vector<FindingId> ids;
    ids.reserve(vertices.size());
    for (const auto v : vertices) ids.push_back(finding_at(v));
    return ids;
}

/// Strongly connected components: each vertex's component number and how many there are.
struct Components {
    std::vector<std::uint32_t> of;
    std::uint32_t count = 0;
};

Components strong_components(const Arcs& arcs) {
    using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Digraph digraph(arcs.size());
    for (std::uint32_t v = 0; v < arcs.size(); ++v) {
        for (const auto w : arcs[v]) boost::add_edge(v, w, digraph);
    }
    std::vector<std::size_t> component(arcs.size());
    const auto count = boost::strong_components(
        digraph, boost::make_iterator_property_map(component.begin(),
                                                   boost::get(boost::vertex_index, digraph)));
    Components components;
    components.count = static_cast<std::uint32_t>(count);
    components.of.reserve(component.size());
    for (const auto c : component) components.of.push_back(static_cast<std::uint32_t>(c));
    return components;
}

bool has_self_loop(const Arcs& arcs, std::uint32_t v) {
    return std::find(arcs[v].begin(), arcs[v].end(), v) != arcs[v].end();
}

/// The arcs among `vertices` only, renumbered 0..k-1 in the order given.
Arcs induced(const Arcs& arcs, const std::vector<std::uint32_t>& vertices,
             std::vector<std::uint32_t>& local_of) {
    for (std::uint32_t i = 0; i < vertices.size(); ++i) local_of[vertices[i]] = i;
    Arcs local(vertices.size());
    for (std::uint32_t i = 0; i < vertices.size(); ++i) {
        for (const auto w : arcs[vertices[i]]) {
            if (local_of[w] != kNone) local[i].push_back(local_of[w]);
        }
    }
    for (const auto v : vertices) local_of[v] = kNone;
    return local;
}

/// The strongly connected parts of `arcs` that hold a cycle (more than one vertex, or a
/// self-loop), each as its vertices in increasing order.
std::vector<std::vector<std::uint32_t>> cyclic_components(const Arcs& arcs) {
    const auto components = strong_components(arcs);
    std::vector<std::vector<std::uint32_t>> members(components.count);
    for (std::uint32_t v = 0; v < arcs.size(); ++v) members[components.of[v]].push_back(v);
    std::vector<std::vector<std::uint32_t>> cyclic;
    for (auto& m : members) {
        if (m.size() > 1 || has_self_loop(arcs, m.front())) cyclic.push_back(std::move(m));
    }
    return cyclic;
}

/// Johnson's circuit search from vertex 0 of a strongly connected graph: every elementary cycle
/// through 0, each starting at 0. Iterative, so a long cycle cannot overflow the call stack.
/// Stops once `loops` holds `max_loops`; returns false then.
bool circuits_from_first(const Arcs& arcs, const std::vector<std::uint32_t>& global,
                         std::size_t max_loops, std::vector<std::vector<std::uint32_t>>& loops) {
    const auto n = arcs.size();
    std::vector<char> blocked(n, 0);
    std::vector<char> closed(n, 0);
    std::vector<std::vector<std::uint32_t>> blocked_by(n);  // Johnson's B sets
    std::vector<std::uint32_t> path{0};
    struct Frame {
        std::uint32_t vertex;
        std::size_t next;
    };
    std::vector<Frame> stack{{0, 0}};
    blocked[0] = 1;

    const auto unblock = [&](std::uint32_t start) {
        std::vector<std::uint32_t> pending{start};
        while (!pending.empty()) {
            const auto v = pending.back();
            pending.pop_back();
            if (!blocked[v]) continue;
            blocked[v] = 0;
            pending.insert(pending.end(), blocked_by[v].begin(), blocked_by[v].end());
            blocked_by[v].clear();
        }
    };

    while (!stack.empty()) {
        const auto v = stack.back().vertex;
        if (stack.back().next < arcs[v].size()) {
            const auto w = arcs[v][stack.back().next++];
            if (w == 0) {
                if (loops.size() >= max_loops) return false;
                std::vector<std::uint32_t> loop;
                loop.reserve(path.size());
                for (const auto p : path) loop.push_back(global[p]);
                loops.push_back(std::move(loop));
                for (const auto p : path) closed[p] = 1;
            } else if (!blocked[w]) {
                path.push_back(w);
                stack.push_back({w, 0});
                closed[w] = 0;
                blocked[w] = 1;
            }
            continue;
        }
        if (closed[v]) {
            unblock(v);
        } else {
            for (const auto w : arcs[v]) {
                auto& list = blocked_by[w];
                if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
            }
        }
        stack.pop_back();
        path.pop_back();
    }
    return true;
}

/// Every elementary cycle, each from its smallest vertex, sorted. Johnson's algorithm: take the
/// smallest vertex of a cyclic component, list the cycles through it, remove it, and repeat on
/// what remains of the component.
std::vector<std::vector<std::uint32_t>> elementary_cycles(const Arcs& arcs, std::size_t max_loops,
                                                          bool& truncated) {
    std::vector<std::vector<std::uint32_t>> loops;
    std::vector<std::uint32_t> local_of(arcs.size(), kNone);
    auto pending = cyclic_components(arcs);
    truncated = false;
    while (!pending.empty()) {
        const auto component = std::move(pending.back());
        pending.pop_back();
        const auto local = induced(arcs, component, local_of);
        if (!circuits_from_first(local, component, max_loops, loops)) {
            truncated = true;
            break;
        }
        const std::vector<std::uint32_t> rest(component.begin() + 1, component.end());
        if (rest.empty()) continue;
        for (auto& part : cyclic_components(induced(arcs, rest, local_of))) {
            for (auto& v : part) v = rest[v];
            pending.push_back(std::move(part));
        }
    }
    std::sort(loops.begin(), loops.end());
    return loops;
}

/// The units a finding is about: those it names and those of the posts it names, once each.
class AboutUnits {
public:
    explicit AboutUnits(const model::Model& model)
        : model_(model), seen_(model.units().size(), kNone) {}

    const std::vector<model::UnitId>& of(std::uint32_t finding) {
        units_.clear();
        for (const auto& ref : model_.findings()[finding].about) {
            const auto unit = std::holds_alternative<model::UnitId>(ref)
                                  ? std::get<model::UnitId>(ref)
                                  : model_[std::get<model::PostId>(ref)].unit;
            if (seen_[model::index(unit)] == finding) continue;
            seen_[model::index(unit)] = finding;
            units_.push_back(unit);
        }
        return units_;
    }

private:
    const model::Model& model_;
    std::vector<std::uint32_t> seen_;
    std::vector<model::UnitId> units_;
};

/// Net scores, the three lists per unit, and which units have findings at or below them.
struct PerUnit {
    std::vector<long long> net, rollup;
    std::vector<std::vector<std::uint32_t>> works, doesnt_work, causes;
    std::vector<char> any;
};

PerUnit per_unit(const model::Model& model) {
    const auto n = model.units().size();
    PerUnit per{
        std::vector<long long>(n, 0), std::vector<long long>(n, 0), Arcs(n), Arcs(n), Arcs(n),
        std::vector<char>(n, 0)};
    AboutUnits about(model);
    std::vector<std::uint32_t> counted_up(n, kNone);
    const auto findings = model.findings();
    for (std::uint32_t f = 0; f < findings.size(); ++f) {
        const auto& finding = findings[f];
        const long long score = finding.kind == FindingKind::Works        ? weight(finding)
                                : finding.kind == FindingKind::DoesntWork ? -weight(finding)
                                                                          : 0;
        for (const auto unit : about.of(f)) {
            const auto u = model::index(unit);
            per.net[u] += score;
            auto& list = finding.kind == FindingKind::Works        ? per.works[u]
                         : finding.kind == FindingKind::DoesntWork ? per.doesnt_work[u]
                                                                   : per.causes[u];
            list.push_back(f);
            // Up the tree, each unit once per finding: the walk stops where a unit named earlier
            // by this finding already counted it (and, in a model with a parent cycle, at the
            // cycle).
            for (auto up = unit; counted_up[model::index(up)] != f;) {
                const auto x = model::index(up);
                counted_up[x] = f;
                per.rollup[x] += score;
                per.any[x] = 1;
                if (!model.units()[x].parent) break;
                up = *model.units()[x].parent;
            }
        }
    }
    return per;
}

/// Breadth-first over `because` from a unit's problems, then its own causes (see UnitFindings).
class WhySearch {
public:
    explicit WhySearch(const Arcs& arcs) : arcs_(arcs), seen_(arcs.size(), kNone) {}

    std::vector<FindingId> why(std::uint32_t unit, const std::vector<std::uint32_t>& problems,
                               const std::vector<std::uint32_t>& causes) {
        std::vector<std::uint32_t> order;
        for (const auto p : problems) seen_[p] = unit;
        const auto visit = [&](std::uint32_t f) {
            if (seen_[f] == unit) return;
            seen_[f] = unit;
            order.push_back(f);
        };
        for (const auto p : problems) {
            for (const auto c : arcs_[p]) visit(c);
        }
        for (const auto c : causes) visit(c);
        for (std::size_t next = 0; next < order.size(); ++next) {
            for (const auto c : arcs_[order[next]]) visit(c);
        }
        return to_findings(order);
    }

private:
    const Arcs& arcs_;
    std::vector<std::uint32_t> seen_;
};

/// The condensation of the why-graph and which of its components are roots.
struct Condensation {
    Components components;
    std::vector<std::vector<std::uint32_t>> members;  ///< per component, increasing
    Arcs arcs;                                        ///< between components, distinct
    std::vector<std::uint32_t> root;                  ///< per component: root number or kNone
    std::uint32_t roots = 0;
};

Condensation condense(const model::Model& model, const Arcs& arcs) {
    Condensation c{strong_components(arcs), {}, {}, {}, 0};
    const auto count = c.components.count;
    c.members.resize(count);
    c.arcs.resize(count);
    std::vector<char> named(arcs.size(), 0);
    std::vector<std::uint32_t> seen(count, kNone);
    for (std::uint32_t v = 0; v < arcs.size(); ++v) {
        const auto from = c.components.of[v];
        c.members[from].push_back(v);
        for (const auto w : arcs[v]) {
            if (w != v) named[w] = 1;
            const auto to = c.components.of[w];
            if (to == from || seen[to] == from) continue;
            seen[to] = from;
            c.arcs[from].push_back(to);
        }
    }
    c.root.assign(count, kNone);
    const auto findings = model.findings();
    for (std::uint32_t k = 0; k < count; ++k) {
        if (!c.arcs[k].empty()) continue;
        const auto& m = c.members[k];
        const bool lone_statement = m.size() == 1 && arcs[m.front()].empty() &&
                                    findings[m.front()].kind != FindingKind::Cause &&
                                    !named[m.front()];
        if (!lone_statement) c.root[k] = c.roots++;
    }
    return c;
}

std::vector<RootCause> root_causes(const model::Model& model, const Arcs& arcs,
                                   const Condensation& c) {
    std::vector<RootCause> roots(c.roots);
    for (std::uint32_t k = 0; k < c.components.count; ++k) {
        if (c.root[k] == kNone) continue;
        auto& root = roots[c.root[k]];
        root.causes = to_findings(c.members[k]);
        root.loop = c.members[k].size() > 1 || has_self_loop(arcs, c.members[k].front());
    }
    // Each problem walks the condensation once, so a root reached along two paths counts once.
    const auto findings = model.findings();
    std::vector<std::uint32_t> reached(c.components.count, kNone);
    std::vector<std::uint32_t> stack;
    for (std::uint32_t f = 0; f < findings.size(); ++f) {
        if (findings[f].kind != FindingKind::DoesntWork) continue;
        stack.assign(1, c.components.of[f]);
        reached[stack.front()] = f;
        while (!stack.empty()) {
            const auto k = stack.back();
            stack.pop_back();
            if (c.root[k] != kNone) {
                roots[c.root[k]].weight += weight(findings[f]);
                roots[c.root[k]].reached_from.push_back(finding_at(f));
            }
            for (const auto next : c.arcs[k]) {
                if (reached[next] == f) continue;
                reached[next] = f;
                stack.push_back(next);
            }
        }
    }
    std::stable_sort(roots.begin(), roots.end(), [](const RootCause& a, const RootCause& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        return model::index(a.causes.front()) < model::index(b.causes.front());
    });
    return roots;
}

/// Every simple path from `start` through `because` that ends at its first root finding.
WhyChain why_chain(std::uint32_t start, const Arcs& arcs, const Condensation& c,
                   std::size_t max_paths, std::vector<char>& on_path) {
    WhyChain chain{finding_at(start), {}, false};
    if (arcs[start].empty()) return chain;
    const auto in_root = [&](std::uint32_t v) { return c.root[c.components.of[v]] != kNone; };
    if (in_root(start)) {
        chain.paths.push_back({finding_at(start)});
        return chain;
    }
    struct Frame {
        std::uint32_t vertex;
        std::size_t next;
    };
    std::vector<std::uint32_t> path{start};
    std::vector<Frame> stack{{start, 0}};
    on_path[start] = 1;
    std::size_t steps = 0;
    while (!stack.empty()) {
        if (++steps > kMaxChainSteps) {
            chain.truncated = true;
            break;
        }
        const auto v = stack.back().vertex;
        if (stack.back().next == arcs[v].size()) {
            on_path[v] = 0;
            path.pop_back();
            stack.pop_back();
            continue;
        }
        const auto w = arcs[v][stack.back().next++];
        if (on_path[w]) continue;
        if (in_root(w)) {
            if (chain.paths.size() >= max_paths) {
                chain.truncated = true;
                break;
            }
            auto found = to_findings(path);
            found.push_back(finding_at(w));
            chain.paths.push_back(std::move(found));
            continue;
        }
        on_path[w] = 1;
        path.push_back(w);
        stack.push_back({w, 0});
    }
    for (const auto v : path) on_path[v] = 0;
    return chain;
}

}  // namespace

long long weight(const model::Finding& finding) noexcept {
    return static_cast<long long>(finding.severity) * finding.count;
}

FindingsAnalysis analyze_findings(const model::Model& model, const FindingsOptions& options) {
    return analyze_findings(model, graph::why_graph(model), options);
}

FindingsAnalysis analyze_findings(const model::Model& model, const graph::WhyGraph& why,
                                  const FindingsOptions& options) {
    FindingsAnalysis analysis;
    const Arcs& arcs = why.because;
    const auto findings = model.findings();

    const auto per = per_unit(model);
    const auto& tree = model::unit_forest(model);
    WhySearch search(arcs);
    for (const auto unit : tree.preorder()) {
        const auto u = model::index(unit);
        if (!per.any[u]) continue;
        analysis.units.push_back(
            {unit, per.net[u], per.rollup[u], to_findings(per.works[u]),
             to_findings(per.doesnt_work[u]),
             search.why(static_cast<std::uint32_t>(u), per.doesnt_work[u], per.causes[u])});
    }

    const auto condensation = condense(model, arcs);
    analysis.root_causes = root_causes(model, arcs, condensation);

    std::vector<char> on_path(arcs.size(), 0);
    for (std::uint32_t f = 0; f < findings.size(); ++f) {
        if (findings[f].kind != FindingKind::DoesntWork) continue;
        if (arcs[f].empty()) analysis.unexplained.push_back(finding_at(f));
        analysis.chains.push_back(why_chain(f, arcs, condensation, options.max_paths, on_path));
    }

    for (const auto& loop : elementary_cycles(arcs, options.max_loops, analysis.loops_truncated)) {
        analysis.loops.push_back(to_findings(loop));
    }
    return analysis;
}

}  // namespace reorg::analysis
