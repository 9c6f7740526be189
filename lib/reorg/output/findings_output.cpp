#include "reorg/output/findings_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>
#include <vector>

#include "reorg/base/utf8.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/output/detail/checks.hpp"
#include "reorg/output/text_table.hpp"

namespace reorg::output {
namespace {

using analysis::FindingsAnalysis;
using model::FindingId;
using model::FindingKind;
using nlohmann::ordered_json;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// How many problems a root cause lists in text before "and N more".
constexpr std::size_t kProblemsListed = 12;
/// How many findings a cause lists as those it explains.
constexpr std::size_t kExplainsListed = 8;

using analysis::weight;

/// What the options select: the units shown, and per finding whether it is one of their
/// problems or lies on their why-lists (roots and loops are shown when they touch those).
struct Selection {
    std::vector<const analysis::UnitFindings*> units;
    std::vector<char> problem;
    std::vector<char> relevant;
    std::vector<char> answer;  // what works or does not in a selected unit: their checks show

    [[nodiscard]] std::vector<check::FindingCheck> checks(
        const std::vector<check::FindingCheck>& all) const {
        std::vector<check::FindingCheck> shown;
        for (const auto& c : all) {
            if (answer[model::index(c.finding)] != 0) shown.push_back(c);
        }
        return shown;
    }

    [[nodiscard]] bool touches(const std::vector<FindingId>& findings) const {
        return std::any_of(findings.begin(), findings.end(),
                           [&](FindingId f) { return relevant[model::index(f)] != 0; });
    }
};

Selection select(const model::Model& model, const FindingsAnalysis& analysis,
                 const FindingsOutputOptions& options) {
    const auto n = model.findings().size();
    Selection selection;
    if (!options.unit) {
        for (const auto& unit : analysis.units) selection.units.push_back(&unit);
        selection.problem.assign(n, 0);
        for (std::size_t f = 0; f < n; ++f) {
            selection.problem[f] = model.findings()[f].kind == FindingKind::DoesntWork;
        }
        selection.relevant.assign(n, 1);
        selection.answer.assign(n, 1);
        return selection;
    }
    const auto& tree = model::unit_forest(model);
    selection.problem.assign(n, 0);
    selection.relevant.assign(n, 0);
    selection.answer.assign(n, 0);
    for (const auto& unit : analysis.units) {
        if (!tree.is_ancestor(*options.unit, unit.unit)) continue;
        selection.units.push_back(&unit);
        for (const auto f : unit.doesnt_work) {
            selection.problem[model::index(f)] = 1;
            selection.relevant[model::index(f)] = 1;
        }
        for (const auto f : unit.why) selection.relevant[model::index(f)] = 1;
        for (const auto f : unit.works) selection.answer[model::index(f)] = 1;
        for (const auto f : unit.doesnt_work) selection.answer[model::index(f)] = 1;
    }
    return selection;
}

/// Per finding, its root cause's place in analysis.root_causes, or kNone.
std::vector<std::uint32_t> root_of(const model::Model& model, const FindingsAnalysis& analysis) {
    std::vector<std::uint32_t> root(model.findings().size(), kNone);
    for (std::uint32_t r = 0; r < analysis.root_causes.size(); ++r) {
        for (const auto f : analysis.root_causes[r].causes) root[model::index(f)] = r;
    }
    return root;
}

// ---- JSON --------------------------------------------------------------------------------

ordered_json ids(const model::Model& model, const std::vector<FindingId>& findings) {
    auto list = ordered_json::array();
    for (const auto f : findings) list.push_back(model[f].id);
    return list;
}

ordered_json document(const model::Model& model, const FindingsAnalysis& analysis,
                      const FindingsOutputOptions& options) {
    const auto selection = select(model, analysis, options);

    auto roots = ordered_json::array();
    for (const auto& root : analysis.root_causes) {
        if (!selection.touches(root.causes)) continue;
        roots.push_back({{"causes", ids(model, root.causes)},
                         {"weight", root.weight},
                         {"loop", root.loop},
                         {"reached_from", ids(model, root.reached_from)}});
    }
    auto loops = ordered_json::array();
    for (const auto& loop : analysis.loops) {
        if (selection.touches(loop)) loops.push_back(ids(model, loop));
    }
    auto units = ordered_json::array();
    for (const auto* unit : selection.units) {
        units.push_back({{"unit", model[unit->unit].id},
                         {"name", model[unit->unit].name},
                         {"net", unit->net},
                         {"net_rollup", unit->net_rollup},
                         {"works", ids(model, unit->works)},
                         {"doesnt_work", ids(model, unit->doesnt_work)},
                         {"why", ids(model, unit->why)}});
    }
    auto chains = ordered_json::array();
    for (const auto& chain : analysis.chains) {
        if (!selection.problem[model::index(chain.finding)]) continue;
        auto paths = ordered_json::array();
        for (const auto& path : chain.paths) paths.push_back(ids(model, path));
        chains.push_back({{"finding", model[chain.finding].id},
                          {"paths", std::move(paths)},
                          {"truncated", chain.truncated}});
    }
    auto unexplained = ordered_json::array();
    for (const auto f : analysis.unexplained) {
        if (selection.problem[model::index(f)]) unexplained.push_back(model[f].id);
    }
    ordered_json result{{"root_causes", std::move(roots)},
                        {"loops", std::move(loops)},
                        {"loops_truncated", analysis.loops_truncated},
                        {"units", std::move(units)},
                        {"chains", std::move(chains)},
                        {"unexplained", std::move(unexplained)}};
    if (options.checks != nullptr) {
        const auto shown = selection.checks(*options.checks);
        result["checks"] = detail::finding_checks_json(model, shown);
        result["check_warnings"] = ids(model, check::holding_before(model, shown));
    }
    return result;
}

// ---- Text --------------------------------------------------------------------------------

/// `first` then `atoms` separated by spaces, broken into lines of at most `width` characters
/// between atoms (an atom longer than a line keeps its own line); continuation lines start with
/// `hanging` spaces.
void write_wrapped(std::ostream& out, std::string_view first, std::size_t hanging,
                   const std::vector<std::string>& atoms, std::size_t width) {
    std::string line(first);
    std::size_t used = display_width(first);
    bool line_has_atoms = false;
    for (const auto& atom : atoms) {
        const auto w = display_width(atom);
        if (line_has_atoms && used + 1 + w > width) {
            out << line << '\n';
            line.assign(hanging, ' ');
            used = hanging;
            line_has_atoms = false;
        }
        if (line_has_atoms) {
            line += ' ';
            ++used;
        }
        line += atom;
        used += w;
        line_has_atoms = true;
    }
    out << line << '\n';
}

void write_wrapped(std::ostream& out, std::string_view first, std::size_t hanging,
                   std::string_view text, std::size_t width) {
    write_wrapped(out, first, hanging, words(text), width);
}

std::string signed_number(long long value) {
    return value > 0 ? fmt::format("+{}", value) : fmt::format("{}", value);
}

std::string unit_label(const model::Model& model, model::UnitId id) {
    const auto& unit = model[id];
    return unit.name.empty() ? std::string(unit.id) : fmt::format("{} {}", unit.id, unit.name);
}

/// "F03, F15 and F20"; beyond `most`, "F03, F15 and 4 more".
std::string id_list(const model::Model& model, const std::vector<FindingId>& findings,
                    std::size_t most = std::numeric_limits<std::size_t>::max()) {
    const auto shown = std::min(findings.size(), most);
    std::string text;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) text += i + 1 == shown && shown == findings.size() ? " and " : ", ";
        text += model[findings[i]].id;
    }
    if (shown < findings.size()) text += fmt::format(" and {} more", findings.size() - shown);
    return text;
}

/// Per finding, the findings that name it in `because`, in file order and once each.
std::vector<std::vector<FindingId>> explained_by(const model::Model& model) {
    const auto findings = model.findings();
    std::vector<std::vector<FindingId>> explains(findings.size());
    for (std::size_t f = 0; f < findings.size(); ++f) {
        for (const auto cause : findings[f].because) {
            auto& list = explains[model::index(cause)];
            const auto id = model::at<FindingId>(f);
            if (list.empty() || list.back() != id) list.push_back(id);
        }
    }
    return explains;
}

class TextWriter {
public:
    TextWriter(std::ostream& out, const model::Model& model, const FindingsAnalysis& analysis,
               const FindingsOutputOptions& options)
        : out_(out),
          model_(model),
          analysis_(analysis),
          options_(options),
          selection_(select(model, analysis, options)),
          root_of_(root_of(model, analysis)),
          explained_by_(explained_by(model)) {}

    void write() {
        write_introduction();
        if (selection_.units.empty()) return;
        write_net_table();
        for (const auto* unit : selection_.units) write_unit(*unit);
        write_root_causes();
        write_chains();
        write_loops();
        write_unexplained();
        write_checks();
    }

private:
    void write_introduction() {
        if (options_.unit) {
            out_ << "Review findings: " << unit_label(model_, *options_.unit)
                 << " and the units below it\n";
        } else {
            out_ << "Review findings: what works, what does not work, and why\n";
        }
        if (selection_.units.empty()) {
            out_ << "\nThe review has no findings about "
                 << (options_.unit ? "this unit or the units below it" : "any unit") << ".\n";
            return;
        }
        write_wrapped(out_, "", 0,
                      "Each statement weighs its severity (1 to 5) times the number of "
                      "respondents who made it. A unit's net score is the weight of what works "
                      "minus the weight of what does not work.",
                      options_.width);
    }

    void write_net_table() {
        out_ << "\nNet score per unit\n";
        const auto& tree = model::unit_forest(model_);
        TextTable table({"unit", "works", "doesn't work", "net", "incl. below"},
                        {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
        const auto top_depth = tree.depth(selection_.units.front()->unit);
        for (const auto* unit : selection_.units) {
            const auto depth = tree.depth(unit->unit);
            const std::string indent(2 * (depth > top_depth ? depth - top_depth : 0), ' ');
            table.add_row({indent + unit_label(model_, unit->unit), weight_text(unit->works),
                           weight_text(unit->doesnt_work), signed_number(unit->net),
                           signed_number(unit->net_rollup)});
        }
        table.write(out_, 2);
        write_wrapped(out_, "  ", 2,
                      "Works, doesn't work: total weight (number of statements). Incl. below: "
                      "the net score of the unit and the units below it, each statement "
                      "counted once.",
                      options_.width);
    }

    std::string weight_text(const std::vector<FindingId>& findings) const {
        if (findings.empty()) return "";
        long long total = 0;
        for (const auto f : findings) total += weight(model_[f]);
        return fmt::format("{} ({})", total, findings.size());
    }

    void write_unit(const analysis::UnitFindings& unit) {
        if (unit.works.empty() && unit.doesnt_work.empty() && unit.why.empty()) return;
        const auto& u = model_[unit.unit];
        out_ << "\n" << unit_label(model_, unit.unit) << " (" << to_string(u.kind);
        if (u.parent) out_ << " in " << unit_label(model_, *u.parent);
        out_ << ")\n";
        out_ << "  Net score " << signed_number(unit.net);
        if (unit.net_rollup != unit.net) {
            out_ << "; with the units below it " << signed_number(unit.net_rollup);
        }
        out_ << "\n";

        out_ << "  What works\n";
        if (unit.works.empty()) out_ << "    Nothing was said to work here.\n";
        for (const auto f : unit.works) write_statement(f);
        out_ << "  What does not work\n";
        if (unit.doesnt_work.empty()) out_ << "    Nothing was said not to work here.\n";
        for (const auto f : unit.doesnt_work) write_statement(f);
        out_ << "  Why\n";
        if (unit.why.empty()) {
            out_ << (unit.doesnt_work.empty() ? "    No causes concern this unit.\n"
                                              : "    The review gives no cause.\n");
        }
        for (const auto cause : unit.why) write_statement(cause);
    }

    /// "    F03  statement [severity 5 × 18 respondents = 90; source]", wrapped; for a cause
    /// also what it explains and which root cause it belongs to.
    void write_statement(FindingId id) {
        const auto& finding = model_[id];
        auto atoms = words(finding.statement);
        std::string figures =
            fmt::format("[severity {} × {} {} = {}", finding.severity, finding.count,
                        finding.count == 1 ? "respondent" : "respondents", weight(finding));
        if (!finding.source.empty()) figures += fmt::format("; {}", finding.source);
        atoms.push_back(figures + "]");
        const auto& explains = explained_by_[model::index(id)];
        if (!explains.empty()) {
            auto more = words("Explains " + id_list(model_, explains, kExplainsListed) + ".");
            atoms.insert(atoms.end(), more.begin(), more.end());
        }
        const auto root = root_of_[model::index(id)];
        if (root != kNone && (finding.kind == FindingKind::Cause || !explains.empty())) {
            atoms.push_back(fmt::format("Root cause {}.", root + 1));
        }
        const auto first = fmt::format("    {}  ", finding.id);
        write_wrapped(out_, first, display_width(first), atoms, options_.width);
    }

    void write_root_causes() {
        out_ << "\nRoot causes, heaviest first\n";
        write_wrapped(out_, "", 0,
                      std::string("Where the why-chains end. A root's weight is the total "
                                  "weight of the problems that lead to it through their causes.") +
                          (options_.unit ? " Numbered by rank in the whole review; only those "
                                           "these units' problems and causes lead to are shown."
                                         : ""),
                      options_.width);
        bool any = false;
        const auto rank_width = fmt::format("{}.", analysis_.root_causes.size()).size();
        for (std::uint32_t r = 0; r < analysis_.root_causes.size(); ++r) {
            const auto& root = analysis_.root_causes[r];
            if (!selection_.touches(root.causes)) continue;
            any = true;
            const auto rank = fmt::format("  {:<{}} ", fmt::format("{}.", r + 1), rank_width);
            std::string heading = fmt::format("Weight {}", root.weight);
            if (root.loop && root.causes.size() > 1) {
                heading += " — a loop: " + id_list(model_, root.causes) +
                           " explain one another and nothing outside the loop";
            } else if (root.loop) {
                heading += " — a loop: " + std::string(model_[root.causes.front()].id) +
                           " is given as its own cause";
            }
            const std::string body(3 + rank_width, ' ');
            write_wrapped(out_, rank, body.size(), heading, options_.width);
            for (const auto f : root.causes) {
                const auto first = fmt::format("{}{}  ", body, model_[f].id);
                write_wrapped(out_, first, display_width(first), model_[f].statement,
                              options_.width);
            }
            write_wrapped(out_, body, body.size() + 2, problems_text(root), options_.width);
        }
        if (!any) out_ << "  None.\n";
    }

    /// "Problems that lead here, heaviest first: F03 (90), F15 (48) and F20 (16)."
    std::vector<std::string> problems_text(const analysis::RootCause& root) const {
        if (root.reached_from.empty()) return words("No problem leads here.");
        auto problems = root.reached_from;
        std::stable_sort(problems.begin(), problems.end(), [&](FindingId a, FindingId b) {
            return weight(model_[a]) > weight(model_[b]);
        });
        auto atoms = words("Problems that lead here, heaviest first:");
        const auto shown = std::min(problems.size(), kProblemsListed);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& problem = model_[problems[i]];
            const bool last = i + 1 == shown;
            atoms.push_back(fmt::format("{} ({}){}", problem.id, weight(problem),
                                        last ? (shown == problems.size() ? "." : "") : ","));
            if (i + 2 == shown && shown == problems.size()) {
                atoms.back().pop_back();  // "F03 (90), F15 (48) and F20 (16)."
                atoms.emplace_back("and");
            }
        }
        if (shown < problems.size()) {
            atoms.push_back(fmt::format("and {} more.", problems.size() - shown));
        }
        return atoms;
    }

    void write_chains() {
        out_ << "\nWhy-chains of what does not work\n";
        write_wrapped(out_, "", 0,
                      "Each problem with the causes behind it, down to its root causes.",
                      options_.width);
        bool any = false;
        for (const auto& chain : analysis_.chains) {
            if (!selection_.problem[model::index(chain.finding)] || chain.paths.empty()) continue;
            any = true;
            one_line(2, fmt::format("{}  ", model_[chain.finding].id),
                     model_[chain.finding].statement, "");
            const std::vector<FindingId>* previous = nullptr;
            for (const auto& path : chain.paths) {
                std::size_t shared = 1;
                if (previous != nullptr) {
                    while (shared < path.size() && shared < previous->size() &&
                           path[shared] == (*previous)[shared]) {
                        ++shared;
                    }
                }
                if (path.size() == 1) {
                    one_line(4, "", "is itself part of a root loop", root_note(path.front()));
                }
                for (std::size_t i = shared; i < path.size(); ++i) {
                    const auto f = path[i];
                    one_line(2 + 2 * i, fmt::format("because {}  ", model_[f].id),
                             model_[f].statement, i + 1 == path.size() ? root_note(f) : "");
                }
                previous = &path;
            }
            if (chain.truncated) {
                one_line(4, "",
                         fmt::format("… and more paths: only the first {} are listed",
                                     chain.paths.size()),
                         "");
            }
        }
        if (!any) out_ << "  None.\n";
    }

    std::string root_note(FindingId id) const {
        const auto root = root_of_[model::index(id)];
        if (root == kNone) return "";
        const auto& cause = analysis_.root_causes[root];
        if (cause.causes.size() > 1) {
            return fmt::format("  (root cause {}, a loop)", root + 1);
        }
        return fmt::format("  (root cause {})", root + 1);
    }

    /// One line: indent, lead, the text shortened to fit, then the note.
    void one_line(std::size_t indent, const std::string& lead, std::string_view text,
                  const std::string& note) {
        const auto fixed = indent + display_width(lead) + display_width(note);
        const auto room = options_.width > fixed + 10 ? options_.width - fixed : 10;
        out_ << std::string(indent, ' ') << lead << shorten(one_line_text(text), room) << note
             << '\n';
    }

    void write_loops() {
        out_ << "\nLoops of causes (A → B: A is explained by B)\n";
        bool any = false;
        for (const auto& loop : analysis_.loops) {
            if (!selection_.touches(loop)) continue;
            any = true;
            std::string text;
            for (const auto f : loop) text += std::string(model_[f].id) + " → ";
            text += model_[loop.front()].id;
            const auto root = root_of_[model::index(loop.front())];
            if (root != kNone) {
                text +=
                    fmt::format(": root cause {}, explained by nothing outside itself.", root + 1);
            } else {
                text += ": not a root cause, " + leaving(loop) + ".";
            }
            write_wrapped(out_, "  ", 4, text, options_.width);
        }
        if (analysis_.loops_truncated) {
            out_ << "  … and more loops: only the first " << analysis_.loops.size()
                 << " found are listed.\n";
        }
        if (!any) out_ << "  None.\n";
    }

    /// "C13 is also explained by C15": the causes named outside the loop.
    std::string leaving(const std::vector<FindingId>& loop) const {
        std::vector<std::string> parts;
        for (const auto f : loop) {
            std::vector<FindingId> outside;
            for (const auto c : model_[f].because) {
                if (std::find(loop.begin(), loop.end(), c) == loop.end() &&
                    std::find(outside.begin(), outside.end(), c) == outside.end()) {
                    outside.push_back(c);
                }
            }
            if (!outside.empty()) {
                parts.push_back(fmt::format("{} is also explained by {}", model_[f].id,
                                            id_list(model_, outside)));
            }
        }
        std::string text;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
            text += parts[i];
        }
        return text;
    }

    void write_unexplained() {
        std::vector<FindingId> listed;
        for (const auto f : analysis_.unexplained) {
            if (selection_.problem[model::index(f)]) listed.push_back(f);
        }
        if (listed.empty()) return;
        out_ << "\nProblems the review gives no cause for\n";
        for (const auto f : listed) write_statement(f);
    }

    // Each finding's check and its state on this model (SPEC §4.1).
    void write_checks() {
        if (options_.checks == nullptr) return;
        const auto shown = selection_.checks(*options_.checks);
        if (shown.empty()) return;
        out_ << "\nChecks: the figure that shows each finding fixed, or still working\n";
        TextTable table({"finding", "kind", "state", "check", "figures"});
        for (const auto& c : shown) {
            const auto& finding = model_[c.finding];
            table.add_row({std::string(finding.id), std::string(model::to_string(finding.kind)),
                           std::string(check::to_string(c.outcome.state)),
                           std::string(finding.check), c.outcome.reason});
        }
        table.write(out_, 2);
        for (const auto f : check::holding_before(model_, shown)) {
            out_ << "Warning: the check of " << model_[f].id
                 << " already holds, so it does not describe the problem\n";
        }
    }

    std::ostream& out_;
    const model::Model& model_;
    const FindingsAnalysis& analysis_;
    const FindingsOutputOptions& options_;
    Selection selection_;
    std::vector<std::uint32_t> root_of_;
    std::vector<std::vector<FindingId>> explained_by_;
};

}  // namespace

void write_findings_text(std::ostream& out, const model::Model& model,
                         const FindingsAnalysis& analysis, const FindingsOutputOptions& options) {
    TextWriter(out, model, analysis, options).write();
}

std::string findings_json_text(const model::Model& model, const FindingsAnalysis& analysis,
                               const FindingsOutputOptions& options) {
    return document(model, analysis, options).dump();
}

void write_findings_json(std::ostream& out, const model::Model& model,
                         const FindingsAnalysis& analysis, const FindingsOutputOptions& options) {
    out << document(model, analysis, options).dump(2) << '\n';
}

}  // namespace reorg::output
