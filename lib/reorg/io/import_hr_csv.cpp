#include "reorg/io/import.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "reorg/base/text.hpp"
#include "reorg/io/detail/csv_table.hpp"
#include "reorg/io/detail/import_support.hpp"
#include "reorg/io/detail/model_builder.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/model/id_rules.hpp"

namespace reorg::io {
namespace {

using base::trim;
using detail::field;
using detail::kAbsent;
using detail::made_from;
using detail::quoted;

bool same_name(std::string_view header, std::string_view wanted) {
    return detail::iequals(trim(header), trim(wanted));
}

}  // namespace

model::Model import_hr_csv(const std::filesystem::path& file, const HrCsvColumns& columns,
                           const TextOptions& text_options, Diagnostics& diagnostics) {
    auto text = read_text(file, diagnostics, text_options);
    if (!text) diagnostics.throw_if_errors();
    detail::CsvTable table(file.string(), std::move(*text));
    if (!table.read_header(diagnostics)) diagnostics.throw_if_errors();

    // The columns the caller names; each one named must be in the header.
    struct Wanted {
        std::string_view what;
        const std::string& name;
        bool required;
        std::size_t index = kAbsent;
    };
    std::array wanted = {
        Wanted{"id", columns.id, true},        Wanted{"manager", columns.manager, false},
        Wanted{"title", columns.title, false}, Wanted{"unit", columns.unit, false},
        Wanted{"name", columns.name, false},   Wanted{"fte", columns.fte, false},
        Wanted{"cost", columns.cost, false},
    };
    const auto errors = diagnostics.error_count();
    const auto header_line = table.header().line;
    for (auto& column : wanted) {
        if (trim(column.name).empty()) {
            if (column.required) {
                diagnostics.error({table.file(), header_line},
                                  "no column given for the " + std::string(column.what));
            }
            continue;
        }
        column.index = table.find({trim(column.name)}, same_name, diagnostics);
        if (column.index == kAbsent) {
            diagnostics.error({table.file(), header_line, std::string(trim(column.name))},
                              "missing column, given as the " + std::string(column.what) +
                                  " column " + table.header_and_nearest(trim(column.name)));
        }
    }
    if (diagnostics.error_count() != errors) diagnostics.throw_if_errors();
    // A plain list of people, with nobody's manager: a model all the same, said once.
    if (trim(columns.manager).empty()) {
        diagnostics.warning({table.file(), header_line},
                            "no manager column: every row is a top post");
    }
    const auto [id, manager, title, unit, name, fte, cost] =
        std::apply([](const auto&... w) { return std::array{w.index...}; }, wanted);

    // One post per row, filled by a person with the post's id.
    std::vector<detail::PostDraft> posts;
    std::vector<std::string_view> managers;
    std::vector<std::string_view> unit_names;
    std::vector<std::uint32_t> lines;
    std::unordered_map<std::string_view, std::uint32_t> index;
    CsvRecord record;
    while (!diagnostics.full() && table.next(record, diagnostics)) {
        const auto line = record.line;
        const auto& fields = record.fields;
        const auto post_id = field(fields, id);
        if (auto problem = model::id_problem(post_id, "the employee's id")) {
            diagnostics.error(table.at(line, id), std::move(*problem));
            continue;
        }
        // Caught here rather than left to the builder: managers are looked up in `index`, the
        // message is about employees rather than posts, and the builder would report the row's
        // person (who has the same id) as a second duplicate.
        const auto [it, added] =
            index.try_emplace(post_id, static_cast<std::uint32_t>(posts.size()));
        if (!added) {
            diagnostics.error(table.at(line, id), "duplicate id " + quoted(post_id) +
                                                      " (first on line " +
                                                      std::to_string(lines[it->second]) + ")");
            continue;
        }
        posts.push_back({
            .id = post_id,
            .title = field(fields, title),
            .fte = field(fields, fte),
            .cost = field(fields, cost),
            .person = post_id,
            .person_name = field(fields, name),
        });
        managers.push_back(field(fields, manager));
        unit_names.push_back(field(fields, unit));
        lines.push_back(line);
    }

    for (std::size_t p = 0; p < posts.size(); ++p) {
        if (managers[p].empty()) continue;
        if (const auto found = index.find(managers[p]); found != index.end()) {
            posts[p].manager = found->second;
        } else {
            diagnostics.error(table.at(lines[p], manager),
                              "unknown manager " + quoted(managers[p]) + ": no row has that id");
        }
    }

    // Made once the rows are read and checked, so that errors so far do not keep the builder
    // from checking the structure too.
    ModelBuilder builder(diagnostics);
    const auto column = [&](std::size_t f) { return table.column_name(f, ""); };
    const auto posts_source = builder.add_source(table.file(), table.numbers(),
                                                 {{"id", column(id)},
                                                  {"title", column(title)},
                                                  {"unit", column(unit)},
                                                  {"reports_to", column(manager)},
                                                  {"fte", column(fte)},
                                                  {"cost", column(cost)},
                                                  {"person", column(name == kAbsent ? id : name)}});
    // The root unit and the people are made from no column of the file.
    const auto made_source = builder.add_source(table.file(), {}, made_from(""));
    const auto units_source = builder.add_source(table.file(), {}, made_from(column(unit)));

    // Everything sits under one root unit named after the file; departments from the unit
    // column.
    const std::string root_name = file.stem().string();
    detail::UnitMaker units;
    const auto root = units.root(root_name, {made_source, header_line});
    for (std::size_t p = 0; p < posts.size(); ++p) {
        auto& post = posts[p];
        post.unit = unit_names[p].empty()
                        ? root
                        : units.department(root, unit_names[p], {units_source, lines[p]});
        post.origin = {posts_source, lines[p]};
        post.person_origin = {made_source, lines[p]};
    }
    // Without managers the first row of a unit would head it only by its place in the file, and
    // every other row would be warned about as cut off from that head: no heads instead.
    if (manager == kAbsent) {
        for (auto& made : units.units()) made.headless = true;
    }
    return detail::build_model(builder, units.units(), posts, {});
}

}  // namespace reorg::io
