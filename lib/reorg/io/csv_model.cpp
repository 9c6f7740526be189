#include <algorithm>
#include <string>
#include <vector>

#include "reorg/io/csv.hpp"
#include "reorg/io/load.hpp"
#include "reorg/io/model_builder.hpp"
#include "reorg/io/tables.hpp"
#include "reorg/io/text_input.hpp"

namespace reorg::io {
namespace {

// Line and byte column of an offset, for a message about invalid bytes.
std::pair<std::uint32_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    const auto before = text.substr(0, offset);
    const auto line =
        static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    const auto line_start = before.rfind('\n');
    return {line, offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1};
}

template <class Fields>
void read_table(const std::filesystem::path& folder, const detail::TableSpec<Fields>& spec,
                ModelBuilder& builder, Diagnostics& diagnostics) {
    const auto path = folder / spec.file;
    const std::string file = path.string();
    if (!std::filesystem::is_regular_file(path)) {
        if (spec.required) diagnostics.error({file}, "the file is missing");
        return;
    }
    std::string bytes = read_file(path);
    if (const auto bad = find_invalid_utf8(bytes)) {
        const auto [line, column] = line_and_column(bytes, *bad);
        diagnostics.error({file, line}, "invalid UTF-8 at byte " + std::to_string(column) +
                                            " of the line (save the file as UTF-8)");
        return;
    }
    CsvReader reader(std::move(bytes));
    builder.set_source(spec.table, file, {.decimal_comma = reader.separator() == ';'});

    CsvRecord header;
    if (!reader.next(header)) {
        if (const auto line = reader.unterminated_quote_line()) {
            diagnostics.error({file, *line}, "a quoted field is never closed");
        } else if (spec.required) {
            diagnostics.error({file, 1}, "the file is empty (no header line)");
        }
        return;
    }

    // Which field holds each known column; the others are kept as extra columns.
    constexpr std::size_t kAbsent = ~std::size_t{0};
    std::vector<std::size_t> field_of(spec.columns.size(), kAbsent);
    std::vector<std::size_t> extra_fields;
    std::vector<std::string> extra_names;
    bool missing = false;
    for (std::size_t f = 0; f < header.fields.size(); ++f) {
        const auto name = model::trim(header.fields[f]);
        const auto known =
            std::find_if(spec.columns.begin(), spec.columns.end(),
                         [&](const auto& c) { return detail::same_name(name, c.name); });
        if (known == spec.columns.end()) {
            extra_fields.push_back(f);
            extra_names.emplace_back(name);
            continue;
        }
        auto& slot = field_of[static_cast<std::size_t>(known - spec.columns.begin())];
        if (slot != kAbsent) {
            diagnostics.error({file, header.line, std::string(name)}, "the column appears twice");
            missing = true;
        }
        slot = f;
    }
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        if (spec.columns[c].required && field_of[c] == kAbsent) {
            diagnostics.error({file, header.line, std::string(spec.columns[c].name)},
                              "missing required column");
            missing = true;
        }
    }
    if (missing) return;
    builder.set_extra_columns(spec.table, std::move(extra_names));

    CsvRecord record;
    std::vector<std::string_view> extra(extra_fields.size());
    while (reader.next(record) && !diagnostics.full()) {
        const auto& fields = record.fields;
        if (fields.size() > header.fields.size()) {
            diagnostics.error({file, record.line}, "the row has " + std::to_string(fields.size()) +
                                                       " fields but the header has " +
                                                       std::to_string(header.fields.size()) +
                                                       " (a separator inside an unquoted value?)");
            continue;
        }
        const auto field = [&](std::size_t f) {
            return f < fields.size() ? fields[f] : std::string_view{};
        };
        Fields row{};
        for (std::size_t c = 0; c < spec.columns.size(); ++c) {
            if (field_of[c] != kAbsent) row.*(spec.columns[c].field) = field(field_of[c]);
        }
        for (std::size_t e = 0; e < extra_fields.size(); ++e) extra[e] = field(extra_fields[e]);
        detail::add_row(builder, row, record.line, extra);
    }
    if (const auto line = reader.unterminated_quote_line()) {
        diagnostics.error({file, *line}, "a quoted field is never closed");
    }
}

}  // namespace

model::Model read_csv_folder(const std::filesystem::path& folder, Diagnostics& diagnostics) {
    for (const auto* required : {&detail::kUnits.file, &detail::kPosts.file}) {
        if (!std::filesystem::is_regular_file(folder / *required)) {
            diagnostics.error({(folder / *required).string()}, "the file is missing");
        }
    }
    diagnostics.throw_if_errors();
    ModelBuilder builder(diagnostics);
    builder.set_people_listed(std::filesystem::is_regular_file(folder / detail::kPeople.file));
    read_table(folder, detail::kUnits, builder, diagnostics);
    read_table(folder, detail::kPosts, builder, diagnostics);
    read_table(folder, detail::kPeople, builder, diagnostics);
    read_table(folder, detail::kLinks, builder, diagnostics);
    read_table(folder, detail::kFindings, builder, diagnostics);
    return std::move(builder).finish();
}

}  // namespace reorg::io
