#include "reorg/report/html.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/escape.hpp"
#include "reorg/base/text.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/output/compare_output.hpp"
#include "reorg/report/detail/page_assets.hpp"
#include "reorg/version.hpp"

namespace reorg::report {
namespace {

using base::format_amount;
using base::format_number;
using model::FindingId;
using model::FindingKind;
using model::PostId;
using model::UnitId;

/// How many items a summary names: the biggest problems, root causes.
constexpr std::size_t kSummaryItems = 5;
/// Paths shown per why-chain, and why-chains shown.
constexpr std::size_t kPathsShown = 3;
constexpr std::size_t kChainsShown = 60;
/// Entries of the search index: every unit and post up to this many (posts first by place).
constexpr std::size_t kSearchEntries = 60'000;

/// A count as people read it: 1 000 000.
std::string whole(std::size_t n) { return format_amount(static_cast<double>(n)); }

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
    return whole(n) + " " + std::string(n == 1 ? one : many);
}

std::string signed_amount(double value) {
    if (value == 0) return "±0";
    return (value > 0 ? "+" : "−") + format_amount(std::abs(value));
}

std::string signed_number(double value, int decimals) {
    if (value == 0) return "±0";
    return (value > 0 ? "+" : "−") + format_number(std::abs(value), decimals);
}

/// Builds the page as one string: escaped text, markup, and the anchors placed.
class Page {
public:
    explicit Page(const Report& report)
        : r_(report),
          m_(*report.model),
          c_(report.comparison),
          p_(report.placement),
          forest_(model::unit_forest(m_)),
          article_(m_.units().size(), false) {
        for (std::size_t i = 0; i < p_.unit_articles; ++i) {
            article_[model::index(r_.findings.units[i].unit)] = true;
        }
    }

    std::string write() {
        head();
        summary();
        organisation();
        three_questions();
        causes();
        bottlenecks();
        scenarios();
        traceability();
        tail();
        return std::move(out_);
    }

private:
    const Report& r_;
    const model::Model& m_;
    const scenario::Comparison& c_;
    const Placement& p_;
    const model::UnitForest& forest_;
    std::vector<bool> article_;  ///< by UnitId: the unit has an article among its findings
    std::string out_;

    // Markup ----------------------------------------------------------------------------

    void raw(std::string_view markup) { out_ += markup; }
    void text(std::string_view text) { base::append_xml(out_, text); }

    /// A numeric cell, sortable by its exact value.
    void num_cell(double value, std::string_view shown) {
        raw("<td class=\"n\" data-v=\"");
        raw(base::exact_number(value));
        raw("\">");
        text(shown);
        raw("</td>");
    }
    void num_cell(double value, int decimals) { num_cell(value, format_number(value, decimals)); }
    void amount_cell(double value) { num_cell(value, format_amount(value)); }
    void text_cell(std::string_view value) {
        raw("<td>");
        text(value);
        raw("</td>");
    }
    void header_row(std::initializer_list<std::string_view> cells,
                    std::initializer_list<std::size_t> numeric = {}) {
        raw("<thead><tr>");
        std::size_t i = 0;
        for (const auto cell : cells) {
            const bool n = std::find(numeric.begin(), numeric.end(), i) != numeric.end();
            raw(n ? "<th class=\"n\">" : "<th>");
            text(cell);
            raw("</th>");
            ++i;
        }
        raw("</tr></thead>");
    }
    /// "… and 12 more (report.json and report.xlsx list all)".
    void left_out(std::size_t shown, std::size_t total) {
        if (shown >= total) return;
        raw("<p class=\"note\">");
        text(std::to_string(shown) + " of " + std::to_string(total) +
             " shown; report.json and report.xlsx list all.");
        raw("</p>");
    }

    void section(std::string_view id, std::string_view heading) {
        raw("<section class=\"part\" id=\"");
        raw(id);
        raw("\"><h2>");
        text(heading);
        raw("</h2>");
    }
    void end_section() { raw("</section>\n"); }

    // Links to the model's elements ------------------------------------------------------

    void unit_link(UnitId u) {
        const auto& unit = m_[u];
        if (p_.units[model::index(u)]) {
            raw("<a href=\"#" + anchor(u) + "\">");
            text(unit.name);
            raw("</a>");
        } else {
            text(unit.name);
        }
    }
    void unit_named(UnitId u) {
        unit_link(u);
        raw(" <span class=\"id\">");
        text(m_[u].id);
        raw("</span>");
    }
    void post_named(PostId p) {
        const auto& post = m_[p];
        const auto place = p_.posts[model::index(p)]           ? anchor(p)
                           : p_.units[model::index(post.unit)] ? anchor(post.unit)
                                                               : std::string();
        if (!place.empty()) raw("<a href=\"#" + place + "\">");
        text(post.title);
        if (!place.empty()) raw("</a>");
        raw(" <span class=\"id\">");
        text(post.id);
        raw("</span>");
    }
    void finding_id(FindingId f) {
        if (p_.findings[model::index(f)]) {
            raw("<a class=\"id\" href=\"#" + anchor(f) + "\">");
            text(m_[f].id);
            raw("</a>");
        } else {
            raw("<span class=\"id\">");
            text(m_[f].id);
            raw("</span>");
        }
    }
    /// "F03 The IT office cannot keep up (severity 4 × 3)".
    void finding_item(FindingId f, bool weight = true) {
        raw("<li>");
        finding_id(f);
        raw(" ");
        text(m_[f].statement);
        if (weight) {
            raw(" <span class=\"muted\">(");
            text(std::to_string(analysis::weight(m_[f])));
            raw(")</span>");
        }
        raw("</li>");
    }
    void finding_list(const std::vector<FindingId>& findings) {
        raw("<ul class=\"findings\">");
        for (const auto f : findings) finding_item(f);
        raw("</ul>");
    }
    /// What a finding is about, by name.
    void about(const model::Finding& finding) {
        bool first = true;
        for (const auto& ref : finding.about) {
            if (!first) raw(", ");
            first = false;
            if (const auto* u = std::get_if<UnitId>(&ref)) {
                unit_link(*u);
            } else {
                post_named(std::get<PostId>(ref));
            }
        }
    }

    void figure(const Figure& f) {
        raw("<figure><div class=\"diagram\">");
        raw(f.svg);  // Graphviz's SVG, whose texts the renderer escaped
        raw("</div><figcaption>");
        text(f.title);
        raw(". Units link to their part of this page.</figcaption></figure>");
    }

    std::size_t doesnt_work() const {
        return static_cast<std::size_t>(
            std::count_if(m_.findings().begin(), m_.findings().end(),
                          [](const auto& f) { return f.kind == FindingKind::DoesntWork; }));
    }
    std::size_t of_kind(FindingKind kind) const {
        return static_cast<std::size_t>(
            std::count_if(m_.findings().begin(), m_.findings().end(),
                          [&](const auto& f) { return f.kind == kind; }));
    }
    /// The largest unit tree's top (external partners are trees of their own), else the source.
    std::string organisation_name() const {
        std::optional<UnitId> top;
        std::size_t most = 0;
        for (const auto& u : c_.base_figures.structure.by_unit) {
            if (m_[u.unit].parent || m_[u.unit].kind == model::UnitKind::External) continue;
            if (!top || u.rollup.posts > most) {
                top = u.unit;
                most = u.rollup.posts;
            }
        }
        if (top) return std::string(m_[*top].name);
        return r_.options.source.empty() ? std::string("The organisation") : r_.options.source;
    }

    // Sections --------------------------------------------------------------------------

    void head() {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
            "<title>");
        text("Merger review — " + organisation_name());
        raw("</title><style>");
        raw(detail::kStyle);
        raw("</style></head>\n<body>\n<header class=\"top\"><h1>");
        text("Merger review: " + organisation_name());
        raw("</h1><p>");
        const auto& s = c_.base_figures.structure;
        std::string line =
            count_of(s.posts, "post", "posts") + " in " + count_of(s.units, "unit", "units") +
            ", " + count_of(m_.findings().size(), "finding", "findings") + " of the review, " +
            count_of(c_.scenarios.size(), "scenario", "scenarios");
        if (!r_.options.source.empty()) line += " — from " + r_.options.source;
        text(line);
        raw("</p><p>");
        text(r_.options.names ? "This report shows people's names (made with --names)."
                              : "No person's name is shown: posts are named by title, holders "
                                "only as filled or vacant (--names shows them).");
        raw("</p></header>\n<nav class=\"toc\">");
        for (const auto& [id, name] : {std::pair{"summary", "Summary"},
                                       {"figures", "The organisation in figures"},
                                       {"units", "What works, what doesn't, and why"},
                                       {"causes", "Root causes"},
                                       {"bottlenecks", "Bottlenecks"},
                                       {"scenarios", "Scenarios"},
                                       {"traceability", "Traceability"}}) {
            raw("<a href=\"#");
            raw(id);
            raw("\">");
            text(name);
            raw("</a>");
        }
        raw("</nav>\n<form class=\"search\" role=\"search\" onsubmit=\"return false\">"
            "<label for=\"search\" class=\"muted\">Find a unit or post </label>"
            "<input type=\"search\" id=\"search\" placeholder=\"name, title or id\" "
            "autocomplete=\"off\"><ol id=\"search-results\"></ol></form>\n");
    }

    void summary() {
        section("summary", "Summary");
        const auto& s = c_.base_figures.structure;
        raw("<p class=\"lead\">");
        text("The organisation has " + count_of(s.posts, "post", "posts") + " (" + whole(s.vacant) +
             " vacant) in " + count_of(s.units, "unit", "units") + ": " + format_number(s.fte, 1) +
             " FTE costing " + format_amount(s.cost) + " a year. " +
             count_of(s.managers, "manager", "managers") + " lead with a median span of " +
             format_number(s.span.median, 1) + " over " +
             count_of(s.layers_max, "layer", "layers") + ".");
        raw("</p>");
        if (!m_.findings().empty()) {
            raw("<p>");
            text("The review found " +
                 count_of(of_kind(FindingKind::Works), "thing that works", "things that work") +
                 ", " + count_of(of_kind(FindingKind::DoesntWork), "that does not", "that do not") +
                 ", and " + count_of(of_kind(FindingKind::Cause), "cause", "causes") + ".");
            raw("</p>");
        }

        // The biggest problems: doesnt_work by weight, ties in file order.
        std::vector<FindingId> problems;
        for (std::size_t f = 0; f < m_.findings().size(); ++f) {
            if (m_.findings()[f].kind == FindingKind::DoesntWork)
                problems.push_back(model::at<FindingId>(f));
        }
        std::stable_sort(problems.begin(), problems.end(), [&](FindingId a, FindingId b) {
            return analysis::weight(m_[a]) > analysis::weight(m_[b]);
        });
        if (!problems.empty()) {
            raw("<h3>The biggest problems</h3><ul class=\"findings\">");
            for (std::size_t i = 0; i < std::min(kSummaryItems, problems.size()); ++i) {
                const auto f = problems[i];
                raw("<li>");
                finding_id(f);
                raw(" ");
                text(m_[f].statement);
                if (!m_[f].about.empty()) {
                    raw(" <span class=\"muted\">— ");
                    about(m_[f]);
                    raw("</span>");
                }
                raw("</li>");
            }
            raw("</ul>");
        }
        const auto& roots = r_.findings.root_causes;
        if (!roots.empty()) {
            raw("<h3>Their root causes</h3><ul class=\"findings\">");
            for (std::size_t i = 0; i < std::min(kSummaryItems, roots.size()); ++i) {
                raw("<li>");
                root_cause_text(roots[i]);
                raw("</li>");
            }
            raw("</ul>");
        }
        if (!c_.scenarios.empty()) {
            raw("<h3>The scenarios in one line each</h3><table><thead><tr><th>Scenario</th>"
                "<th class=\"n\">Resolves</th><th class=\"n\">Breaks</th>"
                "<th class=\"n\">Affected posts</th><th class=\"n\">Cost change</th>"
                "<th class=\"n\">FTE change</th><th>Rules</th></tr></thead><tbody>");
            for (std::size_t i = 0; i < c_.scenarios.size(); ++i) {
                const auto& result = c_.scenarios[i];
                const auto& v = result.verdicts;
                raw("<tr><td><a href=\"#s" + std::to_string(i + 1) + "\">");
                text(result.scenario->name);
                raw("</a></td>");
                const auto tried = v.resolved.size() + v.addressed_not_resolved.size();
                if (c_.base_checks.empty()) {
                    text_cell("no checks");
                } else {
                    num_cell(static_cast<double>(v.resolved.size()),
                             std::to_string(v.resolved.size()) + " of " + std::to_string(tried));
                }
                if (c_.base_checks.empty()) {
                    text_cell("–");
                } else {
                    num_cell(static_cast<double>(v.broken.size()), 0);
                }
                num_cell(static_cast<double>(scenario::affected_posts(result.applied.affected)), 0);
                const auto cost = result.figures.structure.cost - s.cost;
                num_cell(cost, signed_amount(cost));
                const auto fte = result.figures.structure.fte - s.fte;
                num_cell(fte, signed_number(fte, 1));
                if (c_.rules == nullptr) {
                    text_cell("no rules given");
                } else if (result.violations.empty()) {
                    raw("<td class=\"good\">all kept</td>");
                } else {
                    raw("<td class=\"bad\">");
                    text(count_of(result.violations.size(), "violation", "violations"));
                    raw("</td>");
                }
                raw("</tr>");
            }
            raw("</tbody></table>");
            raw("<p class=\"note\">Resolves: problems whose check fails today and holds after "
                "the scenario, of those it addresses. Breaks: working things whose check holds "
                "today and fails after.</p>");
        }
        end_section();
    }

    void root_cause_text(const analysis::RootCause& root) {
        bool first = true;
        for (const auto f : root.causes) {
            if (!first) raw(" ⟲ ");
            first = false;
            finding_id(f);
            raw(" ");
            text(m_[f].statement);
        }
        raw(" <span class=\"muted\">(");
        text((root.loop ? "a loop; " : "") + std::string("explains ") +
             count_of(root.reached_from.size(), "problem", "problems") + ", weight " +
             std::to_string(root.weight));
        raw(")</span>");
    }

    void organisation() {
        section("figures", "The organisation in figures");
        const auto& s = c_.base_figures.structure;
        raw("<div class=\"cards\">");
        const auto card = [&](const std::string& value, std::string_view label) {
            raw("<div class=\"card\"><b>");
            text(value);
            raw("</b><span>");
            text(label);
            raw("</span></div>");
        };
        card(whole(s.posts), "posts");
        card(whole(s.vacant), "vacant posts");
        card(whole(s.people), "people");
        card(format_number(s.fte, 1), "FTE");
        card(format_amount(s.cost), "cost a year");
        card(whole(s.units), "units");
        card(whole(s.managers), "managers");
        card(format_number(s.span.median, 1) + " / " + format_number(s.span.max, 0),
             "span of control, median / widest");
        card(std::to_string(s.layers_max), "layers");
        card(format_number(s.staff_per_manager, 1), "staff per manager");
        card(whole(s.narrow.size()),
             "narrow managers (under " + std::to_string(s.thresholds.narrow) + " reports)");
        card(whole(s.wide.size()),
             "wide managers (over " + std::to_string(s.thresholds.wide) + " reports)");
        raw("</div>");
        if (!s.units_by_kind.empty()) {
            raw("<p>");
            std::string kinds = "Units by kind: ";
            bool first = true;
            for (const auto& [kind, n] : s.units_by_kind) {
                kinds += (first ? "" : ", ") + std::to_string(n) + " " +
                         std::string(model::to_string(kind));
                first = false;
            }
            text(kinds + ".");
            raw("</p>");
        }
        for (const auto& f : r_.figures) {
            if (f.key == "units") figure(f);
        }

        raw("<h3>Per unit</h3><table class=\"sortable\">");
        header_row({"Unit", "Id", "Kind", "Posts", "Vacant", "FTE", "Cost", "Managers", "Layers"},
                   {3, 4, 5, 6, 7, 8});
        raw("<tbody>");
        std::size_t rows = 0;
        for (const auto& u : s.by_unit) {
            if (forest_.depth(u.unit) == 0 || forest_.depth(u.unit) > p_.table_depth) continue;
            const auto i = model::index(u.unit);
            // The unit's place is here unless it has an article among its findings.
            const bool here = p_.units[i] && !article_[i];
            raw(here ? "<tr id=\"" + anchor(u.unit) + "\">" : std::string("<tr>"));
            raw("<td>");
            for (std::uint32_t d = 1; d < forest_.depth(u.unit); ++d) raw("&#8195;");
            unit_link(u.unit);
            raw("</td>");
            text_cell(m_[u.unit].id);
            text_cell(model::to_string(m_[u.unit].kind));
            num_cell(static_cast<double>(u.rollup.posts), 0);
            num_cell(static_cast<double>(u.rollup.vacant), 0);
            num_cell(u.rollup.fte, 1);
            amount_cell(u.rollup.cost);
            num_cell(static_cast<double>(u.managers), 0);
            num_cell(static_cast<double>(u.layers_max), 0);
            raw("</tr>");
            ++rows;
        }
        raw("</tbody></table><p class=\"note\">Posts, vacancies, FTE and cost include the units "
            "below; managers and layers are the unit's own.</p>");
        if (rows < s.by_unit.size()) {
            raw("<p class=\"note\">");
            text("The table keeps the top " + count_of(p_.table_depth, "level", "levels") + ": " +
                 std::to_string(rows) + " of " + std::to_string(s.by_unit.size()) +
                 " units; report.json and report.xlsx list all.");
            raw("</p>");
        }
        end_section();
    }

    void three_questions() {
        section("units", "What works, what doesn't, and why");
        if (m_.findings().empty()) {
            raw("<p>This model has no findings: the review's statements go in findings.csv "
                "(SPEC §2).</p>");
            end_section();
            return;
        }
        raw("<p>Per unit, in the order of the organisation: what the review says works, what "
            "does not, and why (the causes behind its problems, nearest first). The score is "
            "the weight (severity × count) of what works minus that of what does not; the "
            "second figure includes the units below.</p>");
        for (std::size_t i = 0; i < p_.unit_articles; ++i) {
            const auto& u = r_.findings.units[i];
            raw("<article class=\"unit\" id=\"" + anchor(u.unit) + "\"><h3>");
            text(m_[u.unit].name);
            raw(" <span class=\"id\">");
            text(std::string(m_[u.unit].id) + " · " +
                 std::string(model::to_string(m_[u.unit].kind)));
            raw("</span> <span class=\"score ");
            raw(u.net < 0 ? "bad" : u.net > 0 ? "good" : "muted");
            raw("\">");
            text(signed_number(static_cast<double>(u.net), 0));
            raw("</span> <span class=\"muted\">(");
            text(signed_number(static_cast<double>(u.net_rollup), 0) + " with the units below)");
            raw("</span></h3>");
            if (u.works.empty() && u.doesnt_work.empty() && u.why.empty()) {
                raw("<p class=\"muted\">No finding names this unit itself; its score comes from "
                    "the units below.</p></article>");
                continue;
            }
            raw("<div class=\"three\"><div><h4>What works</h4>");
            column(u.works);
            raw("</div><div><h4>What doesn't</h4>");
            column(u.doesnt_work);
            raw("</div><div><h4>Why</h4>");
            column(u.why);
            raw("</div></div></article>");
        }
        left_out(p_.unit_articles, r_.findings.units.size());

        raw("<h3>Every finding of the review</h3><table class=\"sortable\">");
        header_row({"Id", "Kind", "About", "Statement", "Severity", "Count", "Weight", "Check"},
                   {4, 5, 6});
        raw("<tbody>");
        std::size_t rows = 0;
        for (std::size_t f = 0; f < m_.findings().size(); ++f) {
            if (!p_.findings[f]) continue;
            const auto id = model::at<FindingId>(f);
            const auto& finding = m_[id];
            raw("<tr id=\"" + anchor(id) + "\">");
            raw("<td class=\"id\">");
            text(finding.id);
            raw("</td>");
            text_cell(model::words(finding.kind));
            raw("<td>");
            about(finding);
            raw("</td>");
            text_cell(finding.statement);
            num_cell(finding.severity, 0);
            num_cell(finding.count, 0);
            num_cell(static_cast<double>(analysis::weight(finding)), 0);
            raw("<td class=\"id\">");
            text(finding.check);
            raw("</td></tr>");
            ++rows;
        }
        raw("</tbody></table>");
        left_out(rows, m_.findings().size());
        end_section();
    }

    void column(const std::vector<FindingId>& findings) {
        if (findings.empty()) {
            raw("<p class=\"muted\">–</p>");
            return;
        }
        finding_list(findings);
    }

    void causes() {
        section("causes", "Root causes and why-chains");
        const auto& a = r_.findings;
        if (a.root_causes.empty()) {
            raw("<p>The review names no causes.</p>");
        } else {
            raw("<p>A root cause is a cause with no further cause given, or a loop of causes "
                "that explain one another. Its weight is that of the problems it explains, "
                "heaviest first.</p><table><thead><tr><th class=\"n\">#</th><th>Root cause</th>"
                "<th class=\"n\">Weight</th><th>Explains</th></tr></thead><tbody>");
            const auto shown = std::min(r_.options.table_rows, a.root_causes.size());
            for (std::size_t i = 0; i < shown; ++i) {
                const auto& root = a.root_causes[i];
                raw("<tr>");
                num_cell(static_cast<double>(i + 1), 0);
                raw("<td>");
                bool first = true;
                for (const auto f : root.causes) {
                    if (!first) raw("<br>⟲ ");
                    first = false;
                    finding_id(f);
                    raw(" ");
                    text(m_[f].statement);
                }
                if (root.loop) raw(" <span class=\"warn\">(a loop)</span>");
                raw("</td>");
                num_cell(static_cast<double>(root.weight), 0);
                raw("<td>");
                first = true;
                for (const auto f : root.reached_from) {
                    if (!first) raw(", ");
                    first = false;
                    finding_id(f);
                }
                raw("</td></tr>");
            }
            raw("</tbody></table>");
            left_out(shown, a.root_causes.size());
        }
        for (const auto& f : r_.figures) {
            if (f.key == "findings") figure(f);
        }
        if (!a.chains.empty()) {
            raw("<h3>Why-chains</h3><p>Each problem, followed through its causes to the root.</p>");
            std::size_t shown = 0;
            for (const auto& chain : a.chains) {
                if (chain.paths.empty()) continue;
                if (shown == kChainsShown) break;
                ++shown;
                raw("<h4>");
                finding_id(chain.finding);
                raw(" ");
                text(m_[chain.finding].statement);
                raw("</h4>");
                for (std::size_t i = 0; i < std::min(kPathsShown, chain.paths.size()); ++i) {
                    raw("<ol class=\"chain\">");
                    const auto& path = chain.paths[i];
                    for (std::size_t k = 1; k < path.size(); ++k) {
                        raw("<li>because ");
                        finding_id(path[k]);
                        raw(" ");
                        text(m_[path[k]].statement);
                        raw("</li>");
                    }
                    raw("</ol>");
                }
                if (chain.paths.size() > kPathsShown) {
                    raw("<p class=\"note\">");
                    text("and " +
                         count_of(chain.paths.size() - kPathsShown, "other path", "other paths") +
                         (chain.truncated ? " (the search stopped at its limit)" : ""));
                    raw("</p>");
                }
            }
            const auto with_paths = static_cast<std::size_t>(std::count_if(
                a.chains.begin(), a.chains.end(), [](const auto& c) { return !c.paths.empty(); }));
            left_out(shown, with_paths);
        }
        if (!a.unexplained.empty()) {
            raw("<h3>Problems the review gives no cause for</h3>");
            finding_list(a.unexplained);
        }
        if (!a.loops.empty()) {
            raw("<h3>Loops of causes</h3><p>Causes that explain one another: a vicious circle "
                "that no single fix breaks.</p><ul>");
            const auto shown = std::min(r_.options.table_rows, a.loops.size());
            for (std::size_t i = 0; i < shown; ++i) {
                raw("<li>");
                for (const auto f : a.loops[i]) {
                    finding_id(f);
                    raw(" → ");
                }
                finding_id(a.loops[i].front());
                raw("</li>");
            }
            raw("</ul>");
            left_out(shown, a.loops.size());
        }
        end_section();
    }

    void bottlenecks() {
        section("bottlenecks", "Bottlenecks and single points of failure");
        const auto& f = c_.base_figures;
        raw("<h3>Posts most work passes through</h3><p>Betweenness on the work graph (reporting "
            "lines, dotted lines and collaboration): the share of shortest paths between other "
            "posts that pass through the post.");
        if (f.betweenness.method != analysis::BetweennessMethod::Exact) {
            text(" Sampled: each value within ±" + format_number(f.betweenness.epsilon, 4) +
                 " with probability " + format_number(1 - f.betweenness.delta, 3) + ".");
        }
        raw("</p><table class=\"sortable\">");
        header_row({"#", "Post", "Unit", "Betweenness", "Reports"}, {0, 3, 4});
        raw("<tbody>");
        const auto& forest = model::reporting_forest(m_);
        for (std::size_t i = 0; i < p_.bottlenecks.size(); ++i) {
            const auto p = p_.bottlenecks[i];
            raw("<tr id=\"" + anchor(p) + "\">");
            num_cell(static_cast<double>(i + 1), 0);
            raw("<td>");
            post_named(p);
            if (m_[p].vacant()) raw(" <span class=\"bad\">vacant</span>");
            raw("</td><td>");
            unit_link(m_[p].unit);
            raw("</td>");
            num_cell(f.betweenness.value[model::index(p)], 4);
            num_cell(static_cast<double>(forest.child_count(p)), 0);
            raw("</tr>");
        }
        raw("</tbody></table>");
        left_out(p_.bottlenecks.size(), m_.posts().size());

        if (!f.load.empty()) {
            raw("<h3>Service units under load</h3><p>Yearly volume of the services a unit "
                "gives, against its capacity; above 1 it cannot keep up. The first is the "
                "constraint of the flow network.</p><table class=\"sortable\">");
            header_row({"Unit", "Volume", "Capacity", "Load"}, {1, 2, 3});
            raw("<tbody>");
            const auto shown = std::min(r_.options.table_rows, f.load.size());
            for (std::size_t i = 0; i < shown; ++i) {
                const auto& l = f.load[i];
                raw("<tr><td>");
                unit_named(l.unit);
                raw("</td>");
                amount_cell(l.volume);
                amount_cell(l.capacity);
                raw(l.load > 1 ? "<td class=\"n bad\" data-v=\"" : "<td class=\"n\" data-v=\"");
                raw(base::exact_number(l.load));
                raw("\">");
                text(format_number(l.load, 2));
                raw("</td></tr>");
            }
            raw("</tbody></table>");
            left_out(shown, f.load.size());
        }
        for (const auto& fig : r_.figures) {
            if (fig.key == "flows") figure(fig);
        }

        const auto& sp = f.single_points;
        raw("<h3>Single points of failure</h3>");
        if (sp.articulation_points.empty()) {
            raw("<p>No single post holds the work graph together: every post has another path "
                "around it.</p>");
        } else {
            raw("<p>");
            text(count_of(sp.articulation_points.size(), "post", "posts") +
                 " whose loss would cut others off from the rest of the organisation (" +
                 std::to_string(sp.vacant_articulation_points.size()) + " of them vacant), and " +
                 count_of(sp.bridges.size(), "working relation", "working relations") +
                 " with no way around.");
            raw("</p><table class=\"sortable\">");
            header_row({"Post", "Unit", "Posts cut off", "Holder"}, {2});
            raw("<tbody>");
            for (std::size_t i = 0; i < p_.articulation_points; ++i) {
                const auto& cut = sp.articulation_points[i];
                const auto p = model::at<PostId>(cut.vertex);
                // Its place is here unless the bottleneck table above has it.
                const bool here = std::find(p_.bottlenecks.begin(), p_.bottlenecks.end(), p) ==
                                  p_.bottlenecks.end();
                raw(here ? "<tr id=\"" + anchor(p) + "\">" : std::string("<tr>"));
                raw("<td>");
                post_named(p);
                raw("</td><td>");
                unit_link(m_[p].unit);
                raw("</td>");
                num_cell(static_cast<double>(cut.cut_off), 0);
                raw(m_[p].vacant() ? "<td class=\"bad\">vacant</td>" : "<td>filled</td>");
                raw("</tr>");
            }
            raw("</tbody></table>");
            left_out(p_.articulation_points, sp.articulation_points.size());
        }
        if (!sp.single_member_groups.empty()) {
            raw("<p>Groups with a single member: ");
            bool first = true;
            for (const auto g : sp.single_member_groups) {
                if (!first) raw(", ");
                first = false;
                unit_named(g);
            }
            raw(".</p>");
        }
        raw("<p>");
        text("Decisions travel " + format_number(f.decision_distance.mean_to_top, 2) +
             " reporting steps on average from a post to the top.");
        raw("</p>");
        end_section();
    }

    void scenarios() {
        section("scenarios", "Scenarios");
        if (c_.scenarios.empty()) {
            raw("<p>No scenario was given: <code>reorg report MODEL --scenario FILE</code> adds "
                "each to the comparison.</p>");
            end_section();
            return;
        }
        raw("<p>The base and each scenario on the same figures, computed the same way.</p>");
        raw("<table><thead><tr><th>Figure</th><th class=\"n\">Base</th>");
        for (const auto& s : c_.scenarios) {
            raw("<th class=\"n\">");
            text(s.scenario->name);
            raw("</th>");
        }
        raw("</tr></thead><tbody>");
        for (const auto& row : scenario::comparison_rows(c_)) {
            raw("<tr><td>");
            text(row.label);
            raw("</td>");
            const bool amount = row.key == "cost" || row.key == "cost_change";
            for (const auto& cell : row.cells) {
                if (const auto* n = std::get_if<double>(&cell)) {
                    num_cell(*n, amount ? format_amount(*n) : format_number(*n, row.decimals));
                } else if (const auto* t = std::get_if<std::string>(&cell)) {
                    raw("<td class=\"n id\">");
                    text(*t);
                    raw("</td>");
                } else {
                    raw("<td class=\"n muted\">–</td>");
                }
            }
            raw("</tr>");
        }
        raw("</tbody></table>");
        for (std::size_t i = 0; i < c_.scenarios.size(); ++i) one_scenario(i);
        end_section();
    }

    void verdict_list(const scenario::ScenarioResult& s, const std::vector<FindingId>& findings) {
        raw("<ul class=\"findings\">");
        for (const auto f : findings) {
            raw("<li>");
            finding_id(f);
            raw(" ");
            text(m_[f].statement);
            const auto* before = check::outcome_of(c_.base_checks, f);
            const auto* after = check::outcome_of(s.checks, f);
            raw("<br><span class=\"muted\">check <code>");
            text(m_[f].check);
            raw("</code>");
            if (before != nullptr && after != nullptr) {
                raw(": before ");
                text(before->reason);
                raw("; after ");
                text(after->reason);
            }
            raw("</span></li>");
        }
        raw("</ul>");
    }

    void violations(std::span<const check::Violation> list) {
        raw("<table><thead><tr><th>Rule</th><th>Where</th><th class=\"n\">Value</th>"
            "<th class=\"n\">Limit</th><th>What</th></tr></thead><tbody>");
        const auto shown = std::min(r_.options.table_rows, list.size());
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& v = list[i];
            raw("<tr>");
            text_cell(v.rule);
            raw("<td class=\"id\">");
            text(v.subject);
            raw("</td>");
            for (const auto& x : {v.value, v.limit}) {
                if (x) {
                    num_cell(*x, std::abs(*x) >= 10'000 ? format_amount(*x) : format_number(*x, 2));
                } else {
                    raw("<td class=\"n muted\">–</td>");
                }
            }
            text_cell(v.detail);
            raw("</tr>");
        }
        raw("</tbody></table>");
        left_out(shown, list.size());
    }

    void one_scenario(std::size_t i) {
        const auto& s = c_.scenarios[i];
        const auto& trace = s.trace;
        const auto& v = s.verdicts;
        raw("<section class=\"scenario\" id=\"s" + std::to_string(i + 1) + "\"><h3>");
        text("Scenario: " + s.scenario->name);
        raw("</h3>");
        if (!s.scenario->description.empty()) {
            raw("<p>");
            text(s.scenario->description);
            raw("</p>");
        }
        raw("<p class=\"muted\">");
        text(s.scenario->file + ": " + count_of(s.scenario->changes.size(), "change", "changes"));
        raw("</p>");

        raw("<h4>What it addresses</h4><p>");
        text("Addresses " + std::to_string(trace.addressed.size()) + " of " +
             count_of(doesnt_work(), "known problem", "known problems") + ".");
        raw("</p>");
        if (!trace.addressed.empty()) finding_list(trace.addressed);
        if (!c_.base_checks.empty()) {
            raw("<h4>Verified by the checks</h4><p class=\"verdict-resolved\">");
            text("Resolves " + std::to_string(v.resolved.size()) + " of the " +
                 count_of(v.resolved.size() + v.addressed_not_resolved.size(), "problem",
                          "problems") +
                 " it addresses that have a check.");
            raw("</p>");
            verdict_list(s, v.resolved);
            if (!v.addressed_not_resolved.empty()) {
                raw("<p>Addresses, but does not resolve:</p>");
                verdict_list(s, v.addressed_not_resolved);
            }
            if (v.broken.empty()) {
                raw("<p class=\"good\">Breaks nothing that works, as far as the checks tell.</p>");
            } else {
                raw("<p class=\"verdict-broken\">");
                text("Breaks " + count_of(v.broken.size(), "thing that works", "things that work") +
                     ":");
                raw("</p>");
                verdict_list(s, v.broken);
            }
            if (!v.unknown.empty()) {
                raw("<p class=\"warn\">Cannot tell (an id a check names left the model):</p>");
                verdict_list(s, v.unknown);
            }
        }
        if (trace.at_risk.empty()) {
            raw("<p>Puts nothing that works at risk.</p>");
        } else {
            raw("<h4>Working things it puts at risk</h4>");
            finding_list(trace.at_risk);
        }
        if (c_.rules != nullptr) {
            raw("<h4>Rules</h4>");
            if (s.violations.empty()) {
                raw("<p class=\"good\">Keeps every rule.</p>");
            } else {
                raw("<p class=\"bad\">");
                text("Has " + count_of(s.violations.size(), "rule violation", "rule violations") +
                     ".");
                raw("</p>");
                violations(s.violations);
            }
        }

        raw("<h4>Cost and FTE per administration</h4>");
        std::size_t budgets = 0;
        raw("<table><thead><tr><th>Administration</th><th class=\"n\">Cost before</th>"
            "<th class=\"n\">Cost after</th><th class=\"n\">Change</th><th class=\"n\">FTE "
            "before</th><th class=\"n\">FTE after</th><th class=\"n\">Change</th><th></th></tr>"
            "</thead><tbody>");
        for (const auto& b : s.by_administration) {
            if (b.cost_change() == 0 && b.fte_change() == 0 && b.note.empty()) continue;
            ++budgets;
            raw("<tr><td>");
            text(b.name);
            raw(" <span class=\"id\">");
            text(b.unit);
            raw("</span></td>");
            amount_cell(b.base_cost);
            amount_cell(b.cost);
            num_cell(b.cost_change(), signed_amount(b.cost_change()));
            num_cell(b.base_fte, 1);
            num_cell(b.fte, 1);
            num_cell(b.fte_change(), signed_number(b.fte_change(), 1));
            text_cell(b.note);
            raw("</tr>");
        }
        const auto cost = s.figures.structure.cost - c_.base_figures.structure.cost;
        const auto fte = s.figures.structure.fte - c_.base_figures.structure.fte;
        raw("<tr class=\"total\"><td>All</td>");
        amount_cell(c_.base_figures.structure.cost);
        amount_cell(s.figures.structure.cost);
        num_cell(cost, signed_amount(cost));
        num_cell(c_.base_figures.structure.fte, 1);
        num_cell(s.figures.structure.fte, 1);
        num_cell(fte, signed_number(fte, 1));
        raw("<td></td></tr></tbody></table>");
        if (budgets == 0) raw("<p class=\"note\">No administration's cost or FTE changes.</p>");

        const auto& affected = s.applied.affected;
        raw("<h4>Affected posts</h4><p>");
        text(count_of(scenario::affected_posts(affected), "post changes", "posts change") +
             " unit, manager, title, holder or existence" +
             (r_.options.names ? "." : "; holders are shown as filled or vacant."));
        raw("</p>");
        if (!affected.empty()) {
            raw("<table class=\"sortable\">");
            header_row({"Post", "Change", "From", "To", "By change"}, {4});
            raw("<tbody>");
            const auto shown = std::min(r_.options.table_rows, affected.size());
            for (std::size_t k = 0; k < shown; ++k) {
                const auto& change = affected[k];
                const auto shown_text = output::affected_text(c_, s, change, r_.options.names);
                raw("<tr><td>");
                if (const auto p = m_.find_post(change.post)) {
                    post_named(*p);
                } else {
                    // A post the scenario adds: its title from the result.
                    if (const auto added = s.applied.model.find_post(change.post)) {
                        text(s.applied.model[*added].title);
                        raw(" ");
                    }
                    raw("<span class=\"id\">");
                    text(change.post);
                    raw("</span> <span class=\"muted\">new</span>");
                }
                raw("</td>");
                text_cell(scenario::to_string(change.change));
                text_cell(shown_text.from);
                text_cell(shown_text.to);
                num_cell(static_cast<double>(change.change_index), 0);
                raw("</tr>");
            }
            raw("</tbody></table>");
            left_out(shown, affected.size());
        }
        if (i < r_.scenario_figures.size()) figure(r_.scenario_figures[i]);
        if (!s.applied.warnings.empty()) {
            raw("<h4>Warnings on the result</h4><ul>");
            for (const auto& w : s.applied.warnings) {
                raw("<li>");
                text(w.message);
                raw("</li>");
            }
            if (const auto more = s.applied.warnings_not_listed; more > 0) {
                raw("<li>… and " + std::to_string(more) + " more</li>");
            }
            raw("</ul>");
        }
        raw("</section>");
    }

    void traceability() {
        section("traceability", "Traceability");
        raw("<h3>Problems no scenario addresses</h3>");
        if (c_.unaddressed.empty()) {
            raw(c_.scenarios.empty() ? "<p>No scenario was compared.</p>"
                                     : "<p class=\"good\">Every known problem is addressed by at "
                                       "least one scenario.</p>");
        } else {
            raw("<p>");
            text(std::to_string(c_.unaddressed.size()) + " of " +
                 count_of(doesnt_work(), "known problem", "known problems") + ".");
            raw("</p>");
            finding_list(c_.unaddressed);
        }
        raw("<h3>Changes without a problem</h3>");
        bool any = false;
        for (const auto& s : c_.scenarios) {
            const auto& without = s.trace.changes_without_problem;
            if (without.empty()) continue;
            any = true;
            raw("<p><b>");
            text(s.scenario->name);
            raw("</b>: ");
            text(count_of(without.size(), "change answers", "changes answer") +
                 " no known problem:");
            raw("</p><ul>");
            for (const auto k : without) {
                const auto& change = s.scenario->changes[k - 1];
                raw("<li>");
                text("change " + std::to_string(k) + ", " +
                     std::string(scenario::kind_name(change.what)) + " (" + s.scenario->file +
                     " line " + std::to_string(change.line) + ")");
                raw("</li>");
            }
            raw("</ul>");
        }
        if (!any) raw("<p>Every change of every scenario touches a known finding.</p>");
        raw("<h3>Working things at risk</h3>");
        any = false;
        for (const auto& s : c_.scenarios) {
            if (s.trace.at_risk.empty()) continue;
            any = true;
            raw("<p><b>");
            text(s.scenario->name);
            raw("</b>:</p>");
            finding_list(s.trace.at_risk);
        }
        if (!any) raw("<p>No scenario touches what works.</p>");
        for (const auto& s : c_.scenarios) {
            if (s.trace.declared_not_touched.empty()) continue;
            raw("<p class=\"warn\">");
            std::string line = s.scenario->name +
                               " says it addresses, but touches nothing they "
                               "are about:";
            for (const auto& id : s.trace.declared_not_touched) line += " " + id;
            text(line);
            raw("</p>");
        }
        for (const auto f : c_.checks_holding_before) {
            raw("<p class=\"warn\">");
            text("The check of " + std::string(m_[f].id) +
                 " already holds today, so it does not describe the problem: " +
                 std::string(m_[f].check));
            raw("</p>");
        }
        if (c_.rules != nullptr) {
            raw("<h3>The base against the rules</h3>");
            if (c_.base_violations.empty()) {
                raw("<p class=\"good\">The organisation today keeps every rule.</p>");
            } else {
                raw("<p>");
                text("Today's organisation has " +
                     count_of(c_.base_violations.size(), "rule violation", "rule violations") +
                     " (" + c_.rules->file + ").");
                raw("</p>");
                violations(c_.base_violations);
            }
        }
        end_section();
    }

    void tail() {
        raw("<footer>");
        text("Made by reorg " + std::string(kVersion) +
             ". Every figure is in report.json; the tables continue in report.xlsx.");
        raw("</footer>\n<script type=\"application/json\" id=\"search-index\">");
        search_index();
        raw("</script>\n<script>");
        raw(detail::kScript);
        raw("</script>\n</body></html>\n");
    }

    /// [[text, anchor], ...]: every unit with a place, then the posts (each to its own row, or
    /// to its unit's place).
    void search_index() {
        std::string json = "[";
        std::size_t entries = 0;
        const auto add = [&](const std::string& shown, const std::string& target) {
            if (entries == kSearchEntries) return;
            json += entries == 0 ? "[\"" : ",[\"";
            base::append_json(json, shown);
            json += "\",\"" + target + "\"]";
            ++entries;
        };
        for (const auto u : forest_.preorder()) {
            if (!p_.units[model::index(u)]) continue;
            add(std::string(m_[u].name) + " (" + std::string(m_[u].id) + ")", anchor(u));
        }
        for (std::size_t i = 0; i < m_.posts().size(); ++i) {
            const auto p = model::at<PostId>(i);
            const auto& post = m_[p];
            const auto unit = model::index(post.unit);
            if (p_.posts[i]) {
                add(std::string(post.title) + " (" + std::string(post.id) + ")", anchor(p));
            } else if (p_.units[unit]) {
                add(std::string(post.title) + " (" + std::string(post.id) + ") in " +
                        std::string(m_[post.unit].name),
                    anchor(post.unit));
            }
        }
        json += "]";
        // Inside <script>: no "</" may close it early.
        std::string safe;
        safe.reserve(json.size());
        for (const char ch : json) {
            if (ch == '<') {
                safe += "\\u003c";
            } else {
                safe += ch;
            }
        }
        raw(safe);
    }
};

}  // namespace

void write_html(std::ostream& out, const Report& report) {
    const auto page = Page(report).write();
    out.write(page.data(), static_cast<std::streamsize>(page.size()));
}

}  // namespace reorg::report
