#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/analysis/findings.hpp"
#include "reorg/model/model.hpp"
#include "reorg/scenario/compare.hpp"
#include "reorg/scenario/scenario.hpp"

namespace reorg::render {
class Graphviz;
}

/// The merger-review report (SPEC §8): what the management group reads. make_report() computes
/// its content once, from the same analyses `stats`, `findings` and `compare` use; the writers
/// (html.hpp, report_json.hpp, workbook.hpp) only lay it out, so that the page, the JSON and
/// the workbook never disagree.
namespace reorg::report {

struct ReportOptions {
    /// Thresholds, betweenness and rules, as `reorg compare` takes them.
    scenario::CompareOptions compare{};
    bool names = false;  ///< people's names in the affected posts and diagrams
    /// Rows of each long table on the page (affected posts, bottlenecks, ...); the JSON and the
    /// workbook list everything. The page says how many it left out.
    std::size_t table_rows = 60;
    /// Above this many posts the diagrams show the unit tree instead of the posts, and a unit
    /// tree above it keeps its top levels (render::ViewOptions::max_nodes).
    std::size_t diagram_posts = 250;
    /// Units with an article of their own on the page, and rows of the figures table (the
    /// table keeps the top levels that fit).
    std::size_t unit_articles = 300;
    std::size_t table_units = 400;
    /// Findings in the table of findings.
    std::size_t table_findings = 2'000;
    /// The overview diagram shows this unit's part of the organisation (a unit id); the whole
    /// organisation, down to the levels that fit, when empty.
    std::optional<std::string> focus{};
    /// What the heading calls the model: its folder or file name.
    std::string source{};
};

/// A diagram of the report: an inline SVG, with units (and findings) linking to their part of
/// the page.
struct Figure {
    std::string key;    ///< "units", "findings", "flows", or "diff"
    std::string title;  ///< "The organisation", ...
    std::string svg;    ///< one <svg> element, without XML prolog or DOCTYPE
};

/// What the page lists, decided once so that every link on it (the diagrams' too) has a
/// target and the page stays readable for a large organisation: the caps of ReportOptions
/// applied.
struct Placement {
    /// By UnitId: the unit has a place on the page (its findings, or its row of the figures
    /// table); a link to a unit without one goes nowhere and is not made.
    std::vector<bool> units;
    /// By PostId: the post has a row of its own (bottlenecks, single points of failure).
    std::vector<bool> posts;
    /// By FindingId: the finding has a row in the table of findings.
    std::vector<bool> findings;
    /// The first this many of Report::findings.units have an article of their own.
    std::size_t unit_articles = 0;
    /// The figures table lists the units down to this depth (1: the top units).
    std::uint32_t table_depth = 0;
    /// The posts of highest betweenness, highest first (at most ReportOptions::table_rows).
    std::vector<model::PostId> bottlenecks;
    /// The articulation points listed (the first ReportOptions::table_rows).
    std::size_t articulation_points = 0;
};

/// The report's content: every figure computed once. Refers to the model and scenarios it was
/// made from, which must outlive it.
struct Report {
    const model::Model* model = nullptr;
    std::span<const scenario::Scenario> scenarios;
    ReportOptions options;
    scenario::Comparison comparison;       ///< the base's figures and each scenario's
    analysis::FindingsAnalysis findings;   ///< of the base
    std::vector<Figure> figures;           ///< of the base
    std::vector<Figure> scenario_figures;  ///< one diff diagram per scenario, in order
    Placement placement;
};

/// Applies and compares the scenarios (scenario::compare), answers the review's questions
/// (analysis::analyze_findings) and draws the diagrams through `graphviz`. Throws InputError as
/// compare() does, RenderError when Graphviz fails.
[[nodiscard]] Report make_report(const model::Model& model,
                                 std::span<const scenario::Scenario> scenarios,
                                 const ReportOptions& options, render::Graphviz& graphviz);

/// The page's anchor of a unit, post or finding of the base: "u12", "p3", "f7" (by index, so
/// that no id, whatever it holds, becomes part of a URL or an HTML id).
[[nodiscard]] std::string anchor(model::UnitId unit);
[[nodiscard]] std::string anchor(model::PostId post);
[[nodiscard]] std::string anchor(model::FindingId finding);

/// A scenario's verdict on one finding of the base for people and the workbook: "resolved",
/// "addressed, not resolved", "broken", "cannot tell", "addressed", "at risk", or empty.
[[nodiscard]] std::string_view verdict_text(const scenario::ScenarioResult& result,
                                            model::FindingId finding);

}  // namespace reorg::report
