// The two network views: the why-graph of the review's findings and the service flows.
#include "reorg/render/detail/views_impl.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "reorg/analysis/findings.hpp"
#include "reorg/analysis/flows.hpp"
#include "reorg/base/text.hpp"
#include "reorg/graph/views.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/render/style.hpp"

namespace reorg::render::detail {
namespace {

using model::FindingId;
using model::FindingKind;
using model::Model;
using model::PostId;
using model::UnitId;

// Secondary text in a box with a light fill (every fill of the findings view is light).
std::string muted(const std::string& html) {
    return style::muted_html(html, style::ink_on(style::kBox));
}

UnitId unit_of(const Model& model, model::Ref ref) {
    if (const auto* post = std::get_if<PostId>(&ref)) return model[*post].unit;
    return std::get<UnitId>(ref);
}

std::optional<UnitId> focus_unit(const Model& model, const ViewOptions& options) {
    if (!options.focus) return std::nullopt;
    if (const auto unit = model.find_unit(*options.focus)) return unit;
    unknown_focus(*options.focus, "unit");
}

}  // namespace

Diagram findings_view(const Model& model, const ViewOptions& options,
                      const analysis::FindingsAnalysis& analysis) {
    const auto why = graph::why_graph(model);
    const auto count = model.findings().size();

    // Which findings: all, or those about the focus unit (or below it) and their causes, as
    // many steps down the why-chains as the depth allows.
    std::vector<std::size_t> level(count, 0);  // 0: not shown
    std::vector<std::uint32_t> queue;
    const auto focus = focus_unit(model, options);
    const auto& units = model::unit_forest(model);
    for (std::uint32_t f = 0; f < count; ++f) {
        const auto& about = model.findings()[f].about;
        const bool chosen = !focus || std::any_of(about.begin(), about.end(), [&](model::Ref ref) {
            return units.is_ancestor(*focus, unit_of(model, ref));
        });
        if (chosen) {
            level[f] = 1;
            queue.push_back(f);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const auto f = queue[head];
        if (options.depth && level[f] >= *options.depth) continue;
        for (const auto cause : why.because[f]) {
            if (level[cause] == 0) {
                level[cause] = level[f] + 1;
                queue.push_back(cause);
            }
        }
    }

    // Beyond the limit: the most severe of the findings chosen (severity, then how often it
    // was reported), each with its causes, until the limit is reached.
    const auto chosen = static_cast<std::size_t>(
        std::count_if(level.begin(), level.end(), [](std::size_t l) { return l != 0; }));
    const auto limit = box_limit(options);
    if (chosen > limit) {
        std::vector<std::uint32_t> first(queue.begin(), queue.end());
        first.erase(std::remove_if(first.begin(), first.end(),
                                   [&](std::uint32_t f) { return level[f] != 1; }),
                    first.end());
        std::stable_sort(first.begin(), first.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& fa = model.findings()[a];
            const auto& fb = model.findings()[b];
            return std::pair(fa.severity, fa.count) > std::pair(fb.severity, fb.count);
        });
        std::vector<std::size_t> kept(count, 0);
        std::size_t shown = 0;
        std::vector<std::uint32_t> steps;
        for (const auto top : first) {
            if (shown == limit) break;
            if (kept[top] != 0) continue;
            kept[top] = 1;
            ++shown;
            steps.assign(1, top);
            for (std::size_t head = 0; head < steps.size() && shown < limit; ++head) {
                const auto f = steps[head];
                if (options.depth && kept[f] >= *options.depth) continue;
                for (const auto cause : why.because[f]) {
                    if (kept[cause] != 0 || shown == limit) continue;
                    kept[cause] = kept[f] + 1;
                    ++shown;
                    steps.push_back(cause);
                }
            }
        }
        level = std::move(kept);
    }

    std::vector<long long> root_weight(count, -1);
    for (const auto& root : analysis.root_causes) {
        for (const auto cause : root.causes) root_weight[index(cause)] = root.weight;
    }
    std::set<std::pair<std::uint32_t, std::uint32_t>> loop_arcs;
    for (const auto& loop : analysis.loops) {
        for (std::size_t i = 0; i < loop.size(); ++i) {
            loop_arcs.emplace(index(loop[i]), index(loop[(i + 1) % loop.size()]));
        }
    }

    Diagram diagram;
    style::apply_defaults(diagram);
    // Left to right: problem, because, cause; the units stack down the page, which prints.
    diagram.graph.push_back({"rankdir", "LR"});
    diagram.graph.push_back({"nodesep", "0.3"});
    diagram.graph.push_back({"ranksep", "0.5"});
    diagram.graph.push_back({"newrank", "true"});
    std::vector<std::uint32_t> node_of(count, UINT32_MAX);
    std::map<std::size_t, std::vector<std::uint32_t>> by_unit;  // unit index → nodes
    std::size_t shown[3] = {0, 0, 0};
    for (std::uint32_t f = 0; f < count; ++f) {
        if (level[f] == 0) continue;
        const auto& finding = model.findings()[f];
        ++shown[static_cast<std::size_t>(finding.kind)];
        std::string label = style::wrapped_html(finding.statement, 34, 4);
        label += "<BR/>" +
                 muted(style::html_text(finding.id) + " · " +
                       std::string(model::words(finding.kind)) + " · severity " +
                       std::to_string(finding.severity) + " × " + std::to_string(finding.count));
        Attributes attributes;
        std::string fill;
        std::string line;
        switch (finding.kind) {
            case FindingKind::Works:
                fill = style::kWorks;
                line = style::kWorksLine;
                break;
            case FindingKind::DoesntWork:
                fill = style::kDoesnt;
                line = style::kDoesntLine;
                break;
            case FindingKind::Cause:
                fill = style::kCause;
                line = style::kCauseLine;
                attributes.push_back({"shape", "box"});
                attributes.push_back({"style", "filled"});
                break;
        }
        if (root_weight[f] >= 0) {
            label +=
                "<BR/><B>ROOT CAUSE</B>" + muted(" · weight " + std::to_string(root_weight[f]));
            attributes.push_back({"penwidth", "3"});
        }
        attributes.push_back({"label", std::move(label), ValueKind::Html});
        attributes.push_back({"fillcolor", std::move(fill)});
        attributes.push_back({"color", std::move(line)});
        attributes.push_back({"tooltip",
                              std::string(finding.id) + " — " + std::string(finding.statement),
                              ValueKind::Text});
        add_link(attributes, options.finding_link, FindingId{f});
        node_of[f] = diagram.add_node(std::move(attributes));
        if (!finding.about.empty()) {
            by_unit[index(unit_of(model, finding.about.front()))].push_back(node_of[f]);
        }
    }
    for (std::uint32_t f = 0; f < count; ++f) {
        if (node_of[f] == UINT32_MAX) continue;
        for (const auto cause : why.because[f]) {
            if (node_of[cause] == UINT32_MAX) continue;
            Attributes attributes;
            if (loop_arcs.contains({f, cause})) {
                attributes = {{"color", std::string(style::kLoop)}, {"penwidth", "2.2"}};
            }
            diagram.add_edge(node_of[f], node_of[cause], std::move(attributes));
        }
    }
    for (auto& [unit, nodes] : by_unit) {
        const auto& u = model.units()[unit];
        diagram.clusters.push_back(
            {{{"label", std::string(u.name) + " (" + std::string(u.id) + ")", ValueKind::Text},
              {"style", "rounded,filled"},
              {"fillcolor", "#f7f7f7"},
              {"color", "#bdbdbd"},
              {"fontsize", "11"},
              {"fontcolor", std::string(style::kMuted)}},
             std::move(nodes),
             {}});
    }

    Heading heading;
    heading.title = "Why-graph: what works, what doesn't, and why";
    if (focus) heading.title += " — " + std::string(model[*focus].name);
    // A loop of causes is one root cause, however many of its members are drawn.
    std::size_t roots_shown = 0;
    for (const auto& root : analysis.root_causes) {
        roots_shown += std::any_of(root.causes.begin(), root.causes.end(),
                                   [&](FindingId cause) { return level[index(cause)] != 0; });
    }
    const auto loops = std::to_string(analysis.loops.size()) +
                       (analysis.loops_truncated ? " or more loops" : " loops");
    heading.lines.push_back(std::to_string(shown[0]) + " works, " + std::to_string(shown[1]) +
                            " doesn't work, " + std::to_string(shown[2]) + " causes; " +
                            std::to_string(roots_shown) + " root causes; " + loops +
                            " in the whole review.");
    if (chosen > limit) {
        heading.lines.push_back(std::to_string(limit) + " of " + std::to_string(chosen) +
                                " findings shown: the most severe, each with its causes (" +
                                "--max-nodes " + std::to_string(limit) + ").");
    }
    heading.lines.push_back("An arrow points from a finding to what it is because of.");
    heading.legends.push_back(
        {"Findings",
         {{std::string(style::kWorks), "works", "", std::string(style::kWorksLine)},
          {std::string(style::kDoesnt), "doesn't work", "", std::string(style::kDoesntLine)},
          {std::string(style::kCause), "cause", "", std::string(style::kCauseLine)},
          {"", "root cause (thick border)", "bold", std::string(style::kInk)},
          {"", "because", "solid", "#737373"},
          {"", "loop of causes", "bold", std::string(style::kLoop)}}});
    set_heading_with_legends(diagram, std::move(heading), {});
    return diagram;
}

Diagram flows_view(const Model& model, const ViewOptions& options, const OverlayFigures& figures) {
    const auto focus = focus_unit(model, options);
    const auto& units = model::unit_forest(model);
    const auto inside = [&](UnitId unit) { return !focus || units.is_ancestor(*focus, unit); };

    struct Flow {
        UnitId from;
        UnitId to;
        double volume;
    };
    std::vector<Flow> flows;
    double max_volume = 0;
    for (const auto& link : model.links()) {
        if (link.kind != model::LinkKind::Serves) continue;
        const auto from = unit_of(model, link.from);
        const auto to = unit_of(model, link.to);
        if (!inside(from) && !inside(to)) continue;
        const double volume = link.weight.value_or(0);
        flows.push_back({from, to, volume});
        max_volume = std::max(max_volume, volume);
    }

    // Beyond the limit of units: the largest flows whose units still fit.
    const auto all_flows = flows.size();
    const auto limit = box_limit(options);
    {
        std::vector<bool> seen(model.units().size(), false);
        std::size_t units_in_flows = 0;
        for (const auto& flow : flows) {
            for (const auto unit : {flow.from, flow.to}) {
                if (!seen[index(unit)]) {
                    seen[index(unit)] = true;
                    ++units_in_flows;
                }
            }
        }
        if (units_in_flows > limit) {
            std::stable_sort(flows.begin(), flows.end(),
                             [](const Flow& a, const Flow& b) { return a.volume > b.volume; });
            std::fill(seen.begin(), seen.end(), false);
            std::size_t kept_units = 0;
            std::vector<Flow> kept;
            for (const auto& flow : flows) {
                const std::size_t added = (seen[index(flow.from)] ? 0U : 1U) +
                                          (flow.to == flow.from || seen[index(flow.to)] ? 0U : 1U);
                if (kept_units + added > limit) continue;
                seen[index(flow.from)] = seen[index(flow.to)] = true;
                kept_units += added;
                kept.push_back(flow);
            }
            flows = std::move(kept);
        }
    }

    std::vector<double> load(model.units().size(), -1);
    std::vector<double> capacity(model.units().size(), 0);
    for (const auto& unit : analysis::service_load(model)) {
        load[index(unit.unit)] = unit.load;
        capacity[index(unit.unit)] = unit.capacity;
    }

    Diagram diagram;
    style::apply_defaults(diagram);
    diagram.graph.push_back({"rankdir", "LR"});
    diagram.graph.push_back({"nodesep", "0.35"});
    diagram.graph.push_back({"ranksep", "1.1"});
    std::vector<std::uint32_t> node_of(model.units().size(), UINT32_MAX);
    std::vector<bool> used(model.units().size(), false);
    for (const auto& flow : flows) used[index(flow.from)] = used[index(flow.to)] = true;
    std::vector<UnitId> shown;
    for (std::uint32_t u = 0; u < used.size(); ++u) {
        if (used[u]) shown.push_back(model::at<UnitId>(u));
    }
    const auto overlay = overlay_colours(model, figures, false, {}, shown);
    std::size_t overloaded = 0;
    for (std::uint32_t u = 0; u < model.units().size(); ++u) {
        if (!used[u]) continue;
        const auto& unit = model.units()[u];
        std::string fill(unit.kind == model::UnitKind::External ? style::kExternal : style::kBox);
        if (load[u] >= 0) fill = style::load_colour(load[u]);
        const bool own_overlay = !overlay.unit_fill.empty();
        if (own_overlay) {
            const bool external = unit.kind == model::UnitKind::External;
            fill = !overlay.unit_fill[u].empty() ? overlay.unit_fill[u]
                   : external                    ? std::string(style::kExternal)
                                                 : std::string(style::kBox);
        }
        const auto ink = style::ink_on(fill);
        std::string label =
            "<B>" + style::html_text(unit.name) + "</B><BR/>" +
            style::muted_html(
                style::html_text(unit.id) + " · " + std::string(model::to_string(unit.kind)), ink);
        if (load[u] >= 0) {
            label += "<BR/>capacity " + style::compact_amount(capacity[u]) + " · load " +
                     base::format_number(load[u], 2);
            if (load[u] > 1.0) {
                ++overloaded;
                label += R"(<BR/><FONT COLOR=")" + std::string(ink.alert) +
                         R"("><B>OVERLOADED</B></FONT>)";
            }
        }
        if (own_overlay && !overlay.unit_value[u].empty() && options.overlay != Overlay::Load) {
            label += "<BR/>" + style::muted_html(
                                   "<B>" + style::html_text(overlay.unit_value[u]) + "</B>", ink);
        }
        Attributes attributes{
            {"label", std::move(label), ValueKind::Html},
            {"fillcolor", std::move(fill)},
            {"fontcolor", std::string(ink.text)},
            {"tooltip", std::string(unit.id) + " — " + std::string(unit.name), ValueKind::Text}};
        add_link(attributes, options.unit_link, UnitId{u});
        node_of[u] = diagram.add_node(std::move(attributes));
    }
    for (const auto& flow : flows) {
        const double share = max_volume > 0 ? flow.volume / max_volume : 0;
        diagram.add_edge(node_of[index(flow.from)], node_of[index(flow.to)],
                         {{"penwidth", base::format_number(1 + 7 * std::sqrt(share), 2)},
                          {"color", "#4393c3"},
                          {"label", style::compact_amount(flow.volume)},
                          {"fontcolor", "#2166ac"}});
    }

    Heading heading;
    heading.title = "Service flows";
    if (focus) heading.title += " — " + std::string(model[*focus].name);
    heading.lines.push_back(std::to_string(flows.size()) + " flows between " +
                            std::to_string(std::count(used.begin(), used.end(), true)) +
                            " units; " + std::to_string(overloaded) + " overloaded.");
    if (flows.size() < all_flows) {
        heading.lines.push_back(std::to_string(flows.size()) + " of " + std::to_string(all_flows) +
                                " flows shown: the largest, between at most " +
                                std::to_string(limit) + " units (--max-nodes).");
    }
    heading.lines.push_back(
        "Arrows run from the serving unit to the unit served; width and "
        "figure give the yearly volume.");
    if (overlay.legend) {
        set_heading_with_legends(diagram, std::move(heading), overlay);
    } else {
        auto entries = style::load_entries();
        entries.push_back(
            {std::string(style::kBox), "no capacity given", "", std::string(style::kInk)});
        heading.legends.push_back({"Load: yearly volume ÷ capacity", std::move(entries)});
        set_heading_with_legends(diagram, std::move(heading), overlay);
    }
    return diagram;
}

}  // namespace reorg::render::detail
