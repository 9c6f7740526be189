#include "reorg/output/analysis_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <ostream>
#include <string>
#include <string_view>

#include "reorg/output/findings_output.hpp"
#include "reorg/output/text_table.hpp"

namespace reorg::output {
namespace {

using analysis::Betweenness;
using analysis::BetweennessMethod;
using nlohmann::ordered_json;

// Vertices by betweenness, highest first (ties by position), at most `top` (0: all). With a
// top-k run, its ranking comes first.
std::vector<std::uint32_t> ranked(const Betweenness& b, std::size_t top) {
    std::vector<std::uint32_t> order(b.value.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return b.value[x] > b.value[y]; });
    if (top != 0 && order.size() > top) order.resize(top);
    return order;
}

std::string method_text(const Betweenness& b) {
    std::string text = b.method == BetweennessMethod::Exact
                           ? std::string("exact")
                           : fmt::format(
                                 "sampled: {} shortest paths, error at most ±{} with "
                                 "probability {}",
                                 b.samples, b.epsilon, 1 - b.delta);
    if (b.weighted) {
        text += b.integer_weights
                    ? ", weights as distances (compared exactly)"
                    : fmt::format(", weights as distances (equal within a relative {})",
                                  b.relative_tolerance);
    }
    return text;
}

// Said beside the method when --weighted found no weights to use.
constexpr std::string_view kUnweightedFallback =
    "--weighted: no link between posts has a weight other than 1, so distances are unweighted";

std::string post_text(const model::Model& model, model::PostId id) {
    const auto& post = model[id];
    return std::string(post.id) + (post.title.empty() ? "" : " " + std::string(post.title));
}

std::string unit_text(const model::Model& model, model::UnitId id) {
    const auto& unit = model[id];
    return std::string(unit.id) + (unit.name.empty() ? "" : " " + std::string(unit.name));
}

std::string value_text(const Betweenness& b, std::uint32_t v) {
    std::string text = fmt::format("{:.6f}", b.value[v]);
    if (b.method == BetweennessMethod::Sampled && v < b.error.size()) {
        text += fmt::format(" ± {:.6f}", b.error[v]);
    }
    return text;
}

ordered_json ranked_json(const model::Model& model, const Betweenness& b, std::size_t top,
                         bool posts) {
    auto list = ordered_json::array();
    for (const auto v : ranked(b, top)) {
        ordered_json entry{{"id", posts ? model[model::at<model::PostId>(v)].id
                                        : model[model::at<model::UnitId>(v)].id},
                           {"value", b.value[v]}};
        if (b.method == BetweennessMethod::Sampled && v < b.error.size()) {
            entry["error"] = b.error[v];
        }
        list.push_back(std::move(entry));
    }
    return list;
}

ordered_json summary_json(const analysis::DistanceSummary& s, const model::Model& model) {
    return {{"unit", model[s.unit].id}, {"posts", s.posts}, {"min", s.min},
            {"median", s.median},       {"mean", s.mean},   {"max", s.max}};
}

}  // namespace

void write_analysis_json(std::ostream& out, const model::Model& model,
                         const analysis::Bottlenecks& r, const AnalysisOutputOptions& options) {
    const auto& b = r.posts;
    ordered_json betweenness{
        {"method", b.method == BetweennessMethod::Exact ? "exact" : "sampled"},
        {"epsilon", b.epsilon},
        {"delta", b.delta},
        {"samples", b.samples},
        {"weighted", b.weighted},
        {"posts", ranked_json(model, b, options.top, true)},
        {"units", ranked_json(model, r.units, options.top, false)},
    };
    if (!b.integer_weights) betweenness["relative_tolerance"] = b.relative_tolerance;
    if (r.unweighted_fallback) betweenness["note"] = std::string(kUnweightedFallback);
    if (!b.top.empty()) {
        auto top = ordered_json::array();
        for (const auto v : b.top) top.push_back(model[model::at<model::PostId>(v)].id);
        betweenness["top_k"] = {{"posts", top}, {"certain_ranks", b.certain_ranks}};
    }

    auto cut_points = ordered_json::array();
    for (const auto& point : r.single_points.articulation_points) {
        const auto& post = model[model::at<model::PostId>(point.vertex)];
        cut_points.push_back(
            {{"id", post.id}, {"cut_off", point.cut_off}, {"vacant", post.vacant()}});
    }
    auto bridges = ordered_json::array();
    for (const auto& [a, c] : r.single_points.bridges) {
        bridges.push_back(ordered_json::array({model[a].id, model[c].id}));
    }
    auto vacant = ordered_json::array();
    for (const auto post : r.single_points.vacant_articulation_points)
        vacant.push_back(model[post].id);
    auto single_groups = ordered_json::array();
    for (const auto unit : r.single_points.single_member_groups)
        single_groups.push_back(model[unit].id);

    auto unit_cut_points = ordered_json::array();
    for (const auto& point : r.unit_single_points.articulation_points) {
        unit_cut_points.push_back(
            {{"id", model[model::at<model::UnitId>(point.vertex)].id}, {"cut_off", point.cut_off}});
    }
    auto unit_bridges = ordered_json::array();
    for (const auto& [a, c] : r.unit_single_points.bridges) {
        unit_bridges.push_back(ordered_json::array({model[a].id, model[c].id}));
    }

    auto load = ordered_json::array();
    for (const auto& l : r.load) {
        load.push_back({{"unit", model[l.unit].id},
                        {"volume", l.volume},
                        {"capacity", l.capacity},
                        {"load", l.load}});
    }
    const ordered_json constraint =
        r.load.empty()
            ? ordered_json()
            : ordered_json{{"unit", model[r.load.front().unit].id}, {"load", r.load.front().load}};

    auto to_top = ordered_json::array();
    for (const auto& s : r.decision_distance.to_top) to_top.push_back(summary_json(s, model));
    ordered_json distance{{"mean_to_top", r.decision_distance.mean_to_top}, {"to_top", to_top}};
    if (r.to_group) {
        auto to_group = ordered_json::array();
        for (const auto& s : r.decision_distance.to_group)
            to_group.push_back(summary_json(s, model));
        distance["group"] = model[*r.to_group].id;
        distance["to_group"] = to_group;
    }

    ordered_json document{
        {"model_posts", model.posts().size()},
        {"betweenness", betweenness},
        {"articulation_points", cut_points},
        {"bridges", bridges},
        {"vacant_articulation_points", vacant},
        {"single_member_groups", single_groups},
        {"unit_articulation_points", unit_cut_points},
        {"unit_bridges", unit_bridges},
        {"load", load},
        {"constraint", constraint},
        {"decision_distance", distance},
    };
    if (r.min_cut && r.between) {
        const auto& cut = *r.min_cut;
        auto posts = ordered_json::array();
        for (const auto post : cut.posts) posts.push_back(model[post].id);
        auto direct = ordered_json::array();
        for (const auto& [a, c] : cut.direct_links) {
            direct.push_back(ordered_json::array({model[a].id, model[c].id}));
        }
        document["min_cut"] = {{"between", ordered_json::array({model[r.between->first].id,
                                                                model[r.between->second].id})},
                               {"size", cut.posts.size()},
                               {"posts", posts},
                               {"directly_linked", cut.directly_linked},
                               {"direct_links", direct},
                               {"connected", cut.connected}};
    }
    if (r.merge) {
        auto groups = ordered_json::array();
        for (const auto& g : r.overlap) {
            auto in_a = ordered_json::array();
            auto in_b = ordered_json::array();
            for (const auto post : g.in_a) in_a.push_back(model[post].id);
            for (const auto post : g.in_b) in_b.push_back(model[post].id);
            groups.push_back(
                {{"key", g.key}, {"in_a", in_a}, {"in_b", in_b}, {"fte", g.fte}, {"cost", g.cost}});
        }
        document["merger_overlap"] = {
            {"units", ordered_json::array({model[r.merge->first].id, model[r.merge->second].id})},
            {"groups", groups}};
    }
    document["findings"] = ordered_json::parse(findings_json_text(model, r.findings));
    out << document.dump(2) << '\n';
}

void write_analysis_table(std::ostream& out, const model::Model& model,
                          const analysis::Bottlenecks& r, const AnalysisOutputOptions& options) {
    const auto& b = r.posts;
    out << "Bottleneck posts: most shortest working paths run through them\n"
        << "  betweenness " << method_text(b) << "\n";
    if (r.unweighted_fallback) out << "  note: " << kUnweightedFallback << '\n';
    TextTable posts({"rank", "post", "unit", "betweenness"},
                    {Align::Right, Align::Left, Align::Left, Align::Right});
    std::size_t rank = 0;
    for (const auto v : ranked(b, options.top)) {
        const auto id = model::at<model::PostId>(v);
        posts.add_row({std::to_string(++rank), post_text(model, id),
                       std::string(model[model[id].unit].id), value_text(b, v)});
    }
    posts.write(out, 2);
    if (!b.top.empty()) {
        out << fmt::format("  top {}: the first {} ranks are certain with probability {}{}\n",
                           b.top.size(), b.certain_ranks, 1 - b.delta,
                           b.certain_ranks < b.top.size() ? "; the rest are uncertain" : "");
    }

    out << "\nBottleneck units (betweenness on the unit graph, " << method_text(r.units) << ")\n";
    TextTable units({"rank", "unit", "betweenness"}, {Align::Right, Align::Left, Align::Right});
    rank = 0;
    for (const auto v : ranked(r.units, options.top)) {
        units.add_row({std::to_string(++rank), unit_text(model, model::at<model::UnitId>(v)),
                       value_text(r.units, v)});
    }
    units.write(out, 2);

    const auto& spof = r.single_points;
    out << "\nSingle points of failure: posts whose loss cuts others off ("
        << spof.articulation_points.size() << ")\n";
    if (!spof.articulation_points.empty()) {
        TextTable cut({"post", "unit", "cut off", ""},
                      {Align::Left, Align::Left, Align::Right, Align::Left});
        const auto& points = spof.articulation_points;
        const std::size_t shown =
            options.top == 0 ? points.size() : std::min(points.size(), options.top);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto id = model::at<model::PostId>(points[i].vertex);
            cut.add_row({post_text(model, id), std::string(model[model[id].unit].id),
                         std::to_string(points[i].cut_off), model[id].vacant() ? "VACANT" : ""});
        }
        cut.write(out, 2);
        if (shown < points.size()) {
            out << "  ... and " << points.size() - shown
                << " more with smaller cut-offs (--top 0 lists all)\n";
        }
    }
    out << "  bridges (links whose loss splits the organisation): " << spof.bridges.size() << '\n';
    if (!spof.vacant_articulation_points.empty()) {
        out << "  vacant posts that are single points of failure:";
        for (const auto post : spof.vacant_articulation_points) out << ' ' << model[post].id;
        out << '\n';
    }
    if (!spof.single_member_groups.empty()) {
        out << "  groups with a single member:";
        for (const auto unit : spof.single_member_groups) out << ' ' << model[unit].id;
        out << '\n';
    }

    const auto& unit_points = r.unit_single_points.articulation_points;
    out << "\nSingle points of failure between units: units whose loss cuts other units off ("
        << unit_points.size() << ")\n";
    if (!unit_points.empty()) {
        TextTable cut({"unit", "units cut off"}, {Align::Left, Align::Right});
        const std::size_t shown =
            options.top == 0 ? unit_points.size() : std::min(unit_points.size(), options.top);
        for (std::size_t i = 0; i < shown; ++i) {
            cut.add_row({unit_text(model, model::at<model::UnitId>(unit_points[i].vertex)),
                         std::to_string(unit_points[i].cut_off)});
        }
        cut.write(out, 2);
        if (shown < unit_points.size()) {
            out << "  ... and " << unit_points.size() - shown
                << " more with smaller cut-offs (--top 0 lists all)\n";
        }
    }
    out << "  bridges (connections between two units whose loss splits the unit graph): "
        << r.unit_single_points.bridges.size() << '\n';

    if (!r.load.empty()) {
        out << "\nService load: yearly volume against capacity\n";
        TextTable load({"unit", "volume", "capacity", "load", ""},
                       {Align::Left, Align::Right, Align::Right, Align::Right, Align::Left});
        for (const auto& l : r.load) {
            load.add_row({unit_text(model, l.unit), format_amount(l.volume),
                          format_amount(l.capacity), fmt::format("{:.2f}", l.load),
                          l.load > 1.0 ? "OVERLOADED" : ""});
        }
        load.write(out, 2);
        out << fmt::format("  constraint: {} at {:.2f}\n", unit_text(model, r.load.front().unit),
                           r.load.front().load);
    }

    const auto distances = [&](std::string_view title, const auto& summaries) {
        out << '\n' << title << '\n';
        TextTable table({"unit", "posts", "min", "median", "max"},
                        {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
        for (const auto& s : summaries) {
            table.add_row({unit_text(model, s.unit), std::to_string(s.posts), std::to_string(s.min),
                           format_number(s.median, 1), std::to_string(s.max)});
        }
        table.write(out, 2);
    };
    distances(fmt::format("Decision distance: reporting-line hops to the top post (mean {:.2f})",
                          r.decision_distance.mean_to_top),
              r.decision_distance.to_top);
    if (r.to_group) {
        distances("Decision distance to " + unit_text(model, *r.to_group),
                  r.decision_distance.to_group);
    }

    if (r.min_cut && r.between) {
        const auto& cut = *r.min_cut;
        out << "\nMinimum cut between " << unit_text(model, r.between->first) << " and "
            << unit_text(model, r.between->second) << '\n';
        if (cut.directly_linked) {
            out << "  they are directly linked:";
            for (const auto& [a, c] : cut.direct_links)
                out << ' ' << model[a].id << "–" << model[c].id;
            out << '\n';
        } else if (!cut.connected) {
            out << "  they are not connected at all\n";
        } else {
            out << "  " << cut.posts.size() << " posts:";
            for (const auto post : cut.posts) out << ' ' << post_text(model, post) << ';';
            out << '\n';
        }
    }

    if (r.merge) {
        out << "\nMerger overlap: " << unit_text(model, r.merge->first) << " and "
            << unit_text(model, r.merge->second) << " — candidate duplicates\n";
        TextTable overlap({"function", "posts in A", "posts in B", "FTE", "cost"},
                          {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
        for (const auto& g : r.overlap) {
            overlap.add_row({g.key, std::to_string(g.in_a.size()), std::to_string(g.in_b.size()),
                             format_number(g.fte), format_amount(g.cost)});
        }
        overlap.write(out, 2);
    }

    if (!r.findings.root_causes.empty()) {
        out << "\nRoot causes (heaviest first; reorg findings tells the whole story)\n";
        TextTable roots({"weight", "cause"}, {Align::Right, Align::Left});
        for (const auto& root : r.findings.root_causes) {
            // A loop's causes on rows of their own, so that long statements stay readable.
            bool first = true;
            for (const auto cause : root.causes) {
                roots.add_row({first ? std::to_string(root.weight) : "",
                               (first ? "" : "⇄ ") + std::string(model[cause].id) + " " +
                                   std::string(model[cause].statement)});
                first = false;
            }
        }
        roots.write(out, 2);
    }
}

void write_analysis_csv(std::ostream& out, const model::Model& model,
                        const analysis::Bottlenecks& r) {
    std::vector<std::size_t> cut_off(model.posts().size(), 0);
    std::vector<bool> articulation(model.posts().size(), false);
    for (const auto& point : r.single_points.articulation_points) {
        articulation[point.vertex] = true;
        cut_off[point.vertex] = point.cut_off;
    }
    write_csv_row(out, std::vector<std::string>{"post", "title", "unit", "betweenness", "error",
                                                "articulation_point", "cut_off", "vacant"});
    for (std::size_t p = 0; p < model.posts().size(); ++p) {
        const auto& post = model.posts()[p];
        write_csv_row(out,
                      std::vector<std::string>{
                          std::string(post.id), std::string(post.title),
                          std::string(model[post.unit].id), fmt::format("{}", r.posts.value[p]),
                          p < r.posts.error.size() ? fmt::format("{}", r.posts.error[p]) : "0",
                          articulation[p] ? "true" : "false", std::to_string(cut_off[p]),
                          post.vacant() ? "true" : "false"});
    }
}

}  // namespace reorg::output
