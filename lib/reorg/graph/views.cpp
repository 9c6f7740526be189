#include "reorg/graph/views.hpp"

#include <limits>
#include <mutex>
#include <optional>
#include <variant>

namespace reorg::graph {
namespace {

double length(const model::Link& link, const WorkGraphOptions& options) {
    return options.weighted && link.weight ? *link.weight : 1.0;
}

std::uint32_t vertex(auto id) { return static_cast<std::uint32_t>(model::index(id)); }

}  // namespace

UndirectedGraph work_graph(const model::Model& model, const WorkGraphOptions& options) {
    std::vector<UndirectedGraph::Edge> edges;
    edges.reserve(model.posts().size() + model.links().size());
    for (std::size_t p = 0; p < model.posts().size(); ++p) {
        if (const auto manager = model.posts()[p].reports_to) {
            edges.push_back({static_cast<std::uint32_t>(p), vertex(*manager), 1.0});
        }
    }
    for (const auto& link : model.links()) {
        if (link.kind != model::LinkKind::DottedLine &&
            link.kind != model::LinkKind::Collaborates) {
            continue;
        }
        const auto* from = std::get_if<model::PostId>(&link.from);
        const auto* to = std::get_if<model::PostId>(&link.to);
        if (from != nullptr && to != nullptr) {
            edges.push_back({vertex(*from), vertex(*to), length(link, options)});
        }
    }
    return UndirectedGraph::from_edges(model.posts().size(), std::move(edges));
}

UndirectedGraph unit_graph(const model::Model& model, const WorkGraphOptions& options) {
    const auto unit_of = [&](model::Ref ref) {
        if (const auto* post = std::get_if<model::PostId>(&ref)) return vertex(model[*post].unit);
        return vertex(std::get<model::UnitId>(ref));
    };
    std::vector<UndirectedGraph::Edge> edges;
    for (const auto& post : model.posts()) {
        if (post.reports_to) {
            edges.push_back({vertex(post.unit), vertex(model[*post.reports_to].unit), 1.0});
        }
    }
    for (const auto& link : model.links()) {
        edges.push_back({unit_of(link.from), unit_of(link.to), length(link, options)});
    }
    return UndirectedGraph::from_edges(model.units().size(), std::move(edges));
}

WhyGraph why_graph(const model::Model& model) {
    constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
    WhyGraph graph;
    const auto n = model.findings().size();
    graph.because.resize(n);
    graph.explains.resize(n);
    std::vector<std::uint32_t> named_by(n, kNone);  // the last finding that named each cause
    for (std::size_t f = 0; f < n; ++f) {
        const auto from = static_cast<std::uint32_t>(f);
        for (const auto cause : model.findings()[f].because) {
            const auto to = vertex(cause);
            if (named_by[to] == from) continue;
            named_by[to] = from;
            graph.because[f].push_back(to);
            graph.explains[to].push_back(from);
        }
    }
    return graph;
}

struct ModelGraphs::Cache {
    std::once_flag work_built, units_built, why_built;
    std::optional<UndirectedGraph> work, units;
    std::optional<WhyGraph> why;
};

ModelGraphs::ModelGraphs(const model::Model& model, const WorkGraphOptions& options)
    : model_(&model), options_(options), cache_(std::make_unique<Cache>()) {}
ModelGraphs::ModelGraphs(ModelGraphs&&) noexcept = default;
ModelGraphs& ModelGraphs::operator=(ModelGraphs&&) noexcept = default;
ModelGraphs::~ModelGraphs() = default;

const UndirectedGraph& ModelGraphs::work() const {
    std::call_once(cache_->work_built, [&] { cache_->work = work_graph(*model_, options_); });
    return *cache_->work;
}

const UndirectedGraph& ModelGraphs::units() const {
    std::call_once(cache_->units_built, [&] { cache_->units = unit_graph(*model_, options_); });
    return *cache_->units;
}

const WhyGraph& ModelGraphs::why() const {
    std::call_once(cache_->why_built, [&] { cache_->why = why_graph(*model_); });
    return *cache_->why;
}

}  // namespace reorg::graph
