#include "reorg/render/detail/overlay.hpp"

#include <algorithm>
#include <cmath>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/cut_points.hpp"
#include "reorg/analysis/findings.hpp"
#include "reorg/analysis/flows.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/model/text.hpp"

namespace reorg::render::detail {
namespace {

using model::Model;

std::string range_label(double from, double to, int decimals) {
    return model::format_number(from, decimals) + " – " + model::format_number(to, decimals);
}

// Every post takes its unit's colour and figure.
void posts_from_units(const Model& model, OverlayColours& colours) {
    colours.post_fill.resize(model.posts().size());
    colours.post_value.resize(model.posts().size());
    for (std::size_t p = 0; p < model.posts().size(); ++p) {
        const auto unit = index(model.posts()[p].unit);
        colours.post_fill[p] = colours.unit_fill[unit];
        colours.post_value[p] = colours.unit_value[unit];
    }
}

void findings_overlay(const Model& model, OverlayColours& colours) {
    const auto findings = analysis::analyse_findings(model);
    colours.unit_fill.assign(model.units().size(), "");
    colours.unit_value.assign(model.units().size(), "");
    long long extent = 0;
    for (const auto& unit : findings.units) extent = std::max(extent, std::llabs(unit.net));
    for (const auto& unit : findings.units) {
        if (unit.works.empty() && unit.doesnt_work.empty()) continue;
        const auto u = index(unit.unit);
        colours.unit_fill[u] =
            style::diverging(static_cast<double>(unit.net), static_cast<double>(extent));
        colours.unit_value[u] = "net " + std::to_string(unit.net);
    }
    posts_from_units(model, colours);
    auto entries = style::diverging_entries(static_cast<double>(std::max(extent, 1LL)));
    entries.push_back({std::string(style::kBox), "no findings", "", std::string(style::kInk)});
    colours.legend = style::Legend{"Findings: net score of the unit", std::move(entries)};
    colours.notes.push_back("Net score: Σ severity × count of what works minus what does not.");
}

void betweenness_overlay(const Model& model, const ViewOptions& options, OverlayColours& colours) {
    const bool units = options.view == View::Units || options.view == View::Flows;
    const auto graph = units ? graph::unit_graph(model) : graph::work_graph(model);
    const auto result =
        analysis::betweenness(graph, {.exact_up_to = options.exact_betweenness_up_to});
    const double max =
        result.value.empty() ? 0.0 : *std::max_element(result.value.begin(), result.value.end());
    auto& fill = units ? colours.unit_fill : colours.post_fill;
    auto& value = units ? colours.unit_value : colours.post_value;
    fill.resize(result.value.size());
    value.resize(result.value.size());
    for (std::size_t v = 0; v < result.value.size(); ++v) {
        fill[v] = style::sequential(result.value[v], max);
        value[v] = "betweenness " + model::format_number(result.value[v], 3);
    }
    colours.legend = style::Legend{units ? "Betweenness of the unit" : "Betweenness of the post",
                                   style::sequential_entries(max, [](double from, double to) {
                                       return range_label(from, to, 3);
                                   })};
    colours.notes.push_back(
        result.method == analysis::BetweennessMethod::Exact
            ? std::string("Betweenness: exact, normalised (share of shortest paths through it).")
            : "Betweenness: sampled, each value within ±" +
                  model::format_number(result.epsilon, 4) + " with probability " +
                  model::format_number(1 - result.delta, 2) + ".");
}

void load_overlay(const Model& model, OverlayColours& colours) {
    const auto load = analysis::service_load(model);
    colours.unit_fill.assign(model.units().size(), "");
    colours.unit_value.assign(model.units().size(), "");
    for (const auto& unit : load) {
        const auto u = index(unit.unit);
        colours.unit_fill[u] = style::load_colour(unit.load);
        colours.unit_value[u] =
            "load " + model::format_number(unit.load, 2) + (unit.load > 1.0 ? " OVERLOADED" : "");
    }
    posts_from_units(model, colours);
    auto entries = style::load_entries();
    entries.push_back(
        {std::string(style::kBox), "no capacity given", "", std::string(style::kInk)});
    colours.legend = style::Legend{"Load: yearly volume ÷ capacity", std::move(entries)};
    colours.notes.push_back("Load above 1.00 means more work arrives than the unit can handle.");
}

void spof_overlay(const Model& model, OverlayColours& colours) {
    const auto points = analysis::single_points(model, graph::work_graph(model));
    colours.post_fill.assign(model.posts().size(), "");
    colours.post_value.assign(model.posts().size(), "");
    colours.unit_fill.assign(model.units().size(), "");
    colours.unit_value.assign(model.units().size(), "");
    double max = 1;
    for (const auto& point : points.articulation_points) {
        max = std::max(max, static_cast<double>(point.cut_off));
    }
    std::vector<std::size_t> unit_cut_off(model.units().size(), 0);
    std::vector<bool> unit_has(model.units().size(), false);
    for (const auto& point : points.articulation_points) {
        colours.post_fill[point.vertex] =
            style::sequential(static_cast<double>(point.cut_off), max);
        colours.post_value[point.vertex] =
            "single point: cuts off " + std::to_string(point.cut_off);
        const auto unit = index(model.posts()[point.vertex].unit);
        unit_cut_off[unit] = std::max(unit_cut_off[unit], point.cut_off);
        unit_has[unit] = true;
    }
    for (std::size_t u = 0; u < unit_has.size(); ++u) {
        if (!unit_has[u]) continue;
        colours.unit_fill[u] = style::sequential(static_cast<double>(unit_cut_off[u]), max);
        colours.unit_value[u] = "single point cuts off " + std::to_string(unit_cut_off[u]);
    }
    auto entries = style::sequential_entries(max, [](double from, double to) {
        return range_label(std::ceil(from), std::floor(to), 0) + " posts";
    });
    entries.push_back(
        {std::string(style::kBox), "not a single point of failure", "", std::string(style::kInk)});
    colours.legend = style::Legend{"Single point of failure: posts cut off", std::move(entries)};
    colours.notes.push_back(
        "A single point of failure is a post whose loss splits the work graph; the figure is "
        "the number of posts then cut off.");
}

}  // namespace

OverlayColours overlay_colours(const model::Model& model, const ViewOptions& options) {
    OverlayColours colours;
    switch (options.overlay) {
        case Overlay::None:
            break;
        case Overlay::Findings:
            findings_overlay(model, colours);
            break;
        case Overlay::Betweenness:
            betweenness_overlay(model, options, colours);
            break;
        case Overlay::Load:
            load_overlay(model, colours);
            break;
        case Overlay::Spof:
            spof_overlay(model, colours);
            break;
    }
    return colours;
}

}  // namespace reorg::render::detail
