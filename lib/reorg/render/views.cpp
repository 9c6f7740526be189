#include "reorg/render/views.hpp"

#include <array>
#include <stdexcept>
#include <utility>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/render/detail/views_impl.hpp"
#include "reorg/render/style.hpp"

namespace reorg::render {
namespace {

using namespace std::string_view_literals;

constexpr std::array kViews = {std::pair{View::Posts, "posts"sv}, std::pair{View::Units, "units"sv},
                               std::pair{View::Findings, "findings"sv},
                               std::pair{View::Flows, "flows"sv}, std::pair{View::Diff, "diff"sv}};
constexpr std::array kOverlays = {
    std::pair{Overlay::None, "none"sv}, std::pair{Overlay::Findings, "findings"sv},
    std::pair{Overlay::Betweenness, "betweenness"sv}, std::pair{Overlay::Load, "load"sv},
    std::pair{Overlay::Spof, "spof"sv}};
constexpr std::array kLayouts = {std::pair{LayoutChoice::Auto, "auto"sv},
                                 std::pair{LayoutChoice::Dot, "dot"sv},
                                 std::pair{LayoutChoice::Tree, "tree"sv}};

template <class Table>
auto parse(const Table& table, std::string_view name) noexcept
    -> std::optional<typename Table::value_type::first_type> {
    for (const auto& [value, spelling] : table) {
        if (base::iequals_ascii(base::trim(name), spelling)) return value;
    }
    return std::nullopt;
}

template <class Table, class Value>
std::string_view spell(const Table& table, Value value) noexcept {
    for (const auto& [entry, spelling] : table) {
        if (entry == value) return spelling;
    }
    return {};
}

}  // namespace

std::optional<View> parse_view(std::string_view name) noexcept { return parse(kViews, name); }
std::optional<Overlay> parse_overlay(std::string_view name) noexcept {
    return parse(kOverlays, name);
}
std::optional<LayoutChoice> parse_layout(std::string_view name) noexcept {
    return parse(kLayouts, name);
}
std::string_view to_string(View view) noexcept { return spell(kViews, view); }
std::string_view to_string(Overlay overlay) noexcept { return spell(kOverlays, overlay); }

Figures figures_for(const graph::ModelGraphs& graphs, const ViewOptions& options,
                    const analysis::BetweennessOptions& betweenness) {
    Figures figures;
    if (options.view == View::Findings) {
        figures.findings = analysis::analyze_findings(graphs.model(), graphs.why());
    } else if (options.view != View::Diff) {
        figures.overlay = overlay_figures(graphs, options.overlay, betweenness);
    }
    return figures;
}

Diagram make_diagram(const model::Model& model, const ViewOptions& options,
                     const Figures& figures) {
    if (options.depth && *options.depth == 0) {
        throw OptionError("depth", "depth must be at least 1 (the focus alone)");
    }
    if (options.view == View::Findings) {
        if (options.overlay != Overlay::None) {
            throw OptionError("overlay",
                              "the findings view is coloured by kind of finding; overlays apply "
                              "to the posts, units and flows views");
        }
        return detail::findings_view(model, options, figures.findings);
    }
    if (options.view == View::Diff) {
        if (options.overlay != Overlay::None) {
            throw OptionError("overlay",
                              "the diff view is coloured by what changed; overlays apply to the "
                              "posts, units and flows views");
        }
        if (!figures.diff) {
            throw std::invalid_argument("make_diagram: the diff view needs the scenario's marks");
        }
        return detail::posts_view(model, options, {}, &*figures.diff);
    }
    if (figures.overlay.overlay != options.overlay) {
        // A caller's mistake, not the user's: the figures of another overlay were passed.
        throw std::invalid_argument("make_diagram: the figures are not those of the " +
                                    std::string(to_string(options.overlay)) + " overlay");
    }
    const auto& overlay = figures.overlay;
    switch (options.view) {
        case View::Posts:
            return detail::posts_view(model, options, overlay);
        case View::Units:
            return detail::units_view(model, options, overlay);
        case View::Flows:
            return detail::flows_view(model, options, overlay);
        case View::Findings:
        case View::Diff:
            break;
    }
    return detail::findings_view(model, options, figures.findings);
}

namespace detail {

std::vector<style::LegendNode> set_heading(Diagram& diagram, Heading heading,
                                           const OverlayColours& overlay) {
    for (const auto& note : overlay.notes) heading.lines.push_back(note);
    if (overlay.legend) heading.legends.push_back(*overlay.legend);
    diagram.graph.push_back(
        {"label", style::heading_html(heading.title, heading.lines), ValueKind::Html});
    std::vector<style::LegendNode> legends;
    for (const auto& legend : heading.legends) legends.push_back(style::legend_node(legend));
    return legends;
}

void set_heading_with_legends(Diagram& diagram, Heading heading, const OverlayColours& overlay) {
    for (const auto& note : overlay.notes) heading.lines.push_back(note);
    if (overlay.legend) heading.legends.push_back(*overlay.legend);
    diagram.graph.push_back(
        {"label", style::heading_with_legends_html(heading.title, heading.lines, heading.legends),
         ValueKind::Html});
}

void unknown_focus(const std::string& focus, const char* what) {
    throw OptionError("focus", "no " + std::string(what) + " with id '" + focus + "' in the model");
}

}  // namespace detail
}  // namespace reorg::render
