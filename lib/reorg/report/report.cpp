#include "reorg/report/report.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/render/graphviz.hpp"
#include "reorg/render/views.hpp"
#include "reorg/report/diff_marks.hpp"

namespace reorg::report {
namespace {

/// The levels of the unit tree (of the focus's part, the focus being level 1): how many there
/// are, and the deepest down to which the tree has at most `boxes` units (at least 1).
struct Levels {
    std::size_t fit = 0;
    std::size_t total = 0;
};
Levels levels(const model::UnitForest& forest, std::optional<model::UnitId> focus,
              std::size_t boxes) {
    std::vector<std::size_t> at_depth;
    const auto top = focus ? forest.depth(*focus) - 1 : 0;  // levels above the focus
    for (const auto u : forest.preorder()) {
        if (focus && !forest.is_ancestor(*focus, u)) continue;
        const auto depth = forest.depth(u) - top;
        if (at_depth.size() < depth) at_depth.resize(depth, 0);
        ++at_depth[depth - 1];
    }
    Levels result{.fit = at_depth.empty() ? 0U : 1U, .total = at_depth.size()};
    std::size_t units = 0;
    for (std::size_t depth = 1; depth <= at_depth.size(); ++depth) {
        units += at_depth[depth - 1];
        if (depth > 1 && units > boxes) break;
        result.fit = depth;
    }
    return result;
}

bool contains(const std::vector<model::FindingId>& list, model::FindingId f) {
    return std::find(list.begin(), list.end(), f) != list.end();
}

/// Graphviz's SVG as an element to inline: without the XML prolog, DOCTYPE and comments that
/// precede the <svg> element.
std::string inline_svg(std::string svg) {
    const auto start = svg.find("<svg");
    if (start != std::string::npos) svg.erase(0, start);
    return svg;
}

std::size_t units_with_flows(const model::Model& model) {
    std::vector<bool> used(model.units().size(), false);
    for (const auto& link : model.links()) {
        if (link.kind != model::LinkKind::Serves) continue;
        for (const auto& end : {link.from, link.to}) {
            if (const auto* unit = std::get_if<model::UnitId>(&end))
                used[model::index(*unit)] = true;
        }
    }
    return static_cast<std::size_t>(std::count(used.begin(), used.end(), true));
}

Placement place(const model::Model& model, const model::UnitForest& forest, const Report& report,
                const ReportOptions& options) {
    Placement placement;
    const auto units = model.units().size();
    placement.units.assign(units, false);
    placement.posts.assign(model.posts().size(), false);
    placement.findings.assign(model.findings().size(), false);

    placement.unit_articles = std::min(options.unit_articles, report.findings.units.size());
    for (std::size_t i = 0; i < placement.unit_articles; ++i) {
        placement.units[model::index(report.findings.units[i].unit)] = true;
    }
    // The deepest level down to which the whole tree fits the table, at least the top units.
    placement.table_depth = static_cast<std::uint32_t>(levels(forest, {}, options.table_units).fit);
    for (const auto u : forest.preorder()) {
        if (forest.depth(u) <= placement.table_depth) placement.units[model::index(u)] = true;
    }

    const auto& figures = report.comparison.base_figures;
    const auto& value = figures.betweenness.value;
    std::vector<model::PostId> ranked;
    ranked.reserve(value.size());
    for (std::size_t p = 0; p < value.size(); ++p) ranked.push_back(model::at<model::PostId>(p));
    const auto top = std::min(options.table_rows, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top),
                      ranked.end(), [&](model::PostId a, model::PostId b) {
                          const auto va = value[model::index(a)];
                          const auto vb = value[model::index(b)];
                          return va != vb ? va > vb : a < b;
                      });
    ranked.resize(top);
    placement.bottlenecks = std::move(ranked);
    for (const auto p : placement.bottlenecks) placement.posts[model::index(p)] = true;
    const auto& cut = figures.single_points.articulation_points;
    placement.articulation_points = std::min(options.table_rows, cut.size());
    for (std::size_t i = 0; i < placement.articulation_points; ++i) {
        placement.posts[cut[i].vertex] = true;
    }
    const auto findings = std::min(options.table_findings, model.findings().size());
    std::fill_n(placement.findings.begin(), findings, true);
    return placement;
}

/// The link to an element of the base where the page has a place for it; a post without one
/// links to its unit.
render::ViewOptions linked_view(const model::Model& model, const ReportOptions& options,
                                const Placement& placement) {
    render::ViewOptions view;
    view.max_nodes = options.diagram_posts;
    view.names = options.names;
    view.unit_link = [&placement](model::UnitId unit) {
        return placement.units[model::index(unit)] ? "#" + anchor(unit) : std::string();
    };
    view.post_link = [&model, &placement](model::PostId post) {
        if (placement.posts[model::index(post)]) return "#" + anchor(post);
        const auto unit = model[post].unit;
        return placement.units[model::index(unit)] ? "#" + anchor(unit) : std::string();
    };
    view.finding_link = [&placement](model::FindingId finding) {
        return placement.findings[model::index(finding)] ? "#" + anchor(finding) : std::string();
    };
    return view;
}

/// The overview's depth: the deepest level down to which the unit tree has at most
/// kOverviewBoxes boxes (at least two levels), or none when the whole tree fits.
constexpr std::size_t kOverviewBoxes = 45;
std::optional<std::size_t> overview_depth(const model::UnitForest& forest,
                                          std::optional<model::UnitId> focus) {
    const auto tree = levels(forest, focus, kOverviewBoxes);
    if (tree.fit == tree.total) return std::nullopt;
    return std::max<std::size_t>(tree.fit, 2);
}

/// The smallest part of the result that holds every post and unit the scenario changed: the
/// deepest unit above all of them, or none when that is a whole tree (or they lie in several).
std::optional<model::UnitId> changed_part(const model::Model& result,
                                          const scenario::Applied& applied) {
    std::vector<model::UnitId> common;  // root → deepest common unit
    bool first = true;
    const auto meet = [&](model::UnitId unit) {
        std::vector<model::UnitId> chain;
        for (std::optional<model::UnitId> u = unit; u; u = result[*u].parent) chain.push_back(*u);
        std::reverse(chain.begin(), chain.end());
        if (first) {
            common = std::move(chain);
            first = false;
            return;
        }
        std::size_t n = 0;
        while (n < common.size() && n < chain.size() && common[n] == chain[n]) ++n;
        common.resize(n);
    };
    for (const auto& change : applied.affected) {
        if (const auto p = result.find_post(change.post)) meet(result[*p].unit);
        if (change.change == scenario::PostChange::Unit) {
            for (const auto* id : {&change.from, &change.to}) {
                if (const auto u = result.find_unit(*id)) meet(*u);
            }
        }
    }
    if (common.size() < 2) return std::nullopt;
    return common.back();
}

}  // namespace

std::string anchor(model::UnitId unit) { return "u" + std::to_string(model::index(unit)); }
std::string anchor(model::PostId post) { return "p" + std::to_string(model::index(post)); }
std::string anchor(model::FindingId finding) { return "f" + std::to_string(model::index(finding)); }

std::string_view verdict_text(const scenario::ScenarioResult& result, model::FindingId finding) {
    const auto& v = result.verdicts;
    if (contains(v.resolved, finding)) return "resolved";
    if (contains(v.addressed_not_resolved, finding)) return "addressed, not resolved";
    if (contains(v.broken, finding)) return "broken";
    if (contains(v.unknown, finding)) return "cannot tell";
    if (contains(result.trace.addressed, finding)) return "addressed";
    if (contains(result.trace.at_risk, finding)) return "at risk";
    return {};
}

Report make_report(const model::Model& model, std::span<const scenario::Scenario> scenarios,
                   const ReportOptions& options, render::Graphviz& graphviz) {
    Report report;
    report.model = &model;
    report.scenarios = scenarios;
    report.options = options;
    report.comparison = scenario::compare(model, scenarios, options.compare);
    const graph::ModelGraphs graphs(model);
    report.findings = analysis::analyze_findings(model, graphs.why());
    const auto& forest = model::unit_forest(model);
    report.placement = place(model, forest, report, options);
    const auto& placement = report.placement;

    const auto draw = [&](const model::Model& drawn, const render::ViewOptions& view,
                          const render::Figures& figures, std::string key, std::string title) {
        const auto diagram = render::make_diagram(drawn, view, figures);
        return Figure{std::move(key), std::move(title),
                      inline_svg(graphviz.render(diagram, render::Format::Svg))};
    };

    auto units = linked_view(model, options, placement);
    units.view = render::View::Units;
    if (options.focus) {
        const auto unit = model.find_unit(*options.focus);
        if (!unit)
            throw OptionError("focus", "no unit has the id " + base::in_backticks(*options.focus));
        units.focus = options.focus;
        units.depth = overview_depth(forest, *unit);
    } else {
        units.depth = overview_depth(forest, std::nullopt);
    }
    units.overlay = model.findings().empty() ? render::Overlay::None : render::Overlay::Findings;
    report.figures.push_back(draw(model, units, render::figures_for(graphs, units), "units",
                                  "The organisation, coloured by what the review found"));
    // The why-graph and the flows are laid out by `dot`: they keep to their views' own limit
    // (the most severe findings, the largest flows), which their headings state.
    if (!model.findings().empty()) {
        auto why = linked_view(model, options, placement);
        why.view = render::View::Findings;
        why.max_nodes.reset();
        render::Figures figures;
        figures.findings = report.findings;
        report.figures.push_back(
            draw(model, why, figures, "findings", "The why-graph: problems and their causes"));
    }
    if (units_with_flows(model) > 0) {
        auto view = linked_view(model, options, placement);
        view.view = render::View::Flows;
        view.max_nodes.reset();
        view.overlay = render::Overlay::Load;
        report.figures.push_back(draw(model, view, render::figures_for(graphs, view), "flows",
                                      "Service flows, units coloured by load"));
    }

    for (const auto& result : report.comparison.scenarios) {
        const auto& applied = result.applied;
        auto view = linked_view(model, options, placement);
        view.view = render::View::Diff;
        // The result's elements link to the base's of the same id, where there is one.
        const auto base_unit = view.unit_link;
        const auto base_post = view.post_link;
        view.unit_link = [&model, &applied, base_unit](model::UnitId unit) {
            const auto base = model.find_unit(applied.model[unit].id);
            return base ? base_unit(*base) : std::string();
        };
        view.post_link = [&model, &applied, base_post](model::PostId post) {
            const auto base = model.find_post(applied.model[post].id);
            return base ? base_post(*base) : std::string();
        };
        std::string title = "What " + result.scenario->name + " changes";
        if (const auto part = changed_part(applied.model, applied)) {
            view.focus = std::string(applied.model[*part].id);
            title += ", in " + std::string(applied.model[*part].name) +
                     " (the part of the organisation it touches)";
        }
        render::Figures figures;
        figures.diff = diff_marks(model, *result.scenario, applied);
        report.scenario_figures.push_back(
            draw(applied.model, view, figures, "diff", std::move(title)));
    }
    return report;
}

}  // namespace reorg::report
