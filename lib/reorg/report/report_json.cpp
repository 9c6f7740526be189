#include "reorg/report/report_json.hpp"

#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>

#include "reorg/output/compare_output.hpp"
#include "reorg/output/findings_output.hpp"
#include "reorg/output/structure_output.hpp"
#include "reorg/version.hpp"

namespace reorg::report {
namespace {

using nlohmann::ordered_json;

// The report's own figures; the structure, findings and comparison objects are those of
// `stats --json`, `findings --json` and `compare --json`, spliced in as they write them.
ordered_json bottlenecks_json(const Report& report) {
    const auto& model = *report.model;
    const auto& figures = report.comparison.base_figures;
    ordered_json posts = ordered_json::array();
    for (const auto p : report.placement.bottlenecks) {
        const auto& post = model[p];
        posts.push_back({{"post", std::string(post.id)},
                         {"title", std::string(post.title)},
                         {"unit", std::string(model[post.unit].id)},
                         {"betweenness", figures.betweenness.value[model::index(p)]},
                         {"vacant", post.vacant()}});
    }
    ordered_json load = ordered_json::array();
    for (const auto& l : figures.load) {
        load.push_back({{"unit", std::string(model[l.unit].id)},
                        {"volume", l.volume},
                        {"capacity", l.capacity},
                        {"load", l.load}});
    }
    const auto& sp = figures.single_points;
    ordered_json cut = ordered_json::array();
    for (const auto& c : sp.articulation_points) {
        const auto& post = model[model::at<model::PostId>(c.vertex)];
        cut.push_back(
            {{"post", std::string(post.id)}, {"cut_off", c.cut_off}, {"vacant", post.vacant()}});
    }
    ordered_json bridges = ordered_json::array();
    for (const auto& [a, b] : sp.bridges) {
        bridges.push_back({std::string(model[a].id), std::string(model[b].id)});
    }
    ordered_json groups = ordered_json::array();
    for (const auto g : sp.single_member_groups) groups.push_back(std::string(model[g].id));
    return {
        {"betweenness_method",
         figures.betweenness.method == analysis::BetweennessMethod::Exact ? "exact" : "sampled"},
        {"betweenness_epsilon", figures.betweenness.epsilon},
        {"top_posts", std::move(posts)},
        {"load", std::move(load)},
        {"articulation_points", std::move(cut)},
        {"bridges", std::move(bridges)},
        {"single_member_groups", std::move(groups)},
        {"decision_distance_mean", figures.decision_distance.mean_to_top}};
}

}  // namespace

void write_report_json(std::ostream& out, const Report& report) {
    const auto& model = *report.model;
    ordered_json about = {{"generator", "reorg"},
                          {"version", std::string(kVersion)},
                          {"source", report.options.source},
                          {"names", report.options.names}};
    ordered_json scenarios = ordered_json::array();
    for (const auto& s : report.scenarios) scenarios.push_back(s.file);
    about["scenarios"] = std::move(scenarios);

    out << "{\n\"report\": " << about.dump() << ",\n\"structure\": ";
    output::write_structure_json(out, model, report.comparison.base_figures.structure);
    output::FindingsOutputOptions findings;
    findings.checks = &report.comparison.base_checks;
    out << ",\n\"findings\": " << output::findings_json_text(model, report.findings, findings)
        << ",\n\"bottlenecks\": " << bottlenecks_json(report).dump() << ",\n\"comparison\": ";
    output::CompareOutputOptions compare;
    compare.names = report.options.names;
    output::write_compare_json(out, report.comparison, compare);
    out << "}\n";
}

}  // namespace reorg::report
