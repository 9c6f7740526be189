#include "reorg/output/structure_output.hpp"

#include <fmt/format.h>

#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "reorg/model/hierarchy.hpp"
#include "reorg/output/detail/json_writer.hpp"
#include "reorg/output/text_table.hpp"

namespace reorg::output {
namespace {

// A count appended to a cell reused from row to row.
void append_count(std::string& cell, std::size_t n) {
    fmt::format_to(std::back_inserter(cell), "{}", n);
}

void write_managers(detail::JsonWriter& json, const model::Model& model,
                    const std::vector<analysis::ManagerSpan>& managers) {
    json.begin_array();
    for (const auto& [post, span] : managers) {
        json.begin_object();
        json.member("id", model[post].id);
        json.member("title", model[post].title);
        json.member("unit", model[model[post].unit].id);
        json.member("span", span);
        json.end_object();
    }
    json.end_array();
}

// The members of a unit's own or rolled-up figures.
void write_figures(detail::JsonWriter& json, const analysis::UnitFigures& figures) {
    json.member("posts", figures.posts);
    json.member("vacant", figures.vacant);
    json.member("headcount", figures.headcount);
    json.member("fte", figures.fte);
    json.member("cost", figures.cost);
}

// `"layers": {"max": …, "mean": …}`, of the organisation or of a unit.
void write_layers(detail::JsonWriter& json, std::size_t max, double mean) {
    json.key("layers");
    json.begin_object();
    json.member("max", max);
    json.member("mean", mean);
    json.end_object();
}

}  // namespace

void write_structure_json(std::ostream& out, const model::Model& model,
                          const analysis::Structure& s) {
    // Written as it is made: a large organisation has a hundred thousand units and as many
    // flagged managers, and the document is never held.
    detail::JsonWriter json(out);
    json.begin_object();
    json.member("posts", s.posts);
    json.member("filled", s.filled);
    json.member("vacant", s.vacant);
    json.member("people", s.people);
    json.member("fte", s.fte);
    json.member("cost", s.cost);
    json.member("units", s.units);
    json.key("units_by_kind");
    json.begin_object();
    for (const auto& [kind, count] : s.units_by_kind) json.member(to_string(kind), count);
    json.end_object();
    json.member("managers", s.managers);
    json.member("staff_per_manager", s.staff_per_manager);
    json.key("span");
    json.begin_object();
    json.member("min", s.span.min);
    json.member("median", s.span.median);
    json.member("mean", s.span.mean);
    json.member("max", s.span.max);
    json.key("histogram");
    json.begin_object();
    for (const auto& [span, managers] : s.span_histogram) {
        json.member(std::to_string(span), managers);
    }
    json.end_object();
    json.end_object();
    json.key("thresholds");
    json.begin_object();
    json.member("narrow", s.thresholds.narrow);
    json.member("wide", s.thresholds.wide);
    json.end_object();
    json.member("narrow", s.narrow.size());
    json.member("wide", s.wide.size());
    json.key("narrow_managers");
    write_managers(json, model, s.narrow);
    json.key("wide_managers");
    write_managers(json, model, s.wide);
    write_layers(json, s.layers_max, s.layers_mean);
    json.key("by_unit");
    json.begin_array();
    for (const auto& u : s.by_unit) {
        const auto& unit = model[u.unit];
        json.begin_object();
        json.member("unit", unit.id);
        json.member("name", unit.name);
        json.member("kind", to_string(unit.kind));
        json.key("parent");
        if (unit.parent) {
            json.value(model[*unit.parent].id);
        } else {
            json.null();
        }
        write_figures(json, u.own);
        json.member("managers", u.managers);
        write_layers(json, u.layers_max, u.layers_mean);
        json.key("rollup");
        json.begin_object();
        write_figures(json, u.rollup);
        json.end_object();
        json.end_object();
    }
    json.end_array();
    json.end_object();
    json.flush();
    out << '\n';
}

void write_structure_table(std::ostream& out, const model::Model& model,
                           const analysis::Structure& s) {
    TextTable summary({"figure", "value"}, {Align::Left, Align::Right});
    summary.add_row({"posts", std::to_string(s.posts)});
    summary.add_row({"filled", std::to_string(s.filled)});
    summary.add_row({"vacant", std::to_string(s.vacant)});
    summary.add_row({"people", std::to_string(s.people)});
    summary.add_row({"FTE", format_number(s.fte)});
    summary.add_row({"cost", format_amount(s.cost)});
    summary.add_row({"units", std::to_string(s.units)});
    for (const auto& [kind, count] : s.units_by_kind) {
        summary.add_row({"  " + std::string(to_string(kind)), std::to_string(count)});
    }
    summary.add_row({"managers", std::to_string(s.managers)});
    summary.add_row({"staff per manager", format_number(s.staff_per_manager, 1)});
    summary.add_row(
        {"span min / median / mean / max",
         fmt::format("{} / {} / {} / {}", format_number(s.span.min), format_number(s.span.median),
                     format_number(s.span.mean, 1), format_number(s.span.max))});
    summary.add_row({fmt::format("narrow managers (span < {})", s.thresholds.narrow),
                     std::to_string(s.narrow.size())});
    summary.add_row({fmt::format("wide managers (span > {})", s.thresholds.wide),
                     std::to_string(s.wide.size())});
    summary.add_row({"layers max / mean",
                     fmt::format("{} / {}", s.layers_max, format_number(s.layers_mean, 1))});
    out << "Organisation\n";
    summary.write(out, 2);

    if (!s.span_histogram.empty()) {
        out << "\nSpan of control (direct reports per manager)\n";
        TextTable histogram({"span", "managers", ""}, {Align::Right, Align::Right, Align::Left});
        std::size_t most = 0;
        for (const auto& [span, managers] : s.span_histogram) most = std::max(most, managers);
        for (const auto& [span, managers] : s.span_histogram) {
            const auto bar = (managers * 40 + most - 1) / most;
            std::string bars;
            for (std::size_t i = 0; i < bar; ++i) bars += "\u2587";
            histogram.add_row({std::to_string(span), std::to_string(managers), bars});
        }
        histogram.write(out, 2);
    }

    const auto flagged = [&](std::string_view title, const auto& managers) {
        if (managers.empty()) return;
        out << '\n' << title << '\n';
        TextTable({"manager", "span"}, {Align::Left, Align::Right})
            .write(
                out, managers.size(),
                [&](std::size_t i, TextTable::Cells cells) {
                    const auto& [id, span] = managers[i];
                    const auto& post = model[id];
                    cells[0] += post.id;
                    if (!post.title.empty()) (cells[0] += ' ') += post.title;
                    ((cells[0] += " (") += model[post.unit].id) += ')';
                    append_count(cells[1], span);
                },
                2);
    };
    flagged(fmt::format("Narrow managers (fewer than {} direct reports)", s.thresholds.narrow),
            s.narrow);
    flagged(fmt::format("Wide managers (more than {} direct reports)", s.thresholds.wide), s.wide);

    // A line per unit, a hundred thousand in a large organisation: made as it is written.
    out << "\nUnits (own posts, and rolled up with sub-units)\n";
    const auto& tree = model::unit_forest(model);
    const TextTable units({"unit", "kind", "posts", "vacant", "FTE", "cost", "deepest layer",
                           "total posts", "total FTE", "total cost"},
                          {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right,
                           Align::Right, Align::Right, Align::Right, Align::Right, Align::Right});
    units.write(
        out, s.by_unit.size(),
        [&](std::size_t i, TextTable::Cells cells) {
            const auto& u = s.by_unit[i];
            const auto& unit = model[u.unit];
            cells[0].append(2 * (tree.depth(u.unit) - 1), ' ');
            cells[0] += unit.id;
            if (!unit.name.empty()) (cells[0] += ' ') += unit.name;
            cells[1] += to_string(unit.kind);
            append_count(cells[2], u.own.posts);
            append_count(cells[3], u.own.vacant);
            base::append_number(cells[4], u.own.fte);
            base::append_amount(cells[5], u.own.cost);
            if (u.own.posts > 0) append_count(cells[6], u.layers_max);
            append_count(cells[7], u.rollup.posts);
            base::append_number(cells[8], u.rollup.fte);
            base::append_amount(cells[9], u.rollup.cost);
        },
        2);
}

void write_structure_csv(std::ostream& out, const model::Model& model,
                         const analysis::Structure& s) {
    const std::vector<std::string> header{
        "unit",       "name",        "kind",         "parent",        "posts",
        "vacant",     "headcount",   "fte",          "cost",          "managers",
        "layers_max", "layers_mean", "posts_rollup", "vacant_rollup", "headcount_rollup",
        "fte_rollup", "cost_rollup"};
    write_csv_row(out, header);
    // One row at a time, into fields reused from row to row.
    std::vector<std::string> row(header.size());
    for (const auto& u : s.by_unit) {
        const auto& unit = model[u.unit];
        for (auto& field : row) field.clear();
        row[0] += unit.id;
        row[1] += unit.name;
        row[2] += to_string(unit.kind);
        if (unit.parent) row[3] += model[*unit.parent].id;
        append_count(row[4], u.own.posts);
        append_count(row[5], u.own.vacant);
        append_count(row[6], u.own.headcount);
        base::append_number(row[7], u.own.fte, 4);
        base::append_number(row[8], u.own.cost, 2);
        append_count(row[9], u.managers);
        append_count(row[10], u.layers_max);
        base::append_number(row[11], u.layers_mean, 4);
        append_count(row[12], u.rollup.posts);
        append_count(row[13], u.rollup.vacant);
        append_count(row[14], u.rollup.headcount);
        base::append_number(row[15], u.rollup.fte, 4);
        base::append_number(row[16], u.rollup.cost, 2);
        write_csv_row(out, row);
    }
}

}  // namespace reorg::output
