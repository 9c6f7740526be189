#include "reorg/output/compare_output.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/output/detail/checks.hpp"
#include "reorg/output/text_table.hpp"

namespace reorg::output {
namespace {

using nlohmann::ordered_json;
using scenario::Cell;
using scenario::Comparison;
using scenario::PostChange;
using scenario::ScenarioResult;

constexpr std::size_t kStatementWidth = 70;

std::string scenario_name(const ScenarioResult& s) { return s.scenario->name; }

std::string cell_text(const Cell& cell, int decimals, bool amount) {
    if (std::holds_alternative<std::monostate>(cell)) return "";
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    const double value = std::get<double>(cell);
    return amount ? format_amount(value) : format_number(value, decimals);
}

ordered_json cell_json(const Cell& cell) {
    if (const auto* number = std::get_if<double>(&cell)) return *number;
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    return nullptr;
}

// "F03 The IT office cannot keep up with…"
std::string finding_line(const model::Model& model, model::FindingId f) {
    const auto& finding = model[f];
    return std::string(finding.id) + "  " +
           shorten(one_line_text(finding.statement), kStatementWidth);
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::size_t doesnt_work_count(const model::Model& model) {
    std::size_t n = 0;
    for (const auto& finding : model.findings()) {
        if (finding.kind == model::FindingKind::DoesntWork) ++n;
    }
    return n;
}

void write_findings_list(std::ostream& out, const model::Model& model,
                         const std::vector<model::FindingId>& findings) {
    for (const auto f : findings) out << "    " << finding_line(model, f) << '\n';
}

// Each finding with its check's figures before and after.
void write_verdict_list(std::ostream& out, const Comparison& comparison, const ScenarioResult& s,
                        const std::vector<model::FindingId>& findings) {
    const auto& base = *comparison.base;
    for (const auto f : findings) {
        out << "    " << finding_line(base, f) << '\n';
        const auto* before = check::outcome_of(comparison.base_checks, f);
        const auto* after = check::outcome_of(s.checks, f);
        out << "      check: " << base[f].check << '\n';
        if (before != nullptr && after != nullptr) {
            out << "      before: " << before->reason << "; after: " << after->reason << '\n';
        }
    }
}

// The verdicts of SPEC §4.1 in words, then the rule violations of §4.2.
void write_verdicts(std::ostream& out, const Comparison& comparison, const ScenarioResult& s) {
    const auto& v = s.verdicts;
    if (!comparison.base_checks.empty()) {
        const auto tried = v.resolved.size() + v.addressed_not_resolved.size();
        out << "Resolves " << v.resolved.size() << " of the "
            << count_of(tried, "problem", "problems") << " it addresses, verified by their checks"
            << (v.resolved.empty() ? ".\n" : ":\n");
        write_verdict_list(out, comparison, s, v.resolved);
        if (!v.addressed_not_resolved.empty()) {
            out << "Addresses, but does not resolve:\n";
            write_verdict_list(out, comparison, s, v.addressed_not_resolved);
        }
        if (v.broken.empty()) {
            out << "Breaks nothing that works, as far as the checks tell.\n";
        } else {
            out << "Breaks " << count_of(v.broken.size(), "thing that works", "things that work")
                << ":\n";
            write_verdict_list(out, comparison, s, v.broken);
        }
        if (!v.unknown.empty()) {
            out << "Cannot tell (an id a check names left the model):\n";
            for (const auto f : v.unknown) {
                const auto* after = check::outcome_of(s.checks, f);
                out << "    " << finding_line(*comparison.base, f) << '\n';
                if (after != nullptr) out << "      " << after->reason << '\n';
            }
        }
    }
    if (comparison.rules != nullptr) {
        if (s.violations.empty()) {
            out << "Keeps every rule.\n";
        } else {
            out << "Has " << count_of(s.violations.size(), "rule violation", "rule violations")
                << ":\n";
            detail::write_violations(out, s.violations, 4);
        }
    }
}

ordered_json violations_json(std::span<const check::Violation> violations) {
    auto list = ordered_json::array();
    for (const auto& v : violations) list.push_back(detail::violation_json(v));
    return list;
}

void write_scenario_words(std::ostream& out, const Comparison& comparison, const ScenarioResult& s,
                          const CompareOutputOptions& options) {
    const auto& base = *comparison.base;
    const auto& trace = s.trace;
    out << "\n== " << scenario_name(s) << '\n';
    if (!s.scenario->description.empty()) {
        out << shorten(one_line_text(s.scenario->description), 100) << '\n';
    }
    out << "Addresses " << trace.addressed.size() << " of "
        << count_of(doesnt_work_count(base), "known problem", "known problems")
        << (trace.addressed.empty() ? ".\n" : ":\n");
    write_findings_list(out, base, trace.addressed);
    if (trace.at_risk.empty()) {
        out << "Puts nothing that works at risk.\n";
    } else {
        out << "Puts " << count_of(trace.at_risk.size(), "thing that works", "things that work")
            << " at risk:\n";
        write_findings_list(out, base, trace.at_risk);
    }
    if (!trace.declared_not_touched.empty()) {
        out << "Says it addresses, but touches nothing they are about:";
        for (const auto& id : trace.declared_not_touched) out << ' ' << id;
        out << '\n';
    }
    if (!trace.changes_without_problem.empty()) {
        out << count_of(trace.changes_without_problem.size(), "change answers", "changes answer")
            << " no known problem:";
        for (const auto i : trace.changes_without_problem) {
            out << ' ' << i << " (" << scenario::kind_name(s.scenario->changes[i - 1].what) << ")";
        }
        out << '\n';
    }

    write_verdicts(out, comparison, s);

    if (!s.by_administration.empty()) {
        out << "Budget per administration:\n";
        TextTable table(
            {"administration", "cost before", "cost after", "change", "FTE change", ""},
            {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Left});
        for (const auto& b : s.by_administration) {
            if (b.cost_change() == 0 && b.fte_change() == 0 && b.note.empty()) continue;
            table.add_row({b.unit + " " + b.name, format_amount(b.base_cost), format_amount(b.cost),
                           (b.cost_change() > 0 ? "+" : "") + format_amount(b.cost_change()),
                           (b.fte_change() > 0 ? "+" : "") + format_number(b.fte_change(), 1),
                           b.note});
        }
        if (table.empty()) {
            out << "  no administration's cost or FTE changes\n";
        } else {
            table.write(out, 2);
        }
    }

    const auto& affected = s.applied.affected;
    out << "Affected posts: " << scenario::affected_posts(affected)
        << " (unit, manager, title, holder or existence changes)\n";
    if (!affected.empty()) {
        TextTable table({"post", "change", "from", "to", "by change"},
                        {Align::Left, Align::Left, Align::Left, Align::Left, Align::Right});
        std::size_t listed = 0;
        for (const auto& change : affected) {
            if (options.affected_listed != 0 && listed == options.affected_listed) break;
            const auto text = affected_text(comparison, s, change, options.names);
            table.add_row({change.post, std::string(scenario::to_string(change.change)), text.from,
                           text.to, std::to_string(change.change_index)});
            ++listed;
        }
        table.write(out, 2);
        if (listed < affected.size()) {
            out << "  ... and " << affected.size() - listed << " more (--json lists all)\n";
        }
    }
    for (const auto& warning : s.applied.warnings) {
        out << "Warning: " << warning.message << '\n';
    }
    if (const auto more = s.applied.warnings_not_listed; more > 0) {
        out << "Warning: ... and " << more
            << " more (reorg validate lists them on the result of reorg apply)\n";
    }
}

// A holder as the output may show it: a name only when asked, otherwise whether the post is
// filled.
std::string holder_text(const model::Model& base, const model::Model& result,
                        const std::string& person, bool names) {
    if (person.empty()) return "vacant";
    if (!names) return "filled";
    for (const auto* model : {&result, &base}) {
        if (const auto p = model->find_person(person))
            return std::string((*model)[*p].shown_name());
    }
    return person;
}

}  // namespace

AffectedText affected_text(const Comparison& comparison, const ScenarioResult& s,
                           const scenario::AffectedChange& change, bool names) {
    if (change.change == PostChange::Holder) {
        return {holder_text(*comparison.base, s.applied.model, change.from, names),
                holder_text(*comparison.base, s.applied.model, change.to, names)};
    }
    return {change.from, change.to};
}

void write_compare_table(std::ostream& out, const Comparison& comparison,
                         const CompareOutputOptions& options) {
    std::vector<std::string> header{"", "base"};
    std::vector<Align> align{Align::Left, Align::Right};
    for (const auto& s : comparison.scenarios) {
        header.push_back(scenario_name(s));
        align.push_back(Align::Right);
    }
    TextTable table(header, align);
    for (const auto& row : scenario::comparison_rows(comparison)) {
        std::vector<std::string> cells{row.label};
        const bool amount = row.key == "cost" || row.key == "cost_change";
        for (const auto& cell : row.cells) cells.push_back(cell_text(cell, row.decimals, amount));
        table.add_row(std::move(cells));
    }
    table.write(out);

    for (const auto& s : comparison.scenarios) write_scenario_words(out, comparison, s, options);

    const auto& base = *comparison.base;
    out << '\n';
    if (comparison.rules != nullptr) {
        out << "Rules: " << comparison.rules->file << '\n';
        if (comparison.base_violations.empty()) {
            out << "The base keeps every rule.\n";
        } else {
            out << "The base has "
                << count_of(comparison.base_violations.size(), "rule violation", "rule violations")
                << ":\n";
            detail::write_violations(out, comparison.base_violations, 4);
        }
    }
    for (const auto f : comparison.checks_holding_before) {
        out << "Warning: the check of " << base[f].id
            << " already holds on the base, so it does not describe the problem: " << base[f].check
            << '\n';
    }
    if (comparison.unaddressed.empty()) {
        out << "Every known problem is addressed by at least one scenario.\n";
    } else {
        out << "Known problems no scenario addresses (" << comparison.unaddressed.size() << " of "
            << doesnt_work_count(base) << "):\n";
        write_findings_list(out, base, comparison.unaddressed);
    }
}

void write_compare_json(std::ostream& out, const Comparison& comparison,
                        const CompareOutputOptions& options) {
    const auto& base = *comparison.base;
    const auto ids = [&](const std::vector<model::FindingId>& findings) {
        auto list = ordered_json::array();
        for (const auto f : findings) list.push_back(std::string(base[f].id));
        return list;
    };
    ordered_json document;
    auto columns = ordered_json::array({"base"});
    for (const auto& s : comparison.scenarios) columns.push_back(scenario_name(s));
    document["columns"] = std::move(columns);
    ordered_json rows = ordered_json::object();
    for (const auto& row : scenario::comparison_rows(comparison)) {
        auto values = ordered_json::array();
        for (const auto& cell : row.cells) values.push_back(cell_json(cell));
        rows[row.key] = std::move(values);
    }
    document["rows"] = std::move(rows);

    auto scenarios = ordered_json::array();
    for (const auto& s : comparison.scenarios) {
        auto without = ordered_json::array();
        for (const auto i : s.trace.changes_without_problem) {
            const auto& change = s.scenario->changes[i - 1];
            without.push_back({{"change", i},
                               {"kind", std::string(scenario::kind_name(change.what))},
                               {"line", change.line}});
        }
        auto affected = ordered_json::array();
        for (const auto& change : s.applied.affected) {
            const auto text = affected_text(comparison, s, change, options.names);
            affected.push_back({{"post", change.post},
                                {"change", std::string(scenario::to_string(change.change))},
                                {"from", text.from},
                                {"to", text.to},
                                {"change_index", change.change_index}});
        }
        auto budgets = ordered_json::array();
        for (const auto& b : s.by_administration) {
            budgets.push_back({{"unit", b.unit},
                               {"name", b.name},
                               {"cost_change", b.cost_change()},
                               {"fte_change", b.fte_change()},
                               {"base_cost", b.base_cost},
                               {"cost", b.cost},
                               {"base_fte", b.base_fte},
                               {"fte", b.fte},
                               {"note", b.note}});
        }
        scenarios.push_back({{"name", scenario_name(s)},
                             {"file", s.scenario->file},
                             {"addresses", s.scenario->addresses},
                             {"addressed", ids(s.trace.addressed)},
                             {"at_risk", ids(s.trace.at_risk)},
                             {"declared_not_touched", s.trace.declared_not_touched},
                             {"changes_without_problem", std::move(without)},
                             {"affected_posts", scenario::affected_posts(s.applied.affected)},
                             {"affected", std::move(affected)},
                             {"by_administration", std::move(budgets)},
                             {"resolved", ids(s.verdicts.resolved)},
                             {"addressed_not_resolved", ids(s.verdicts.addressed_not_resolved)},
                             {"broken", ids(s.verdicts.broken)},
                             {"unknown", ids(s.verdicts.unknown)},
                             {"checks", detail::finding_checks_json(base, s.checks)},
                             {"violations", violations_json(s.violations)}});
    }
    document["scenarios"] = std::move(scenarios);
    document["unaddressed"] = ids(comparison.unaddressed);
    document["checks"] = detail::finding_checks_json(base, comparison.base_checks);
    document["check_warnings"] = ids(comparison.checks_holding_before);
    document["rules"] =
        comparison.rules != nullptr ? ordered_json(comparison.rules->file) : ordered_json(nullptr);
    document["base_violations"] = violations_json(comparison.base_violations);
    out << document.dump(2) << '\n';
}

void write_compare_csv(std::ostream& out, const Comparison& comparison) {
    std::vector<std::string> header{"key", "figure", "base"};
    for (const auto& s : comparison.scenarios) header.push_back(scenario_name(s));
    write_csv_row(out, header);
    for (const auto& row : scenario::comparison_rows(comparison)) {
        std::vector<std::string> fields{row.key, row.label};
        for (const auto& cell : row.cells) {
            if (const auto* number = std::get_if<double>(&cell)) {
                fields.push_back(base::exact_number(*number));
            } else {
                fields.push_back(cell_text(cell, 0, false));
            }
        }
        write_csv_row(out, fields);
    }
}

}  // namespace reorg::output
