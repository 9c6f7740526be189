#include "reorg/render/overlay.hpp"

#include "reorg/render/detail/overlay.hpp"

#include <algorithm>
#include <cmath>

#include "reorg/analysis/centrality.hpp"
#include "reorg/analysis/cut_points.hpp"
#include "reorg/analysis/findings.hpp"
#include "reorg/analysis/flows.hpp"
#include "reorg/base/text.hpp"
#include "reorg/graph/views.hpp"

namespace reorg::render {
namespace {

using model::Model;

std::string range_label(double from, double to, int decimals) {
    return base::format_number(from, decimals) + " – " + base::format_number(to, decimals);
}

// Posts take their unit's figure.
void posts_from_units(const Model& model, OverlayFigures& figures) {
    figures.post.resize(model.posts().size());
    for (std::size_t p = 0; p < model.posts().size(); ++p) {
        figures.post[p] = figures.unit[index(model.posts()[p].unit)];
    }
}

void note(OverlayFigures& figures, const std::string& line) {
    figures.notes_on_posts.push_back(line);
    figures.notes_on_units.push_back(line);
}

std::string betweenness_note(const analysis::Betweenness& used) {
    return used.method == analysis::BetweennessMethod::Exact
               ? std::string("Betweenness: the share of shortest paths through it (exact).")
               : "Betweenness: the share of shortest paths through it, sampled: each value within "
                 "±" +
                     base::format_number(used.epsilon, 4) + " with probability " +
                     base::format_number(1 - used.delta, 2) + ".";
}

// The sequential scale over the whole numbers 1..max (posts cut off), one entry per colour that
// some number takes, labelled with exactly the numbers it covers.
std::vector<style::LegendEntry> whole_number_entries(double max) {
    std::vector<style::LegendEntry> entries;
    const auto last = static_cast<long long>(max);
    const auto label = [](long long from, long long to) {
        const auto posts = to == 1 ? " post" : " posts";
        return from == to ? std::to_string(from) + posts
                          : std::to_string(from) + " – " + std::to_string(to) + posts;
    };
    long long from = 1;
    for (long long v = 1; v <= last; ++v) {
        const auto colour = style::sequential(static_cast<double>(v), max);
        if (v == last || style::sequential(static_cast<double>(v + 1), max) != colour) {
            entries.push_back({colour, label(from, v), "", std::string(style::kInk)});
            from = v + 1;
        }
    }
    return entries;
}

std::string figure_text(Overlay overlay, double value) {
    switch (overlay) {
        case Overlay::Findings:
            return "net " + base::format_number(value, 0);
        case Overlay::Betweenness:
            return "betweenness " + base::format_number(value, 3);
        case Overlay::Load:
            return "load " + base::format_number(value, 2) + (value > 1.0 ? " OVERLOADED" : "");
        case Overlay::Spof:
            return "single point: cuts off " + base::format_number(value, 0);
        case Overlay::None:
            break;
    }
    return {};
}

}  // namespace

OverlayFigures findings_overlay(const Model& model, const analysis::FindingsAnalysis& findings) {
    OverlayFigures figures{.overlay = Overlay::Findings};
    figures.unit.assign(model.units().size(), std::nullopt);
    for (const auto& unit : findings.units) {
        if (unit.works.empty() && unit.doesnt_work.empty()) continue;
        figures.unit[index(unit.unit)] = static_cast<double>(unit.net);
    }
    posts_from_units(model, figures);
    note(figures,
         "Net score of each unit's own findings: Σ severity × count of what works minus what "
         "does not.");
    return figures;
}

OverlayFigures betweenness_overlay(const analysis::Betweenness& posts,
                                   const analysis::Betweenness& units) {
    // A post on no shortest path between others stays white: nothing to see there.
    const auto nonzero = [](const std::vector<double>& values) {
        std::vector<std::optional<double>> result(values.size());
        for (std::size_t v = 0; v < values.size(); ++v) {
            if (values[v] > 0) result[v] = values[v];
        }
        return result;
    };
    return {.overlay = Overlay::Betweenness,
            .post = nonzero(posts.value),
            .unit = nonzero(units.value),
            .notes_on_posts = {betweenness_note(posts)},
            .notes_on_units = {betweenness_note(units)}};
}

OverlayFigures load_overlay(const Model& model, std::span<const analysis::UnitLoad> load) {
    OverlayFigures figures{.overlay = Overlay::Load};
    figures.unit.assign(model.units().size(), std::nullopt);
    for (const auto& unit : load) figures.unit[index(unit.unit)] = unit.load;
    posts_from_units(model, figures);
    note(figures, "Load above 1.00 means more work arrives than the unit can handle.");
    return figures;
}

OverlayFigures spof_overlay(const Model& model, const analysis::SinglePoints& single_points) {
    OverlayFigures figures{.overlay = Overlay::Spof};
    figures.post.assign(model.posts().size(), std::nullopt);
    figures.unit.assign(model.units().size(), std::nullopt);
    for (const auto& point : single_points.articulation_points) {
        const auto cut_off = static_cast<double>(point.cut_off);
        figures.post[point.vertex] = cut_off;
        auto& unit = figures.unit[index(model.posts()[point.vertex].unit)];
        unit = std::max(unit.value_or(0), cut_off);
    }
    note(figures,
         "A single point of failure is a post whose loss splits the work graph; the figure is "
         "how many posts it would cut off.");
    return figures;
}

OverlayFigures overlay_figures(const Model& model, const analysis::Bottlenecks& bottlenecks,
                               Overlay overlay) {
    switch (overlay) {
        case Overlay::None:
            break;
        case Overlay::Findings:
            return findings_overlay(model, bottlenecks.findings);
        case Overlay::Betweenness:
            return betweenness_overlay(bottlenecks.posts, bottlenecks.units);
        case Overlay::Load:
            return load_overlay(model, bottlenecks.load);
        case Overlay::Spof:
            return spof_overlay(model, bottlenecks.single_points);
    }
    return {};
}

OverlayFigures overlay_figures(const graph::ModelGraphs& graphs, Overlay overlay,
                               const analysis::BetweennessOptions& options) {
    const auto& model = graphs.model();
    switch (overlay) {
        case Overlay::None:
            break;
        case Overlay::Findings:
            return findings_overlay(model, analysis::analyze_findings(model, graphs.why()));
        case Overlay::Betweenness:
            return betweenness_overlay(analysis::post_betweenness(graphs, options),
                                       analysis::unit_betweenness(graphs, options));
        case Overlay::Load:
            return load_overlay(model, analysis::service_load(model));
        case Overlay::Spof:
            return spof_overlay(model, analysis::single_points(model, graphs.work()));
    }
    return {};
}

namespace detail {

OverlayColours overlay_colours(const Model& model, const OverlayFigures& figures, bool on_posts,
                               std::span<const model::PostId> shown_posts,
                               std::span<const model::UnitId> shown_units) {
    OverlayColours colours;
    if (figures.overlay == Overlay::None) return colours;
    colours.notes = on_posts ? figures.notes_on_posts : figures.notes_on_units;
    colours.post_fill.assign(model.posts().size(), "");
    colours.post_value.assign(model.posts().size(), "");
    colours.unit_fill.assign(model.units().size(), "");
    colours.unit_value.assign(model.units().size(), "");

    // The scale spans the figures of what is drawn: posts, or units.
    double extent = 0;  // largest magnitude drawn
    double whole = 0;   // largest magnitude anywhere
    const auto& scaled = on_posts ? figures.post : figures.unit;
    for (const auto& value : scaled) whole = std::max(whole, std::fabs(value.value_or(0)));
    const auto extend = [&](const std::optional<double>& value) {
        extent = std::max(extent, std::fabs(value.value_or(0)));
    };
    if (on_posts) {
        for (const auto p : shown_posts) extend(figures.post[index(p)]);
    } else {
        for (const auto u : shown_units) extend(figures.unit[index(u)]);
    }

    const auto colour = [&](double value) {
        switch (figures.overlay) {
            case Overlay::Findings:
                return style::diverging(value, extent);
            case Overlay::Load:
                return style::load_colour(value);
            default:
                return style::sequential(value, extent);
        }
    };
    for (const auto p : shown_posts) {
        if (const auto& value = figures.post[index(p)]) {
            colours.post_fill[index(p)] = colour(*value);
            colours.post_value[index(p)] = figure_text(figures.overlay, *value);
        }
    }
    for (const auto u : shown_units) {
        if (const auto& value = figures.unit[index(u)]) {
            colours.unit_fill[index(u)] = colour(*value);
            colours.unit_value[index(u)] = figure_text(figures.overlay, *value);
        }
    }

    const std::string of = on_posts ? "post" : "unit";
    // With nothing to colour a scale would read "-1 to -1, 0 to 0": say so in words instead.
    const auto any_figure = [](const std::vector<std::optional<double>>& values, auto&& ids) {
        return std::any_of(ids.begin(), ids.end(),
                           [&](auto id) { return values[index(id)].has_value(); });
    };
    const bool drawn =
        on_posts ? any_figure(figures.post, shown_posts) : any_figure(figures.unit, shown_units);
    if (!drawn) {
        const bool anywhere = std::any_of(figures.post.begin(), figures.post.end(),
                                          [](const auto& v) { return v.has_value(); }) ||
                              std::any_of(figures.unit.begin(), figures.unit.end(),
                                          [](const auto& v) { return v.has_value(); });
        const std::string where =
            anywhere ? "none of the " + of + "s drawn here has " : "this model has ";
        switch (figures.overlay) {
            case Overlay::Findings:
                colours.notes.push_back(anywhere ? "Findings overlay: " + where +
                                                       "findings about it: nothing to colour."
                                                 : "Findings overlay: no findings in this "
                                                   "model: nothing to colour.");
                break;
            case Overlay::Betweenness:
                colours.notes.push_back("Betweenness overlay: every " + of +
                                        " drawn has betweenness 0 (on no path between others): "
                                        "nothing to colour.");
                break;
            case Overlay::Load:
                colours.notes.push_back(
                    anywhere ? "Load overlay: " + where + "a capacity: nothing to colour."
                             : "Load overlay: no unit in this model has a capacity: nothing to "
                               "colour.");
                break;
            case Overlay::Spof:
                colours.notes.push_back(anywhere ? "Single points of failure: none among the " +
                                                       of + "s drawn here."
                                                 : "Single points of failure: none in this model.");
                break;
            case Overlay::None:
                break;
        }
        return colours;
    }
    const style::LegendEntry none{std::string(style::kBox), "", "", std::string(style::kInk)};
    style::Legend legend;
    switch (figures.overlay) {
        case Overlay::Findings:
            legend.title = "Findings: net score of the unit";
            legend.entries = style::diverging_entries(std::max(extent, 1.0));
            legend.entries.push_back(none);
            legend.entries.back().label = "no findings";
            break;
        case Overlay::Betweenness:
            legend.title = "Betweenness of the " + of;
            if (extent > 0) {
                legend.entries = style::sequential_entries(
                    extent, [](double from, double to) { return range_label(from, to, 3); });
            }
            legend.entries.push_back(none);
            legend.entries.back().label = "0: on no path between others";
            break;
        case Overlay::Load:
            legend.title = "Load: yearly volume ÷ capacity";
            legend.entries = style::load_entries();
            legend.entries.push_back(none);
            legend.entries.back().label = "no capacity given";
            break;
        case Overlay::Spof:
            legend.title = "Single point of failure: posts cut off";
            legend.entries = whole_number_entries(extent);
            legend.entries.push_back(none);
            legend.entries.back().label = "not a single point of failure";
            break;
        case Overlay::None:
            break;
    }
    colours.legend = std::move(legend);
    if (figures.overlay != Overlay::Load && extent < whole) {
        colours.notes.push_back(
            "The colours span the figures drawn here (up to " + base::format_number(extent, 3) +
            "); the highest in the whole organisation is " + base::format_number(whole, 3) + ".");
    }
    return colours;
}

}  // namespace detail
}  // namespace reorg::render
